import { repoLocation, repoPath } from "../repo-path.js";
import type { RawFinding, RecognizeInput, Recognizer } from "../types.js";
import { diffValues, placed } from "./text.js";

const SECTION = /^⎯+ Failed (Tests|Suites) \d+ ⎯+$/;
const OTHER_SECTION = /^⎯+ (?!Failed (?:Tests|Suites))[^⎯]+ ⎯+$/;
// ` FAIL  <file> > …`, with a workspace project label (`|unit|`, or ` unit ` from a coloured badge) before the file.
const FAIL =
  /^ FAIL (?: {2}\S+ {2}| {1,2}\|[^|]+\| | {1,2})(.+?)(?: \[ (.+) \])?$/;
const ENTRY_END = /^⎯+\[\d+\/\d+\]⎯*$/;
const FRAME = /^\s*❯ (.+?:\d+:\d+)\s*$/;

// vitest (EV-REC-1): ` FAIL  <file> > <suite> > <test>` entries under `Failed Tests <n>` and `Failed Suites <n>`,
// their error line, the `- Expected`/`+ Received` diff and the first `❯ <file>:<l>:<c>` in the repo.
export const vitest: Recognizer = {
  runner: "vitest",
  recognize(input) {
    if (!input.text.includes("⎯ Failed ")) return [];
    const found: RawFinding[] = [];
    const { lines } = input;
    let isInSection = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? "";
      if (!line.startsWith("⎯") && !line.startsWith(" ")) continue;
      if (SECTION.test(line)) isInSection = true;
      else if (OTHER_SECTION.test(line) || /^ Test Files /.test(line))
        isInSection = false;
      if (!isInSection || !FAIL.test(line)) continue;
      const heads: number[] = [];
      while (FAIL.test(lines[i] ?? "")) heads.push(i++);
      const body = entryBody(lines, i);
      for (const at of heads) found.push(entry(input, at, body));
      i += body.length - 1;
    }
    return found;
  },
};

function entryBody(lines: readonly string[], from: number): string[] {
  const body: string[] = [];
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (ENTRY_END.test(line) || FAIL.test(line) || SECTION.test(line)) break;
    body.push(line);
  }
  return body;
}

function entry(
  { lines, root }: RecognizeInput,
  at: number,
  body: string[],
): RawFinding {
  const m = FAIL.exec(lines[at] ?? "") as RegExpExecArray;
  const parts = (m[1] ?? "").split(" > ");
  const file = repoPath(parts[0] ?? "", root);
  const test = m[2] === undefined ? parts.slice(1).join(" > ") : "";
  const messageLines: string[] = [];
  for (const line of body) {
    if (line.trim() === "" || FRAME.test(line)) {
      if (messageLines.length > 0) break;
      continue;
    }
    messageLines.push(line.trim());
  }
  const diffAt = body.findIndex((l) => l.trim() === "- Expected");
  const diff =
    diffAt >= 0 && (body[diffAt + 1] ?? "").trim() === "+ Received"
      ? diffValues(body, diffAt + 2, "- ", "+ ")
      : {};
  const frame = body
    .map((l) => FRAME.exec(l))
    .map((f) => (f === null ? undefined : repoLocation(f[1] ?? "", root)))
    .find((f) => f !== undefined);
  return placed(
    {
      at,
      runner: "vitest",
      ...(test === "" ? {} : { test }),
      message: messageLines.join("\n") || "failed",
      ...diff,
    },
    frame !== undefined && (file === undefined || frame.file === file)
      ? frame
      : { file },
  );
}
