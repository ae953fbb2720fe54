/** How the workspace's `.specfuse/VERSION` compares with the running package (cli.md C-RUN-2). */
export type ScaffoldDrift =
  "none" | "tree_older" | "tree_newer" | "unversioned" | "invalid";

/** The scaffold block of `status` (cli.md §10). */
export interface ScaffoldInfo {
  /** The first line of VERSION, trimmed; null when absent or empty. */
  version: string | null;
  package_version: string;
  drift: ScaffoldDrift;
}

// Compares VERSION text (null: no file) with the package version; pure.
export function scaffoldDrift(
  versionText: string | null,
  packageVersion: string,
): ScaffoldInfo {
  const line =
    versionText === null
      ? ""
      : (
          versionText.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/)[0] ?? ""
        ).trim();
  const base = {
    version: line === "" ? null : line,
    package_version: packageVersion,
  };
  if (line === "") return { ...base, drift: "unversioned" };
  const tree = parse(line);
  const pkg = parse(packageVersion);
  if (tree === null || pkg === null) return { ...base, drift: "invalid" };
  const order = compare(tree, pkg);
  return {
    ...base,
    drift: order === 0 ? "none" : order < 0 ? "tree_older" : "tree_newer",
  };
}

// One line for people about the drift, or null when there is none.
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

type Parts = [number, number, number, string[]];

function parse(text: string): Parts | null {
  const m =
    /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+)|(a|b|rc)(\d+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(
      text,
    );
  if (m === null) return null;
  const pre =
    m[4] !== undefined
      ? m[4].split(".")
      : m[5] !== undefined
        ? [{ a: "alpha", b: "beta", rc: "rc" }[m[5]] ?? m[5], m[6] ?? "0"]
        : [];
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0), pre];
}

function compare(a: Parts, b: Parts): number {
  for (let i = 0; i < 3; i++)
    if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number) ? -1 : 1;
  const [pa, pb] = [a[3], b[3]];
  if (pa.length === 0 || pb.length === 0)
    return pa.length === pb.length ? 0 : pa.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const [x, y] = [pa[i] as string, pb[i] as string];
    if (x === y) continue;
    const [nx, ny] = [/^\d+$/.test(x), /^\d+$/.test(y)];
    if (nx && ny) return Number(x) < Number(y) ? -1 : 1;
    if (nx !== ny) return nx ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return pa.length === pb.length ? 0 : pa.length < pb.length ? -1 : 1;
}
