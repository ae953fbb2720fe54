import { repoPath } from "../repo-path.js";
import type { RawFinding, Recognizer } from "../types.js";
import { placed } from "./text.js";

const BLOCK = /^In (.+) line (\d+):$/;
const CARET = /^(\s*)\^-*\^? (SC\d+) \((\w+)\): (.*)$/;
const GCC =
  /^(.+?):(\d+):(\d+): (error|warning|info|note|style): (.*) \[(SC\d+)\]$/;

// shellcheck (EV-REC-1): tty `In <file> line <l>:` then `SC<n> (<level>): <msg>` under a caret (its column), and
// gcc `<file>:<l>:<c>: <level>: <msg> [SC<n>]`.
export const shellcheck: Recognizer = {
  runner: "shellcheck",
  recognize(input) {
    if (!input.text.includes("SC")) return [];
    const { lines, root } = input;
    const found: RawFinding[] = [];
    let block: { file: string | undefined; line: number } | undefined;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? "";
      if (!line.includes("SC") && !line.startsWith("In ")) continue;
      const gcc = GCC.exec(line);
      if (gcc !== null) {
        found.push(
          placed(
            {
              at: i,
              runner: "shellcheck",
              rule: gcc[6] ?? "",
              message: gcc[5] ?? "",
            },
            {
              file: repoPath(gcc[1] ?? "", root),
              line: Number(gcc[2]),
              column: Number(gcc[3]),
            },
          ),
        );
        continue;
      }
      const head = BLOCK.exec(line);
      if (head !== null) {
        block = { file: repoPath(head[1] ?? "", root), line: Number(head[2]) };
        continue;
      }
      const caret = CARET.exec(line);
      if (caret === null || block === undefined) continue;
      found.push(
        placed(
          {
            at: i,
            runner: "shellcheck",
            rule: caret[2] ?? "",
            message: caret[4] ?? "",
          },
          {
            file: block.file,
            line: block.line,
            column: (caret[1] ?? "").length + 1,
          },
        ),
      );
    }
    return found;
  },
};
