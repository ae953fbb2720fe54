// The append-only walk over an events.jsonl history (audit.md AU-VER-1 `not_append_only`, AU-VER-3 origins); pure.

/** One version of the file: a commit's blob, or the working tree (`commit` null). */
export interface TrailVersion {
  commit: string | null;
  /** Null when the file is absent in that version. */
  text: string | null;
}

/** One line of the newest version walked, and the oldest commit from which it stayed byte-identical at its position. */
export interface TrailLine {
  /** 1-based. */
  line: number;
  /** Without its newline (and a trailing CR). */
  raw: string;
  /** Null when the line is not committed as it stands. */
  origin: string | null;
}

/** Where a version stopped starting with the previous one's bytes. */
export interface AppendBreak {
  line: number;
  /** The version that broke it (null: the working tree). */
  commit: string | null;
  message: string;
}

/** The result of a walk. */
export interface TrailWalk {
  lines: TrailLine[];
  /** The first break, or null when the history is append-only. */
  break: AppendBreak | null;
  /** How many versions were read. */
  versions: number;
}

function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

function stripCr(line: string): string {
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}

// An unterminated last line counts as ended (the writer repairs it before the next append, F-EV-1).
function isAppendOf(next: string, prev: string): boolean {
  if (next === prev) return true;
  const ended = prev === "" || prev.endsWith("\n") ? prev : `${prev}\n`;
  return next.startsWith(ended);
}

function short(commit: string | null): string {
  return commit === null ? "the working tree" : commit.slice(0, 12);
}

function describeBreak(
  prev: string[],
  next: string[],
  prevCommit: string | null,
  isDeleted: boolean,
): { line: number; message: string } {
  if (isDeleted)
    return {
      line: 1,
      message: `the file was deleted (it had ${prev.length} lines at ${short(prevCommit)})`,
    };
  let i = 0;
  while (i < prev.length && i < next.length && prev[i] === next[i]) i++;
  if (i >= next.length)
    return {
      line: i + 1,
      message: `${prev.length - next.length} line${prev.length - next.length === 1 ? "" : "s"} from line ${i + 1} on were removed (present at ${short(prevCommit)})`,
    };
  return {
    line: i + 1,
    message: `line ${i + 1} differs from line ${i + 1} at ${short(prevCommit)}; earlier lines may only be appended to`,
  };
}

// Walks versions oldest first. With `isStopAtBreak` (verify) the walk ends at the first break and keeps the lines before it; otherwise (export) it goes on, lines keeping their origin only while unchanged at their position.
export function walkVersions(
  versions: readonly TrailVersion[],
  isStopAtBreak: boolean,
): TrailWalk {
  let prevText = "";
  let prevLines: string[] = [];
  let prevCommit: string | null = null;
  let origins: Array<string | null> = [];
  let found: AppendBreak | null = null;
  let read = 0;
  for (const v of versions) {
    read++;
    const text = v.text ?? "";
    const lines = splitLines(text);
    const isAppend =
      isAppendOf(text, prevText) && !(v.text === null && prevText !== "");
    if (!isAppend && found === null) {
      const b = describeBreak(prevLines, lines, prevCommit, v.text === null);
      found = { ...b, commit: v.commit };
      if (isStopAtBreak) {
        const kept = lines.slice(0, b.line - 1);
        return { lines: toTrail(kept, origins), break: found, versions: read };
      }
    }
    origins = lines.map((l, i) =>
      i < prevLines.length && prevLines[i] === l
        ? (origins[i] ?? null)
        : v.commit,
    );
    prevText = text;
    prevLines = lines;
    prevCommit = v.commit;
  }
  return { lines: toTrail(prevLines, origins), break: found, versions: read };
}

function toTrail(
  lines: string[],
  origins: ReadonlyArray<string | null>,
): TrailLine[] {
  return lines.map((raw, i) => ({
    line: i + 1,
    raw: stripCr(raw),
    origin: origins[i] ?? null,
  }));
}
