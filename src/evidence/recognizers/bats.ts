import { repoPath } from "../repo-path.js";
import type { RawFinding, Recognizer } from "../types.js";
import { placed } from "./text.js";

const TAP = /^not ok \d+ (?!- )(.*?)(?: # (?:skip|SKIP|TODO)\b.*)?$/;
const PRETTY = /^\s*✗ (.*)$/;
const WHERE = /^[#\s]*\(in test file (.+), line (\d+)\)$/;
const NEXT = /^(?:not ok |ok |\s*✗ |\s*✓ |\d+ tests?, )/;

// bats (EV-REC-1): `not ok <n> <name>` (TAP) or `✗ <name>` (pretty), then `(in test file <f>, line <l>)`, with the
// lines after it as the message.
export const bats: Recognizer = {
  runner: "bats",
  recognize(input) {
    if (!input.text.includes("(in test file ")) return [];
    const { lines, root } = input;
    const found: RawFinding[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? "";
      if (!line.startsWith("not ok ") && !line.includes("✗ ")) continue;
      const m = TAP.exec(line) ?? PRETTY.exec(line);
      if (m === null) continue;
      const whereAt = [1, 2, 3].find((d) => WHERE.test(lines[i + d] ?? ""));
      if (whereAt === undefined) continue;
      const where = WHERE.exec(lines[i + whereAt] ?? "") as RegExpExecArray;
      const message: string[] = [];
      for (let j = i + whereAt + 1; j < lines.length; j++) {
        const next = lines[j] ?? "";
        if (NEXT.test(next) || next.trim() === "") break;
        message.push(next.replace(/^#/, "").trim());
      }
      found.push(
        placed(
          {
            at: i,
            runner: "bats",
            test: (m[1] ?? "").trim(),
            message: message.join("\n") || "failed",
          },
          { file: repoPath(where[1] ?? "", root), line: Number(where[2]) },
        ),
      );
    }
    return found;
  },
};
