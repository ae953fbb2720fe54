import type { RawFinding, Recognizer } from "../types.js";
import { expectedButWas } from "./text.js";

const SUMMARY = /^\[ERROR\] (?:Failures|Errors):\s*$/;
const ENTRY = /^\[ERROR\] {3}(\S+?)(?::(\d+))?\s+(?:» )?(.*)$/;
const MARK =
  /^\[ERROR\] (\S+?)(?:\((\S+)\))?\s+(?:-- )?Time elapsed:.*<<< (FAILURE|ERROR)!$/;

// Maven Surefire and Failsafe (EV-REC-1): the `[ERROR] Failures:` and `[ERROR] Errors:` entries
// `<Class>.<method>:<l> <msg>`; without them, the `<<< FAILURE!`/`<<< ERROR!` blocks and their exception line.
export const surefire: Recognizer = {
  runner: "surefire",
  recognize(input) {
    if (!input.text.includes("[ERROR]")) return [];
    const { lines } = input;
    const found: RawFinding[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (!(lines[i] ?? "").startsWith("[ERROR] ")) continue;
      if (!SUMMARY.test(lines[i] ?? "")) continue;
      for (let j = i + 1; j < lines.length; j++) {
        const m = ENTRY.exec(lines[j] ?? "");
        if (m === null) break;
        if (/^Run \d+:/.test(m[1] ?? "")) continue;
        found.push(entry(j, m[1] ?? "", m[2], m[3] ?? ""));
        i = j;
      }
    }
    return found.length > 0 ? found : marks(lines);
  },
};

function entry(
  at: number,
  name: string,
  line: string | undefined,
  message: string,
): RawFinding {
  const dot = name.lastIndexOf(".");
  const test =
    dot > 0 ? `${name.slice(0, dot)} > ${name.slice(dot + 1)}` : name;
  return {
    at,
    runner: "surefire",
    test,
    ...(line === undefined ? {} : { line: Number(line) }),
    message: message.trim() || "failed",
    ...expectedButWas(message),
  };
}

function marks(lines: readonly string[]): RawFinding[] {
  const found: RawFinding[] = [];
  lines.forEach((line, at) => {
    if (!line.startsWith("[ERROR] ") || !line.endsWith("!")) return;
    const m = MARK.exec(line);
    if (m === null || line.includes("Tests run:")) return;
    const qualified =
      m[2] === undefined ? (m[1] ?? "") : `${m[2]}.${m[1] ?? ""}`;
    const parts = qualified.split(".");
    const method = parts.pop() ?? "";
    const owner = parts.pop() ?? "";
    const message = (lines[at + 1] ?? "").trim();
    found.push({
      at,
      runner: "surefire",
      test: owner === "" ? method : `${owner} > ${method}`,
      message: message || (m[3] === "ERROR" ? "error" : "failed"),
      ...expectedButWas(message),
    });
  });
  return found;
}
