import { repoPath } from "../repo-path.js";
import type { RawFinding, Recognizer } from "../types.js";
import { placed } from "./text.js";

const STYLISH = /^\s+(\d+):(\d+)\s+(error|warning)\s+(.+?)(?:\s{2,}(\S+))?$/;
const ENTRY_START = /^\s+\d+:\d+\s+(?:error|warning)\s/;
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
    let header = "";
    let file:
      { of: string; path: string | undefined; isPath: boolean } | undefined;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? "";
      if (isUnix && line.endsWith("]") && line.includes(" [")) {
        const unix = UNIX.exec(line);
        if (unix !== null) {
          const where = [unix[2], unix[3], unix[4], unix[6]];
          found.push(
            problem(
              i,
              repoPath(unix[1] ?? "", root),
              where,
              unix[5] === "Warning",
            ),
          );
          continue;
        }
      }
      if (!isStylish || line.trim() === "") continue;
      const entry = ENTRY_START.test(line) ? STYLISH.exec(line) : null;
      if (entry === null) {
        header = line;
        continue;
      }
      if (file?.of !== header) {
        const isPath = PATH_LINE.test(header);
        file = {
          of: header,
          path: isPath ? repoPath(header, root) : undefined,
          isPath,
        };
      }
      if (!file.isPath) continue;
      const where = [entry[1], entry[2], entry[4], entry[5]];
      found.push(problem(i, file.path, where, entry[3] === "warning"));
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
