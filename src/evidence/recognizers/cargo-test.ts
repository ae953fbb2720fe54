import { repoPath } from "../repo-path.js";
import type { RawFinding, RecognizeInput, Recognizer } from "../types.js";
import { placed } from "./text.js";

const BLOCK = /^---- (\S+) stdout ----$/;
const PANIC_NEW = /panicked at (.+?):(\d+):(\d+):$/;
const PANIC_OLD = /panicked at '(.*)', (.+?):(\d+):(\d+)$/;
const BLOCK_END = /^(?:---- \S+ stdout ----|failures:|test result:)/;
const COMPILE = /^error(?:\[(E\d+)\])?: (.+)$/;
const ARROW = /^\s*--> (.+?):(\d+):(\d+)$/;

// cargo test (EV-REC-1): `---- <test> stdout ----` blocks with `panicked at <file>:<l>:<c>` and the
// `left:`/`right:` values (left as actual, right as expected), and compile errors `error[E<n>]` with their
// `--> <file>:<l>:<c>`.
export const cargoTest: Recognizer = {
  runner: "cargo-test",
  recognize(input) {
    const found: RawFinding[] = [];
    if (input.text.includes(" stdout ----")) found.push(...readPanics(input));
    if (input.text.includes("error")) found.push(...readCompile(input));
    return found;
  },
};

function readPanics({ lines, root }: RecognizeInput): RawFinding[] {
  const found: RawFinding[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!(lines[i] ?? "").startsWith("---- ")) continue;
    const m = BLOCK.exec(lines[i] ?? "");
    if (m === null) continue;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !BLOCK_END.test(lines[j] ?? ""); j++)
      body.push(lines[j] ?? "");
    found.push(panicFinding(i, m[1] ?? "", body, root));
    i = j - 1;
  }
  return found;
}

function panicFinding(
  at: number,
  name: string,
  body: readonly string[],
  root: string,
): RawFinding {
  const test = name.split("::").join(" > ");
  for (let k = 0; k < body.length; k++) {
    const line = body[k] ?? "";
    const old = PANIC_OLD.exec(line);
    const fresh = old === null ? PANIC_NEW.exec(line) : null;
    if (old === null && fresh === null) continue;
    const message = old !== null ? [old[1] ?? ""] : messageAfter(body, k + 1);
    const place =
      old !== null ? old.slice(2) : (fresh as RegExpExecArray).slice(1);
    return placed(
      {
        at,
        runner: "cargo-test",
        test,
        message: message.join("\n") || "panicked",
        ...side(body, "left", "actual"),
        ...side(body, "right", "expected"),
      },
      {
        file: repoPath(place[0] ?? "", root),
        line: Number(place[1]),
        column: Number(place[2]),
      },
    );
  }
  return { at, runner: "cargo-test", test, message: "test failed" };
}

function messageAfter(body: readonly string[], from: number): string[] {
  const out: string[] = [];
  for (let k = from; k < body.length; k++) {
    const line = body[k] ?? "";
    if (
      line.trim() === "" ||
      /^note: /.test(line) ||
      /^\s*(left|right):/.test(line)
    )
      break;
    out.push(line.trim());
  }
  return out;
}

function side(
  body: readonly string[],
  name: string,
  key: "actual" | "expected",
) {
  const re = new RegExp(`^\\s*${name}: \`?(.*?)\`?,?$`);
  const value = body.map((l) => re.exec(l)?.[1]).find((v) => v !== undefined);
  return value === undefined ? {} : { [key]: value };
}

function readCompile({ lines, root }: RecognizeInput): RawFinding[] {
  const found: RawFinding[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!(lines[i] ?? "").startsWith("error")) continue;
    const m = COMPILE.exec(lines[i] ?? "");
    if (m === null) continue;
    const arrow = [1, 2]
      .map((d) => ARROW.exec(lines[i + d] ?? ""))
      .find((a) => a != null);
    if (arrow == null) continue;
    found.push(
      placed(
        {
          at: i,
          runner: "cargo-test",
          ...(m[1] === undefined ? {} : { rule: m[1] }),
          message: m[2] ?? "",
        },
        {
          file: repoPath(arrow[1] ?? "", root),
          line: Number(arrow[2]),
          column: Number(arrow[3]),
        },
      ),
    );
  }
  return found;
}
