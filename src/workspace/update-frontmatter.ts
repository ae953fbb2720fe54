import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { SpecfuseError } from "../errors/specfuse-error.js";
import {
  editFrontmatter,
  type FrontmatterChange,
} from "../yaml/edit-frontmatter.js";
import { writeFileAtomic, writeFileAtomicSync } from "./write-file-atomic.js";

/** Options of `updateFrontmatter`. */
export interface UpdateFrontmatterOptions {
  /** Display path named in errors (repo-relative). @default the absolute path */
  display?: string;
  /** Keys written as floats even when integral. @default FLOAT_KEYS */
  floatKeys?: ReadonlySet<string>;
  /**
   * Create the GATE stub of formats.md F-GATE-4 when the file is missing: frontmatter `gate: <n>` plus the
   * changes, and a one-line body. Without it a missing file is an error (F-WRITE-8).
   */
  stubGate?: number;
}

/** What an update did. */
export interface UpdateFrontmatterResult {
  /** The file's new content (the driver keeps it to avoid a re-read). */
  text: string;
  /** The file did not exist and the GATE stub was written. */
  isCreated: boolean;
  /** Whether anything was written (an edit that changes no byte writes nothing). */
  isChanged: boolean;
}

// Keeps a leading BOM so an untouched file survives byte for byte (TextDecoder drops it by default).
const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** An update read and computed but not yet written, so a caller can look at the old text first. */
export interface PreparedFrontmatterUpdate extends UpdateFrontmatterResult {
  /** The file's text before the update, or null when it did not exist (GATE stub). */
  before: string | null;
  /** Writes the new text atomically, if anything changed. */
  write(): Promise<void>;
}

// Reads a file and computes the frontmatter changes without writing (the transition service reads `from` first).
export async function prepareFrontmatterUpdate(
  file: string,
  changes: ReadonlyArray<FrontmatterChange>,
  options: UpdateFrontmatterOptions = {},
): Promise<PreparedFrontmatterUpdate> {
  const before = decodeRead(file, options, await readBytes(file));
  const plan = planUpdate(before, changes, options);
  return {
    ...plan,
    before,
    write: async () => {
      if (plan.isChanged) await writeFileAtomic(file, plan.text);
    },
  };
}

// Reads a file, applies the frontmatter changes and writes it atomically (F-WRITE-7); one write per call.
export async function updateFrontmatter(
  file: string,
  changes: ReadonlyArray<FrontmatterChange>,
  options: UpdateFrontmatterOptions = {},
): Promise<UpdateFrontmatterResult> {
  const prepared = await prepareFrontmatterUpdate(file, changes, options);
  await prepared.write();
  return {
    text: prepared.text,
    isCreated: prepared.isCreated,
    isChanged: prepared.isChanged,
  };
}

// The synchronous form, for writes that must finish inside a signal handler.
export function updateFrontmatterSync(
  file: string,
  changes: ReadonlyArray<FrontmatterChange>,
  options: UpdateFrontmatterOptions = {},
): UpdateFrontmatterResult {
  const before = decodeRead(file, options, readBytesSync(file));
  const plan = planUpdate(before, changes, options);
  if (plan.isChanged) writeFileAtomicSync(file, plan.text);
  return plan;
}

// The body of a GATE stub (F-GATE-4): frontmatter `gate`, then one line saying what it is.
export function gateStubText(gate: number): string {
  return `---\ngate: ${gate}\n---\nStub written by specfuse: this GATE file was missing when gate ${gate}'s status had to be recorded.\n`;
}

function planUpdate(
  before: string | null,
  changes: ReadonlyArray<FrontmatterChange>,
  options: UpdateFrontmatterOptions,
): UpdateFrontmatterResult {
  const source = before ?? gateStubText(options.stubGate ?? 0);
  const text = editFrontmatter(source, changes, {
    file: options.display,
    floatKeys: options.floatKeys,
  });
  return { text, isCreated: before === null, isChanged: text !== before };
}

type Bytes = Uint8Array | "missing";

async function readBytes(file: string): Promise<Bytes> {
  try {
    return await readFile(file);
  } catch (error) {
    if (isMissing(error)) return "missing";
    throw error;
  }
}

function readBytesSync(file: string): Bytes {
  try {
    return readFileSync(file);
  } catch (error) {
    if (isMissing(error)) return "missing";
    throw error;
  }
}

function decodeRead(
  file: string,
  options: UpdateFrontmatterOptions,
  bytes: Bytes,
): string | null {
  const display = options.display ?? file;
  if (bytes === "missing") {
    if (options.stubGate !== undefined) return null;
    throw new SpecfuseError({
      code: "frontmatter_invalid",
      message: `cannot update ${display}: the file does not exist`,
      file: display,
      hint: "restore the file (e.g. `git checkout -- <file>`) or fix the path in PLAN.md's task graph",
    });
  }
  try {
    return decoder.decode(bytes);
  } catch (error) {
    throw new SpecfuseError({
      code: "frontmatter_invalid",
      message: `cannot update ${display}: it is not valid UTF-8 text`,
      file: display,
      hint: "save the file as UTF-8",
      cause: error,
    });
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR";
}
