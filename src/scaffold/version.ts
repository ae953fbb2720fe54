/** A scaffold version: SemVer core plus pre-release identifiers (build metadata is dropped). */
export interface ScaffoldVersion {
  major: number;
  minor: number;
  patch: number;
  /** Pre-release identifiers; numeric ones are numbers. Empty for a release. */
  prerelease: ReadonlyArray<string | number>;
}

/** The outcome of reading a VERSION file (init.md I-VER-2). */
export type VersionRead =
  | { kind: "unversioned" }
  | { kind: "version"; version: ScaffoldVersion; text: string }
  | { kind: "invalid"; line: string };

const CORE = String.raw`v?(\d+)(?:\.(\d+))?(?:\.(\d+))?`;
const SEMVER_PRE = String.raw`-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)`;
const PEP440_PRE = String.raw`(a|b|rc)(\d+)`;
const BUILD = String.raw`(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?`;
const VERSION_PATTERN = new RegExp(
  `^${CORE}(?:${SEMVER_PRE}|${PEP440_PRE})?${BUILD}$`,
);
const PEP440_NAMES: Record<string, string> = {
  a: "alpha",
  b: "beta",
  rc: "rc",
};

// Reads the first line of VERSION: BOM and whitespace stripped; empty means unversioned (I-VER-2).
export function readVersionText(text: string | null): VersionRead {
  if (text === null) return { kind: "unversioned" };
  const first = (text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/)[0] ?? "")
    .replace(/^\uFEFF/, "")
    .trim();
  if (first === "") return { kind: "unversioned" };
  const version = parseVersion(first);
  return version === null
    ? { kind: "invalid", line: first }
    : { kind: "version", version, text: formatVersion(version) };
}

// Parses one version string (`v1.2`, `1.0.0-rc.1`, `0.4.0rc1`, `2+build.5`), or null when it is not one.
export function parseVersion(text: string): ScaffoldVersion | null {
  const m = VERSION_PATTERN.exec(text);
  if (m === null) return null;
  const prerelease: Array<string | number> = [];
  if (m[4] !== undefined) {
    for (const id of m[4].split(".")) prerelease.push(identifier(id));
  } else if (m[5] !== undefined && m[6] !== undefined) {
    prerelease.push(PEP440_NAMES[m[5]] ?? m[5], Number(m[6]));
  }
  return {
    major: Number(m[1]),
    minor: Number(m[2] ?? 0),
    patch: Number(m[3] ?? 0),
    prerelease,
  };
}

function identifier(id: string): string | number {
  return /^(0|[1-9][0-9]*)$/.test(id) && Number.isSafeInteger(Number(id))
    ? Number(id)
    : id;
}

// The canonical text of a version: `M.m.p` plus `-pre.ids` when it has any.
export function formatVersion(v: ScaffoldVersion): string {
  const core = `${v.major}.${v.minor}.${v.patch}`;
  return v.prerelease.length === 0 ? core : `${core}-${v.prerelease.join(".")}`;
}

// SemVer precedence: negative when a < b, 0 when equal, positive when a > b. Null (unversioned) is lowest.
export function compareVersions(
  a: ScaffoldVersion | null,
  b: ScaffoldVersion | null,
): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  for (const key of ["major", "minor", "patch"] as const) {
    if (a[key] !== b[key]) return a[key] < b[key] ? -1 : 1;
  }
  return comparePrerelease(a.prerelease, b.prerelease);
}

function comparePrerelease(
  a: ReadonlyArray<string | number>,
  b: ReadonlyArray<string | number>,
): number {
  if (a.length === 0 || b.length === 0) {
    // a release ranks above any of its pre-releases
    return a.length === b.length ? 0 : a.length === 0 ? 1 : -1;
  }
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x < y ? -1 : 1;
    if (typeof x === "number") return -1;
    if (typeof y === "number") return 1;
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
