import { firstRepoFrame } from "../repo-path.js";
import type { RawFinding, RecognizeInput, Recognizer } from "../types.js";
import { placed } from "./text.js";

const FAILING = /^\s*\d+ failing$/;
const ENTRY = /^ {2}(\d+)\) (.*)$/;

// mocha (EV-REC-1, EV-REC-2): after `<n> failing`, the `<k>) <title>:` blocks, their `+ expected - actual` diff,
// and file and line from the first repo frame.
export const mocha: Recognizer = {
  runner: "mocha",
  recognize(input) {
    if (!input.text.includes(" failing")) return [];
    const { lines } = input;
    const start = lines.findIndex((l) => FAILING.test(l));
    if (start < 0) return [];
    const found: RawFinding[] = [];
    for (let i = start + 1; i < lines.length; i++) {
      const m = ENTRY.exec(lines[i] ?? "");
      if (m === null) continue;
      const title = [m[2] ?? ""];
      let j = i + 1;
      while (!(title[title.length - 1] ?? "").endsWith(":") && j < lines.length)
        title.push((lines[j++] ?? "").trim());
      const body: string[] = [];
      for (; j < lines.length && !ENTRY.test(lines[j] ?? ""); j++)
        body.push(lines[j] ?? "");
      found.push(entry(input, i, title, body));
      i = j - 1;
    }
    return found;
  },
};

function entry(
  { root }: RecognizeInput,
  at: number,
  title: string[],
  body: string[],
): RawFinding {
  const names = title.map((t, k) =>
    k === title.length - 1 ? t.replace(/:$/, "") : t,
  );
  const message: string[] = [];
  for (const line of body) {
    if (/^\s*at /.test(line) || /^\s*\+ expected - actual$/.test(line)) break;
    if (line.trim() !== "") message.push(line.trim());
  }
  const diffAt = body.findIndex((l) => /^\s*\+ expected - actual$/.test(l));
  const values = diffAt < 0 ? {} : mochaDiff(body.slice(diffAt + 1));
  return placed(
    {
      at,
      runner: "mocha",
      test: names.filter((n) => n !== "").join(" > "),
      message: message.join("\n") || "failed",
      ...values,
    },
    firstRepoFrame(body, root),
  );
}

// Mocha's diff marks expected lines `+` and actual lines `-`.
function mochaDiff(lines: readonly string[]): {
  expected?: string;
  actual?: string;
} {
  const expected: string[] = [];
  const actual: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (/^at /.test(line)) break;
    if (line.startsWith("+")) expected.push(line.slice(1).trim());
    else if (line.startsWith("-")) actual.push(line.slice(1).trim());
  }
  return {
    ...(expected.length > 0 ? { expected: expected.join(" ") } : {}),
    ...(actual.length > 0 ? { actual: actual.join(" ") } : {}),
  };
}
