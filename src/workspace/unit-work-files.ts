import { constants } from "node:fs";
import { lstat, open, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { attemptDir } from "./attempt-files.js";

/** What an attempt file holds (formats.md F-RUN-4, evidence.md EV-BLK-2). */
export type WorkFileKind =
  "note" | "findings" | "prompt" | "transcript" | "stderr";

/** One attempt file found under `<F>/work/<key>/`. */
export interface WorkFile {
  /** `n` for a file under `cycle-<n>/` (evidence.md EV-CYC-1), null for the current cycle's folder. */
  cycleFolder: number | null;
  attempt: number;
  kind: WorkFileKind;
  abs: string;
}

/** The first bytes of a text file. */
export interface TextHead {
  text: string;
  /** The whole file's size in bytes. */
  bytes: number;
  isCut: boolean;
}

const SUFFIX: ReadonlyArray<[string, WorkFileKind]> = [
  [".findings.json", "findings"],
  [".prompt.md", "prompt"],
  [".agent.jsonl", "transcript"],
  [".agent-stderr.log", "stderr"],
  [".md", "note"],
];
const ATTEMPT = /^attempt-([1-9][0-9]{0,8})(\..+)$/;
const CYCLE = /^cycle-([1-9][0-9]{0,8})$/;

// Every attempt file of a unit, the `cycle-<n>/` folders included, sorted by folder, attempt and kind.
export async function listUnitWorkFiles(
  featureAbsDir: string,
  wuId: string,
): Promise<WorkFile[]> {
  const dir = attemptDir(featureAbsDir, wuId);
  const found: WorkFile[] = [];
  for (const entry of await entries(dir)) {
    const cycle = CYCLE.exec(entry.name);
    if (cycle !== null && entry.isDirectory) {
      const sub = path.join(dir, entry.name);
      for (const inner of await entries(sub))
        if (inner.isFile) push(found, sub, inner.name, Number(cycle[1]));
    } else if (entry.isFile) push(found, dir, entry.name, null);
  }
  const order = (f: WorkFile) => f.cycleFolder ?? Number.MAX_SAFE_INTEGER;
  return found.sort(
    (a, b) =>
      order(a) - order(b) ||
      a.attempt - b.attempt ||
      a.kind.localeCompare(b.kind),
  );
}

function push(
  found: WorkFile[],
  dir: string,
  name: string,
  cycleFolder: number | null,
): void {
  const m = ATTEMPT.exec(name);
  if (m === null) return;
  const kind = SUFFIX.find(([suffix]) => m[2] === suffix)?.[1];
  if (kind === undefined) return;
  found.push({
    cycleFolder,
    attempt: Number(m[1]),
    kind,
    abs: path.join(dir, name),
  });
}

async function entries(
  dir: string,
): Promise<Array<{ name: string; isDirectory: boolean; isFile: boolean }>> {
  try {
    const list = await readdir(dir, { withFileTypes: true });
    // Symbolic links are neither: the agent can write into work/, and a link there must not pull
    // another file (a key, a FIFO, a device) into a report someone may share.
    return list.map((e) => ({
      name: e.name,
      isDirectory: e.isDirectory(),
      isFile: e.isFile(),
    }));
  } catch {
    return [];
  }
}

// Reads at most `maxBytes` of a UTF-8 text file, cut on a character boundary; null when it cannot be read.
export async function readTextHead(
  file: string,
  maxBytes: number,
): Promise<TextHead | null> {
  let handle;
  try {
    // No link is followed and no FIFO waits for a writer (see entries()).
    handle = await open(
      file,
      constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK,
    );
  } catch {
    return null;
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) return null;
    const buffer = Buffer.alloc(Math.min(st.size, maxBytes));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const end =
      st.size > bytesRead ? charBoundary(buffer, bytesRead) : bytesRead;
    return {
      text: buffer.subarray(0, end).toString("utf8"),
      bytes: st.size,
      isCut: st.size > end,
    };
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

// The largest end <= `end` that does not split a UTF-8 character.
function charBoundary(bytes: Uint8Array, end: number): number {
  let start = end - 1;
  while (start > 0 && ((bytes[start] ?? 0) & 0xc0) === 0x80) start--;
  const lead = bytes[start] ?? 0;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return start + length <= end ? end : Math.max(0, start);
}

// Findings files larger than this are not parsed (the agent can write into work/).
const FINDINGS_MAX_BYTES = 32 * 1024 * 1024;

// How many findings an `attempt-<a>.findings.json` holds (`findings_total`, else its list); null when unreadable.
export async function readFindingsCount(file: string): Promise<number | null> {
  let value: unknown;
  try {
    const st = await lstat(file);
    if (!st.isFile() || st.size > FINDINGS_MAX_BYTES) return null;
    value = JSON.parse(await readFile(file, "utf8"));
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const o = value as { findings_total?: unknown; findings?: unknown };
  if (Number.isInteger(o.findings_total) && (o.findings_total as number) >= 0)
    return o.findings_total as number;
  return Array.isArray(o.findings) ? o.findings.length : null;
}
