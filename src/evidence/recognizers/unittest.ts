import { firstRepoFrame } from "../repo-path.js";
import type { RawFinding, Recognizer } from "../types.js";
import { placed } from "./text.js";

const HEAD = /^(FAIL|ERROR): (\S+) \((.+)\)$/;
const SEPARATOR = /^(?:-{20,}|={20,})$/;

// unittest (EV-REC-1, EV-REC-2): `FAIL: <test> (<id>)` and `ERROR: <test> (<id>)`, the exception that ends the
// traceback as the message, and file and line from the first repo frame.
export const unittest: Recognizer = {
  runner: "unittest",
  recognize(input) {
    if (!/^(?:FAIL|ERROR): /m.test(input.text)) return [];
    const { lines, root } = input;
    const found: RawFinding[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? "";
      if (!line.startsWith("FAIL: ") && !line.startsWith("ERROR: ")) continue;
      const m = HEAD.exec(line);
      if (m === null || !SEPARATOR.test(lines[i + 1] ?? "")) continue;
      const body: string[] = [];
      let j = i + 2;
      for (; j < lines.length && !SEPARATOR.test(lines[j] ?? ""); j++)
        body.push(lines[j] ?? "");
      found.push(
        placed(
          {
            at: i,
            runner: "unittest",
            test: testName(m[2] ?? "", m[3] ?? ""),
            message: exception(body),
          },
          firstRepoFrame(body, root),
        ),
      );
      i = j - 1;
    }
    return found;
  },
};

// `Class > method` from the id: `tests.test_x.Class.method` (3.11+) or `tests.test_x.Class`.
function testName(method: string, id: string): string {
  const parts = id.split(".");
  if (parts[parts.length - 1] === method) parts.pop();
  const owner = parts[parts.length - 1];
  return owner === undefined || owner === "" ? method : `${owner} > ${method}`;
}

// The exception that ends a traceback: from the first unindented line after the last frame to the end.
function exception(body: readonly string[]): string {
  const lines = [...body];
  while (lines.length > 0 && (lines[lines.length - 1] ?? "").trim() === "")
    lines.pop();
  let lastFrame = -1;
  lines.forEach((l, k) => {
    if (/^\s+File "/.test(l)) lastFrame = k;
  });
  const start = lines.findIndex((l, k) => k > lastFrame && /^\S/.test(l));
  const text = start < 0 ? lines.slice(-1) : lines.slice(start);
  return (
    text
      .map((l) => l.trimEnd())
      .filter((l) => l.trim() !== "")
      .join("\n") || "failed"
  );
}
