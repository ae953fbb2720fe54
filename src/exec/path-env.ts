import path from "node:path";

/** A child environment: undefined values are left out of the child. */
export type ChildEnv = Record<string, string | undefined>;

// The PATH key as the environment spells it (Windows keeps `Path`).
export function pathKey(
  env: Readonly<ChildEnv>,
  platform: NodeJS.Platform,
): string {
  if (platform !== "win32") return "PATH";
  return Object.keys(env).find((k) => k.toUpperCase() === "PATH") ?? "Path";
}

// The directories resolved point 6 puts first on PATH: the running CLI's bin directory, then the repo's node_modules/.bin.
export function toolDirs(packageRoot: string, repoRoot: string): string[] {
  return [
    path.join(packageRoot, "bin"),
    path.join(repoRoot, "node_modules", ".bin"),
  ];
}

// A copy of env with dirs prepended to PATH, in order, each at most once.
export function prependPath(
  env: Readonly<ChildEnv>,
  dirs: readonly string[],
  platform: NodeJS.Platform,
): ChildEnv {
  const key = pathKey(env, platform);
  const sep = platform === "win32" ? ";" : ":";
  const current = (env[key] ?? "").split(sep).filter((d) => d !== "");
  const wanted = [...new Set(dirs)];
  const rest = current.filter((d) => !wanted.includes(d));
  return { ...env, [key]: [...wanted, ...rest].join(sep) };
}

// A copy of env without the given keys (case-insensitively on Windows).
export function withoutKeys(
  env: Readonly<ChildEnv>,
  keys: readonly string[],
  platform: NodeJS.Platform,
): ChildEnv {
  const fold = (k: string) => (platform === "win32" ? k.toUpperCase() : k);
  const drop = new Set(keys.map(fold));
  return Object.fromEntries(
    Object.entries(env).filter(
      ([k, v]) => !drop.has(fold(k)) && v !== undefined,
    ),
  );
}
