import { repoPath } from "../repo-path.js";
import type { RawFinding, Recognizer } from "../types.js";
import { placed } from "./text.js";

const PLAIN = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/;
const PRETTY = /^(.+?):(\d+):(\d+) - error (TS\d+): (.*)$/;
const BARE = /^error (TS\d+): (.*)$/;

// tsc and vue-tsc (EV-REC-1): `<file>(<l>,<c>): error TS<n>: <msg>`, `<file>:<l>:<c> - error TS<n>: <msg>` and
// `error TS<n>: <msg>`, with the indented lines that continue a message. A `.vue` file makes the runner vue-tsc.
export const tsc: Recognizer = {
  runner: "tsc",
  recognize(input) {
    if (!input.text.includes("error TS")) return [];
    const { lines, root } = input;
    const found: RawFinding[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? "";
      if (!line.includes("error TS")) continue;
      const m = PLAIN.exec(line) ?? PRETTY.exec(line);
      const bare = m === null ? BARE.exec(line) : null;
      if (m === null && bare === null) continue;
      const more: string[] = [];
      if (m !== null && PLAIN.test(line))
        for (let j = i + 1; /^\s{2,}\S/.test(lines[j] ?? ""); j++)
          more.push((lines[j] ?? "").trim());
      if (bare !== null) {
        found.push({
          at: i,
          runner: "tsc",
          rule: bare[1] ?? "",
          message: bare[2] ?? "",
        });
        continue;
      }
      const hit = m as RegExpExecArray;
      const file = repoPath(hit[1] ?? "", root);
      found.push(
        placed(
          {
            at: i,
            runner: (hit[1] ?? "").endsWith(".vue") ? "vue-tsc" : "tsc",
            rule: hit[4] ?? "",
            message: [hit[5] ?? "", ...more].join("\n"),
          },
          { file, line: Number(hit[2]), column: Number(hit[3]) },
        ),
      );
    }
    return found;
  },
};
