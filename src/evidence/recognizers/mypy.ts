import { repoPath } from "../repo-path.js";
import type { RawFinding, Recognizer } from "../types.js";
import { placed } from "./text.js";

const ERROR =
  /^(.+?):(\d+)(?::(\d+))?: error: (.*?)(?: {2}\[([a-z][a-z0-9-]*)\])?$/;
const NOTE = /^(.+?):(\d+)(?::\d+)?: note: (.*)$/;

// mypy (EV-REC-1): `<file>:<l>[:<c>]: error: <msg>  [<code>]`, with the notes on the same line appended.
// Lines ending in a ShellCheck code (`[SC2086]`) belong to shellcheck.
export const mypy: Recognizer = {
  runner: "mypy",
  recognize(input) {
    if (!input.text.includes(": error: ")) return [];
    const { lines, root } = input;
    const found: RawFinding[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? "";
      if (!line.includes(": error: ")) continue;
      const m = ERROR.exec(line);
      if (m === null || / \[SC\d+\]$/.test(line)) continue;
      const notes: string[] = [];
      for (let j = i + 1; j < lines.length; j++) {
        const n = NOTE.exec(lines[j] ?? "");
        if (n === null || n[1] !== m[1] || n[2] !== m[2]) break;
        notes.push(n[3] ?? "");
      }
      found.push(
        placed(
          {
            at: i,
            runner: "mypy",
            ...(m[5] === undefined ? {} : { rule: m[5] }),
            message: [m[4] ?? "", ...notes].join("\n"),
          },
          {
            file: repoPath(m[1] ?? "", root),
            line: Number(m[2]),
            ...(m[3] === undefined ? {} : { column: Number(m[3]) }),
          },
        ),
      );
    }
    return found;
  },
};
