import { repoPath } from "../repo-path.js";
import type { RawFinding, Recognizer } from "../types.js";
import { placed } from "./text.js";

const STYLISH = /^\s+(\d+):(\d+)\s+(error|warning)\s+(.+?)(?:\s{2,}(\S+))?$/;
const UNIX = /^(.+?):(\d+):(\d+): (.*) \[(Error|Warning)(?:\/(\S+))?\]$/;
const PATH_LINE =
  /^(?:\/|[A-Za-z]:[\\/]|\.{0,2}[\w@.-]*[\\/]|[\w@.-]+\.\w+$)\S*(?: \S+)*$/;

// eslint (EV-REC-1): stylish (a path line, then `<l>:<c>  error  <msg>  <rule>`) and unix
// (`<file>:<l>:<c>: <msg> [Error/<rule>]`). Warnings are marked; they count only without errors (EV-REC-2).
export const eslint: Recognizer = {
  runner: "eslint",
  recognize(input) {
    const { lines, root, text } = input;
    const isStylish = / {2}(?:error|warning) {2}/.test(text);
    const isUnix = /\[(?:Error|Warning)(?:\/|\])/.test(text);
    if (!isStylish && !isUnix) return [];
    const found: RawFinding[] = [];
    let file: string | undefined;
    let hasFile = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? "";
      const unix = isUnix ? UNIX.exec(line) : null;
      if (unix !== null) {
        found.push(
          problem(
            i,
            repoPath(unix[1] ?? "", root),
            [unix[2], unix[3], unix[4], unix[6]],
            unix[5] === "Warning",
          ),
        );
        continue;
      }
      if (!isStylish) continue;
      const entry = STYLISH.exec(line);
      if (entry !== null && hasFile) {
        found.push(
          problem(
            i,
            file,
            [entry[1], entry[2], entry[4], entry[5]],
            entry[3] === "warning",
          ),
        );
        continue;
      }
      if (line.trim() === "") continue;
      hasFile = PATH_LINE.test(line);
      file = hasFile ? repoPath(line, root) : undefined;
    }
    return found;
  },
};

function problem(
  at: number,
  file: string | undefined,
  [line, column, message, rule]: ReadonlyArray<string | undefined>,
  isWarning: boolean,
): RawFinding {
  return placed(
    {
      at,
      runner: "eslint",
      ...(rule === undefined ? {} : { rule }),
      message: message ?? "",
      ...(isWarning ? { isWarning } : {}),
    },
    { file, line: Number(line), column: Number(column) },
  );
}
