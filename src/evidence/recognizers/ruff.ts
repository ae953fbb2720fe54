import { repoPath } from "../repo-path.js";
import type { RawFinding, Recognizer } from "../types.js";
import { placed } from "./text.js";

const CODE = String.raw`[A-Z]{1,4}\d{1,4}|unformatted:|invalid-syntax:|SyntaxError:`;
const CONCISE = new RegExp(
  `^(.+?):(\\d+):(\\d+): (${CODE}) (?:\\[\\*\\] )?(.*)$`,
);
const FULL = new RegExp(`^(${CODE}) (?:\\[\\*\\] )?(.*)$`);
const ARROW = /^\s*--> (.+?):(\d+):(\d+)$/;
// A cheap test that a line may hold one of the forms below.
const QUICK = new RegExp(
  `^(?:${CODE}) |:\\d+:\\d+: (?:${CODE}) |^Would reformat: `,
);
const REFORMAT = /^Would reformat: (.+)$/;

// ruff (EV-REC-1): concise `<file>:<l>:<c>: <CODE> <msg>`, full `<CODE> <msg>` then `--> <file>:<l>:<c>`, and
// the format check's `Would reformat: <file>` (or `unformatted:` in newer versions).
export const ruff: Recognizer = {
  runner: "ruff",
  recognize(input) {
    const { lines, root } = input;
    const found: RawFinding[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? "";
      if (!QUICK.test(line)) continue;
      const concise = CONCISE.exec(line);
      if (concise !== null) {
        found.push(
          item(i, concise[4], concise[5], {
            file: repoPath(concise[1] ?? "", root),
            line: Number(concise[2]),
            column: Number(concise[3]),
          }),
        );
        continue;
      }
      const reformat = REFORMAT.exec(line);
      if (reformat !== null) {
        found.push(
          item(i, "unformatted", "File would be reformatted", {
            file: repoPath(reformat[1] ?? "", root),
          }),
        );
        continue;
      }
      const full = FULL.exec(line);
      const arrow = full === null ? null : ARROW.exec(lines[i + 1] ?? "");
      if (full === null || arrow === null) continue;
      found.push(
        item(i, full[1], full[2], {
          file: repoPath(arrow[1] ?? "", root),
          line: Number(arrow[2]),
          column: Number(arrow[3]),
        }),
      );
    }
    return found;
  },
};

function item(
  at: number,
  code: string | undefined,
  message: string | undefined,
  where: { file: string | undefined; line?: number; column?: number },
): RawFinding {
  return placed(
    {
      at,
      runner: "ruff",
      rule: (code ?? "").replace(/:$/, ""),
      message: message ?? "",
    },
    where,
  );
}
