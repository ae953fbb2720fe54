import { repoFrame, repoPath } from "../repo-path.js";
import type { RawFinding, RecognizeInput, Recognizer } from "../types.js";
import { diffValues, placed } from "./text.js";

const SUITE = /^(?:FAIL|PASS) (\S.*?)(?: \(\d+(?:\.\d+)? m?s\))?$/;
const BULLET = /^ {2}● (.+)$/;
const CODE = /^\s*>?\s*\d+ \|/;
const END = /^(?:Test Suites:|Summary of all failing tests|Tests:)/;

// jest (EV-REC-1): `● <suite> › <test>` and `● Test suite failed to run` within `FAIL <file>`, with the
// `Expected:`/`Received:` lines (or the diff) and the first repo frame.
export const jest: Recognizer = {
  runner: "jest",
  recognize(input) {
    if (!input.text.includes("● ")) return [];
    const found: RawFinding[] = [];
    const { lines, root } = input;
    let file: string | undefined;
    let isInFail = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? "";
      if (!/^(?:FAIL|PASS|Summ| {2}●)/.test(line)) continue;
      const suite = SUITE.exec(line);
      if (suite !== null) {
        isInFail = line.startsWith("FAIL");
        file = repoPath(suite[1] ?? "", root);
        continue;
      }
      if (/^Summary of all failing tests$/.test(line)) isInFail = true;
      const bullet = BULLET.exec(line);
      if (!isInFail || bullet === null) continue;
      const body = bulletBody(lines, i + 1);
      found.push(bulletFinding(input, i, bullet[1] ?? "", body, file));
    }
    return found;
  },
};

function bulletBody(lines: readonly string[], from: number): string[] {
  const body: string[] = [];
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (BULLET.test(line) || SUITE.test(line) || END.test(line)) break;
    body.push(line);
  }
  return body;
}

function bulletFinding(
  { root }: RecognizeInput,
  at: number,
  title: string,
  body: string[],
  file: string | undefined,
): RawFinding {
  const isSuite = title === "Test suite failed to run";
  const message: string[] = [];
  for (const line of body) {
    if (CODE.test(line) || /^\s*at /.test(line)) break;
    if (line.trim() !== "") message.push(line.trim());
  }
  const values = expectedActual(body);
  const frame = body
    .map((l) => repoFrame(l, root))
    .find((f) => f !== undefined);
  return placed(
    {
      at,
      runner: "jest",
      ...(isSuite ? {} : { test: title.split(" › ").join(" > ") }),
      message: message.join("\n") || title,
      ...values,
    },
    frame !== undefined && (file === undefined || frame.file === file)
      ? frame
      : { file },
  );
}

function expectedActual(body: readonly string[]): {
  expected?: string;
  actual?: string;
} {
  const expected = body
    .map((l) => /^\s+Expected: (.*)$/.exec(l)?.[1])
    .find((v) => v !== undefined);
  const actual = body
    .map((l) => /^\s+Received: (.*)$/.exec(l)?.[1])
    .find((v) => v !== undefined);
  if (expected !== undefined || actual !== undefined)
    return {
      ...(expected === undefined ? {} : { expected }),
      ...(actual === undefined ? {} : { actual }),
    };
  const diffAt = body.findIndex((l) => /^\s+- Expected/.test(l));
  return diffAt >= 0 && /^\s+\+ Received/.test(body[diffAt + 1] ?? "")
    ? diffValues(body, diffAt + 2, "- ", "+ ")
    : {};
}
