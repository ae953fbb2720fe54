/** One tracked path that differs from HEAD or the index (porcelain v2 `1`, `2` or `u` line). */
export interface StatusChange {
  /** `ordinary`, `renamed` (or copied) or `unmerged`. */
  kind: "ordinary" | "renamed" | "unmerged";
  /** The two-letter XY code: index then work tree, `.` for unchanged. */
  xy: string;
  path: string;
  /** The source path of a rename or copy. */
  origPath: string | null;
}

/** The parsed `git status --porcelain=v2 --branch -z --untracked-files=all`. Ignored files are never listed. */
export interface StatusSnapshot {
  /** The commit HEAD points at, or null before the first commit. */
  head: string | null;
  /** The checked-out branch name, or null when HEAD is detached. */
  branch: string | null;
  changes: StatusChange[];
  /** Non-ignored untracked files, one entry per file. */
  untracked: string[];
}

// Parses porcelain v2 `-z` output; paths are as git prints them (relative to the work-tree top).
export function parseStatus(text: string): StatusSnapshot {
  const fields = text.split("\0");
  const snapshot: StatusSnapshot = {
    head: null,
    branch: null,
    changes: [],
    untracked: [],
  };
  for (let i = 0; i < fields.length; i++) {
    const record = fields[i] ?? "";
    if (record === "") continue;
    const tag = record[0];
    if (tag === "#") readHeader(record, snapshot);
    else if (tag === "1") snapshot.changes.push(ordinary(record, 8));
    else if (tag === "u")
      snapshot.changes.push({ ...ordinary(record, 10), kind: "unmerged" });
    else if (tag === "2") {
      const change = ordinary(record, 9);
      snapshot.changes.push({
        ...change,
        kind: "renamed",
        origPath: fields[++i] ?? "",
      });
    } else if (tag === "?") snapshot.untracked.push(record.slice(2));
  }
  return snapshot;
}

function readHeader(record: string, snapshot: StatusSnapshot): void {
  const [, key, ...rest] = record.split(" ");
  const value = rest.join(" ");
  if (key === "branch.oid")
    snapshot.head = value === "(initial)" ? null : value;
  if (key === "branch.head")
    snapshot.branch = value === "(detached)" ? null : value;
}

// `1 XY sub mH mI mW hH hI path`: the path is everything after the fixed fields, spaces included.
function ordinary(record: string, fixedFields: number): StatusChange {
  let at = 0;
  for (let n = 0; n < fixedFields; n++) at = record.indexOf(" ", at) + 1;
  return {
    kind: "ordinary",
    xy: record.slice(2, 4),
    path: record.slice(at),
    origPath: null,
  };
}

// Every path a status mentions as changed: each change's path and rename source, then the untracked files.
export function statusPaths(status: StatusSnapshot): string[] {
  const out: string[] = [];
  for (const c of status.changes) {
    out.push(c.path);
    if (c.origPath !== null) out.push(c.origPath);
  }
  return [...out, ...status.untracked];
}
