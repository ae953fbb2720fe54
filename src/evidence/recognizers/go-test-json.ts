import type { RawFinding, Recognizer } from "../types.js";
import { toFindings } from "./go-test.js";

interface GoEvent {
  Action?: string;
  Package?: string;
  Test?: string;
  Output?: string;
}

const LOG = /^(\s+)([\w.-]+\.go):(\d+): (.*)$/;

// go test -json (EV-REC-1): `"Action":"fail"` events of tests, with the `<file>_test.go:<l>:` lines of their
// output; a package that fails with no failed test yields its own output's first line.
export const goTestJson: Recognizer = {
  runner: "go-test",
  recognize(input) {
    if (!input.text.includes('"Action":"fail"')) return [];
    const found: RawFinding[] = [];
    const output = new Map<string, string[]>();
    const failed = new Map<string, Array<{ at: number; name: string }>>();
    input.lines.forEach((line, at) => {
      const event = parseEvent(line);
      if (event === undefined) return;
      const pkg = event.Package ?? "";
      const key = `${pkg}\u0000${event.Test ?? ""}`;
      if (event.Action === "output")
        (output.get(key) ?? output.set(key, []).get(key))?.push(
          event.Output ?? "",
        );
      if (event.Action !== "fail") return;
      if (event.Test !== undefined) {
        (failed.get(pkg) ?? failed.set(pkg, []).get(pkg))?.push({
          at,
          name: event.Test,
        });
        return;
      }
      const tests = failed.get(pkg) ?? [];
      if (tests.length === 0) {
        const first = (output.get(key) ?? [])
          .map((o) => o.trim())
          .find((o) => o !== "" && o !== "FAIL");
        found.push({
          at,
          runner: "go-test",
          test: pkg,
          message: first ?? "package failed",
        });
        return;
      }
      const failures = tests.map((t) => ({
        ...t,
        log: logLines(output.get(`${pkg}\u0000${t.name}`) ?? []),
      }));
      found.push(...toFindings(failures, pkg));
      failed.set(pkg, []);
    });
    return found;
  },
};

function parseEvent(line: string): GoEvent | undefined {
  if (!line.startsWith('{"') || !line.includes('"Action":')) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === "object" && value !== null
      ? (value as GoEvent)
      : undefined;
  } catch {
    return undefined;
  }
}

function logLines(outputs: readonly string[]) {
  return outputs
    .flatMap((o) => o.split("\n"))
    .map((l) => LOG.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ file: m[2] ?? "", line: Number(m[3]), text: m[4] ?? "" }));
}
