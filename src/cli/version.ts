import pkg from "../../package.json" with { type: "json" };

// The package version; the bundle inlines it, so `--version` reads no file.
export const VERSION: string = pkg.version;
