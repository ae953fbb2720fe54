import path from "node:path";

/** What the files_changed guard compares against (driver D-GUARD-1). */
export interface FilesChangedInput {
  /** RESULT `files_changed`, as listed. */
  declared: readonly unknown[];
  /** The repository root, absolute, for absolute paths in the list. */
  repoRoot: string;
  /** Repo-relative tracked paths that differ from head_before, deletions included. */
  changedTracked: Iterable<string>;
  /** Repo-relative untracked files that are new since the attempt started. */
  newUntracked: Iterable<string>;
  /** Paths git ignores; a new ignored file counts as unchanged. */
  ignored?: ReadonlySet<string>;
}

// A files_changed entry as a repo-relative POSIX path (D-GUARD-1), or null when it is outside the repo.
export function normalizeRepoPath(
  entry: string,
  repoRoot: string,
): string | null {
  let p = entry.trim().replace(/\\/g, "/");
  if (p === "") return null;
  const root = repoRoot.replace(/\\/g, "/").replace(/\/+$/, "");
  if (p.startsWith("/") || /^[A-Za-z]:\//.test(p)) {
    if (p !== root && !p.startsWith(`${root}/`)) return null;
    p = p.slice(root.length + 1);
  }
  while (p.startsWith("./")) p = p.slice(2);
  const n = path.posix.normalize(p === "" ? "." : p).replace(/\/+$/, "");
  if (n === ".." || n.startsWith("../")) return null;
  return n === "" ? "." : n;
}

// The declared paths that did not change (D-GUARD-1); empty when the guard passes or the list is empty.
export function unchangedDeclaredPaths(input: FilesChangedInput): string[] {
  const ignored = input.ignored ?? new Set<string>();
  const changed = new Set<string>(input.changedTracked);
  for (const p of input.newUntracked) if (!ignored.has(p)) changed.add(p);
  const unchanged: string[] = [];
  for (const raw of input.declared) {
    if (raw === null || raw === undefined) continue;
    const text = typeof raw === "string" ? raw : JSON.stringify(raw);
    const rel = normalizeRepoPath(text, input.repoRoot);
    if (rel === null || !isChanged(rel, changed)) {
      if (!unchanged.includes(text)) unchanged.push(text);
    }
  }
  return unchanged;
}

// A path is changed when it is in the set, or is a directory that contains a changed path.
function isChanged(rel: string, changed: ReadonlySet<string>): boolean {
  if (changed.has(rel)) return true;
  if (rel === ".") return changed.size > 0;
  const prefix = `${rel}/`;
  for (const c of changed) if (c.startsWith(prefix)) return true;
  return false;
}

// `produces` as a list of paths: a string is one path, a list keeps its strings (formats.md F-WU-2).
export function producesPaths(produces: unknown): string[] {
  if (typeof produces === "string") return produces === "" ? [] : [produces];
  if (!Array.isArray(produces)) return [];
  return produces.filter((p): p is string => typeof p === "string" && p !== "");
}

/** A failed produces check (D-GUARD-3): the first failure's summary and every missing or empty path. */
export interface ProducesFailure {
  summary: string;
  missing: string[];
}

// The produces guard (D-GUARD-3): each path must exist with size > 0; `sizes` holds the paths that exist.
export function checkProduces(
  paths: readonly string[],
  sizes: ReadonlyMap<string, number>,
): ProducesFailure | null {
  const missing: string[] = [];
  let summary: string | null = null;
  for (const p of paths) {
    const size = sizes.get(p);
    if (size !== undefined && size > 0) continue;
    summary ??=
      size === undefined
        ? `declared deliverable absent: ${p}`
        : `declared deliverable empty: ${p}`;
    if (!missing.includes(p)) missing.push(p);
  }
  return summary === null ? null : { summary, missing };
}

// The empty-files guard (D-GUARD-4), implementation units only: something besides events.jsonl and the WU file.
export function checkEmptyFiles(
  type: string,
  squashPaths: readonly string[],
  wuFile: string,
): { summary: string } | null {
  if (type !== "implementation") return null;
  const wuBase = path.posix.basename(wuFile.replace(/\\/g, "/"));
  const rest = squashPaths.filter((p) => {
    const base = path.posix.basename(p);
    return base !== "events.jsonl" && base !== wuBase;
  });
  if (rest.length > 0) return null;
  return {
    summary: `no deliverable files: apart from ${wuBase} and events.jsonl the squash changed nothing; an implementation unit must change at least one other file`,
  };
}
