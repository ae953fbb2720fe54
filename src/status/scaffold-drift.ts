import {
  compareVersions,
  parseVersion,
  readVersionText,
} from "../scaffold/version.js";

/** How the workspace's `.specfuse/VERSION` compares with the running package (cli.md C-RUN-2). */
export type ScaffoldDrift =
  "none" | "tree_older" | "tree_newer" | "unversioned" | "invalid";

/** The scaffold block of `status` and the `scaffold-version` check of `doctor` (cli.md §10). */
export interface ScaffoldInfo {
  /** The first line of VERSION, trimmed; null when absent or empty. */
  version: string | null;
  package_version: string;
  drift: ScaffoldDrift;
}

// Compares VERSION text (null: no file) with the package version (init.md I-VER-2 precedence); pure.
export function scaffoldDrift(
  versionText: string | null,
  packageVersion: string,
): ScaffoldInfo {
  const read = readVersionText(versionText);
  const pkg = parseVersion(packageVersion);
  if (read.kind === "unversioned")
    return {
      version: null,
      package_version: packageVersion,
      drift: "unversioned",
    };
  if (read.kind === "invalid" || pkg === null)
    return {
      version: read.kind === "invalid" ? read.line : read.text,
      package_version: packageVersion,
      drift: "invalid",
    };
  const order = compareVersions(read.version, pkg);
  return {
    version: read.text,
    package_version: packageVersion,
    drift: order === 0 ? "none" : order < 0 ? "tree_older" : "tree_newer",
  };
}

// One line for people about the drift (cli.md C-RUN-2 wording), or null when there is none.
export function driftAdvice(info: ScaffoldInfo): string | null {
  switch (info.drift) {
    case "none":
      return null;
    case "tree_older":
      return `this tree was written by specfuse ${info.version ?? "?"}; run \`specfuse upgrade\``;
    case "tree_newer":
      return `this tree was written by specfuse ${info.version ?? "?"}; upgrade the CLI`;
    case "unversioned":
      return "no .specfuse/VERSION: run `specfuse upgrade`";
    case "invalid":
      return `.specfuse/VERSION does not hold a version ("${info.version ?? ""}")`;
  }
}
