import { createHash } from "node:crypto";

// Rebuilds every version of one file from `git log -p -U0 --full-index` output: one git process and only the
// changed lines for a history of N versions. Each rebuilt version is checked against its blob id. Pure.

/** One commit's patch of the file. */
export interface PatchRecord {
  commit: string;
  /** The new blob id from the `index` line, or null (deleted, or a mode-only change). */
  blob: string | null;
  isDeleted: boolean;
  isNew: boolean;
  /** The hunk lines (from the first `@@`), empty for a mode-only change or an empty new file. */
  hunks: string[];
}

/** A version rebuilt from its patch. */
export interface RebuiltVersion {
  /** Null when the commit deleted the file, or the patch did not apply. */
  text: string | null;
  /** The text hashes to the record's blob (or there is no blob to check). */
  isVerified: boolean;
}

// The id git gives a blob with this content (SHA-1, or SHA-256 for 64-hex ids).
export function blobId(text: string, length: number): string {
  const bytes = Buffer.from(text, "utf8");
  return createHash(length === 64 ? "sha256" : "sha1")
    .update(`blob ${bytes.length}\0`)
    .update(bytes)
    .digest("hex");
}

/** A file as lines, and whether its last line ends with a newline. */
interface Lines {
  lines: string[];
  isEnded: boolean;
}

function toLines(text: string | null): Lines {
  if (text === null || text === "") return { lines: [], isEnded: true };
  const lines = text.split("\n");
  const isEnded = lines.at(-1) === "";
  if (isEnded) lines.pop();
  return { lines, isEnded };
}

function toText(f: Lines): string {
  return f.lines.length === 0
    ? ""
    : `${f.lines.join("\n")}${f.isEnded ? "\n" : ""}`;
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@/;

// Applies -U0 hunks (in order) to the previous version.
function applyHunks(old: Lines, body: readonly string[]): Lines | null {
  const out: string[] = [];
  let pos = 0;
  let last: "+" | "-" | null = null;
  let sawPlusEnd = false;
  let sawMinusEnd = false;
  for (const l of body) {
    const h = HUNK.exec(l);
    if (h !== null) {
      const start = Number(h[1]);
      const count = h[2] === undefined ? 1 : Number(h[2]);
      const at = count === 0 ? start : start - 1;
      if (at < pos || at > old.lines.length) return null;
      out.push(...old.lines.slice(pos, at));
      pos = at + count;
      last = null;
    } else if (l.startsWith("+")) {
      out.push(l.slice(1));
      last = "+";
    } else if (l.startsWith("-")) last = "-";
    else if (l.startsWith("\\")) {
      if (last === "+") sawPlusEnd = true;
      if (last === "-") sawMinusEnd = true;
    } else if (l !== "") return null;
  }
  if (pos > old.lines.length) return null;
  out.push(...old.lines.slice(pos));
  return {
    lines: out,
    isEnded: !(sawPlusEnd || (!old.isEnded && !sawMinusEnd)),
  };
}

function parseRecord(record: string): PatchRecord | null {
  const lines = record.split("\n");
  const commit = (lines[0] ?? "").trim();
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(commit)) return null;
  const blob =
    lines
      .map((l) => /^index [0-9a-f]+\.\.([0-9a-f]+)/.exec(l))
      .find((m) => m !== null)?.[1] ?? null;
  const hunk = lines.findIndex((l) => l.startsWith("@@"));
  return {
    commit,
    blob: blob !== null && /^0+$/.test(blob) ? null : blob,
    isDeleted: lines.some(
      (l) => l.startsWith("deleted file mode") || l.startsWith("+++ /dev/null"),
    ),
    isNew: lines.some((l) => l.startsWith("new file mode")),
    hunks: hunk < 0 ? [] : lines.slice(hunk),
  };
}

// The records of a `git log -p -U0 --format=%x00%H` stream, oldest first; null when it is not that shape.
export function parseVersionPatches(stdout: string): PatchRecord[] | null {
  const records: PatchRecord[] = [];
  for (const text of stdout.split("\0").slice(1)) {
    const r = parseRecord(text);
    if (r === null) return null;
    records.push(r);
  }
  return records;
}

// One version from the previous one and its patch, checked against the blob id.
export function rebuildVersion(
  previous: string | null,
  r: PatchRecord,
): RebuiltVersion {
  if (r.isDeleted) return { text: null, isVerified: true };
  const base = toLines(r.isNew ? null : previous);
  const applied = r.hunks.length === 0 ? base : applyHunks(base, r.hunks);
  if (applied === null) return { text: null, isVerified: false };
  const text = toText(applied);
  return {
    text,
    isVerified: r.blob === null || blobId(text, r.blob.length) === r.blob,
  };
}
