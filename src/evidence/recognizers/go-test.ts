import { repoPath } from "../repo-path.js";
import type { RawFinding, RecognizeInput, Recognizer } from "../types.js";
import { placed } from "./text.js";

const FAIL = /^(\s*)--- FAIL: (\S+) \(\d+(?:\.\d+)?s\)$/;
const RUN = /^=== (?:RUN|CONT|PAUSE|NAME)\s+(\S+)$/;
const LOG = /^(\s+)([\w.-]+\.go):(\d+): (.*)$/;
const PACKAGE =
  /^(?:FAIL|ok)\s+(\S+)\s+(?:\d+(?:\.\d+)?s|\(cached\)|\[(?:no test files|build failed|setup failed)\])/;
const BUILD_FAILED = /^FAIL\s+(\S+) \[(build|setup) failed\]$/;
const COMPILE = /^(?:\.\/)?(\S+\.go):(\d+):(\d+): (.+)$/;

interface Failure {
  at: number;
  name: string;
  log: Array<{ file: string; line: number; text: string }>;
}

// go test (EV-REC-1): `--- FAIL: <Test>[/<sub>]` with its `<file>_test.go:<l>:` lines (printed before it under -v,
// after it otherwise), the package from the `FAIL <pkg>` line, and `FAIL <pkg> [build failed]` with the compile
// errors under its `# <pkg>` header. A parent failing only through its subtests is left out.
export const goTest: Recognizer = {
  runner: "go-test",
  recognize(input) {
    const found: RawFinding[] = [];
    if (input.text.includes("--- FAIL: ")) found.push(...readTests(input));
    if (input.text.includes(" failed]")) found.push(...readBuilds(input));
    return found;
  },
};

function readTests({ lines }: RecognizeInput): RawFinding[] {
  const found: RawFinding[] = [];
  let pending: Failure[] = [];
  const logs = new Map<string, Failure["log"]>();
  let running: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (!line.includes(".go:") && !/^(?:===|\s*---|FAIL|ok)/.test(line))
      continue;
    const run = RUN.exec(line);
    if (run !== null) running = run[1];
    const log = LOG.exec(line);
    if (log !== null && running !== undefined && !FAIL.test(line))
      logOf(logs, running).push(logEntry(log));
    const fail = FAIL.exec(line);
    if (fail !== null) {
      const name = fail[2] ?? "";
      const at = i;
      const own = logOf(logs, name);
      const indent = (fail[1] ?? "").length;
      for (let j = i + 1; j < lines.length; j++) {
        const next = lines[j] ?? "";
        const m = LOG.exec(next);
        if (m === null || (m[1] ?? "").length <= indent || FAIL.test(next))
          break;
        own.push(logEntry(m));
        i = j;
      }
      pending.push({ at, name, log: own });
      running = undefined;
    }
    const pkg = PACKAGE.exec(line);
    if (pkg !== null && pending.length > 0) {
      found.push(...toFindings(pending, pkg[1] ?? ""));
      pending = [];
    }
  }
  found.push(...toFindings(pending, undefined));
  return found;
}

function logOf(logs: Map<string, Failure["log"]>, name: string) {
  const known = logs.get(name);
  if (known !== undefined) return known;
  const fresh: Failure["log"] = [];
  logs.set(name, fresh);
  return fresh;
}

function logEntry(m: RegExpExecArray) {
  return { file: m[2] ?? "", line: Number(m[3]), text: m[4] ?? "" };
}

// One finding per failed test; a test whose only failure is a failed subtest is dropped.
export function toFindings(
  failures: readonly Failure[],
  pkg: string | undefined,
): RawFinding[] {
  return failures
    .filter(
      (f) =>
        f.log.length > 0 ||
        !failures.some((o) => o.name.startsWith(`${f.name}/`)),
    )
    .map((f) => {
      const test = [...(pkg === undefined ? [] : [pkg]), ...f.name.split("/")];
      const first = f.log[0];
      return placed(
        {
          at: f.at,
          runner: "go-test",
          test: test.join(" > "),
          message: f.log.map((l) => l.text).join("\n") || "test failed",
        },
        first === undefined
          ? undefined
          : { file: first.file, line: first.line },
      );
    });
}

function readBuilds({ lines, root }: RecognizeInput): RawFinding[] {
  const found: RawFinding[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!(lines[i] ?? "").startsWith("FAIL")) continue;
    const m = BUILD_FAILED.exec(lines[i] ?? "");
    if (m === null) continue;
    const pkg = m[1] ?? "";
    const errors: RawFinding[] = [];
    const header = lines.findIndex(
      (l, k) => k < i && (l === `# ${pkg}` || l.startsWith(`# ${pkg} [`)),
    );
    for (let k = header + 1; header >= 0 && k < i; k++) {
      const line = lines[k] ?? "";
      if (line.startsWith("# ")) break;
      const c = COMPILE.exec(line);
      if (c === null) continue;
      errors.push(
        placed(
          { at: k, runner: "go-test", test: pkg, message: c[4] ?? "" },
          {
            file: repoPath(c[1] ?? "", root),
            line: Number(c[2]),
            column: Number(c[3]),
          },
        ),
      );
    }
    found.push(
      ...(errors.length > 0
        ? errors
        : [
            {
              at: i,
              runner: "go-test" as const,
              test: pkg,
              message: `${m[2]} failed`,
            },
          ]),
    );
  }
  return found;
}
