import { describe, expect, it } from "vitest";
import { buildResult } from "../../../src/agent/adapters/agent-result.js";
import {
  expandTemplate,
  parseTemplateElement,
} from "../../../src/agent/adapters/command-template.js";
import { lookupPath } from "../../../src/agent/adapters/dotted-path.js";
import { envChanges } from "../../../src/agent/adapters/env-settings.js";
import { parseJsonLine } from "../../../src/agent/adapters/json-lines.js";
import {
  ARG_PROMPT_MAX_BYTES,
  promptAsArg,
} from "../../../src/agent/adapters/prompt-delivery.js";
import {
  isRateLimitText,
  retryAfterFrom,
} from "../../../src/agent/adapters/rate-limit.js";
import { summarizeTool } from "../../../src/agent/adapters/activity.js";
import { PLACE } from "./place.js";

describe("the shared pattern P (AG-RL-1)", () => {
  it.each([
    "exceeded retry limit, last status: 429 Too Many Requests",
    "HTTP 529 overloaded_error",
    "Rate limit reached for requests",
    "You've hit your usage limit",
    "Quota exceeded for metric",
    "quota exhausted",
    "RESOURCE_EXHAUSTED",
    "rate-limited",
  ])("matches %j", (text) => expect(isRateLimitText(text)).toBe(true));

  it.each(["", "tests failed: 4290 assertions", "file not found"])(
    "%j is no rate limit",
    (text) => expect(isRateLimitText(text)).toBe(false),
  );

  it.each<[string, number | undefined]>([
    ["Please retry in 36.5s.", 36.5],
    ["try again in 5 minutes", 300],
    ["retry after 120 seconds", 120],
    ["retry in 250ms", 0.25],
    ["try again in 2h", 7200],
    ["try again later", undefined],
  ])("reads the reset in %j", (text, seconds) =>
    expect(retryAfterFrom(text)).toBe(seconds),
  );
});

describe("buildResult (AG-RES-2, AG-RL-1)", () => {
  const base = { finalText: "t", exitCode: 0, stderr: "" };
  it("without a terminal event the exit code decides is_error; terminal stays none", () => {
    expect(buildResult({ ...base, terminal: "none" }).isError).toBe(false);
    const failed = buildResult({ ...base, terminal: "none", exitCode: 2 });
    expect([failed.terminal, failed.isError]).toStrictEqual(["none", true]);
    expect(
      buildResult({ ...base, terminal: "none", exitCode: null }).isError,
    ).toBe(true);
  });

  it("the event stream wins over the exit code", () => {
    expect(
      buildResult({ ...base, terminal: "error", exitCode: 0 }).isError,
    ).toBe(true);
    expect(
      buildResult({ ...base, terminal: "success", exitCode: 1 }).isError,
    ).toBe(false);
  });

  it("AG-RL-1 never reads a successful run as rate-limited, whatever its text or stderr says", () => {
    const ok = buildResult({
      ...base,
      finalText: "I hit a 429 once",
      terminal: "success",
      stderr: "429 Too Many Requests",
      errorText: "rate limit",
    });
    expect(ok.isRateLimited).toBe(false);
  });

  it("AG-RL-1 reads error text and the stderr tail of a failed run, with the reset it names", () => {
    const viaStderr = buildResult({
      ...base,
      terminal: "none",
      exitCode: 1,
      stderr: `${"x".repeat(10_000)}\nToo Many Requests; retry in 30s`,
    });
    expect([
      viaStderr.isRateLimited,
      viaStderr.retryAfterSeconds,
    ]).toStrictEqual([true, 30]);
    const early = buildResult({
      ...base,
      terminal: "none",
      exitCode: 1,
      stderr: `429 at the start\n${"x".repeat(10_000)}`,
    });
    expect(early.isRateLimited).toBe(false);
  });

  it("cost is reported only when given (AG-COST-1)", () => {
    expect(buildResult({ ...base, terminal: "success" })).toMatchObject({
      costSource: "none",
    });
    expect(
      buildResult({ ...base, terminal: "success", costUsd: 0.5 }),
    ).toMatchObject({
      costUsd: 0.5,
      costSource: "reported",
    });
  });
});

describe("AG-PROC-1 prompt as an argument", () => {
  it("passes a prompt up to 96 KiB as is", () => {
    const prompt = "é".repeat(ARG_PROMPT_MAX_BYTES / 2);
    expect(promptAsArg(prompt, PLACE)).toStrictEqual({
      arg: prompt,
      files: [],
    });
  });

  it("sends a larger prompt as the attempt's prompt file, named by absolute path", () => {
    const prompt = "x".repeat(ARG_PROMPT_MAX_BYTES + 1);
    const file = `${PLACE.workDir}/attempt-2.prompt.md`;
    expect(promptAsArg(prompt, PLACE)).toStrictEqual({
      arg: `Read and carry out the instructions in ${file}.`,
      files: [{ path: file, content: prompt }],
    });
  });
});

describe("AG-BE-8 command templates", () => {
  it.each<[string, string | null]>([
    ["--model={model}", null],
    ["{{literal}}", null],
    ["{cwd}/{unit_id}", null],
    ["{prompt}", "unknown placeholder {prompt}"],
    ["{", 'a lone "{"'],
    ["x}", 'a lone "}"'],
    ["{ model }", "unknown placeholder { model }"],
  ])("%j", (element, problem) => {
    const parse = parseTemplateElement(element);
    if (problem === null) expect(parse.isValid).toBe(true);
    else expect(parse.isValid ? "" : parse.problem).toContain(problem);
  });

  it("fills placeholders and drops an empty model with its flag", () => {
    const values = {
      model: "",
      effort: "high",
      prompt_file: "/w/p.md",
      cwd: "/r",
      unit_id: "f/T01",
    };
    expect(
      expandTemplate(
        [
          "run",
          "--model",
          "{model}",
          "-e",
          "{effort}",
          "--m={model}",
          "{{x}}",
          "@{prompt_file}",
          "{cwd}:{unit_id}",
        ],
        values,
      ),
    ).toStrictEqual(["run", "-e", "high", "{x}", "@/w/p.md", "/r:f/T01"]);
    expect(
      expandTemplate(["--model", "{model}"], { ...values, model: "llama3" }),
    ).toStrictEqual(["--model", "llama3"]);
  });

  it("looks up dotted paths with indexes and -1", () => {
    const value = { a: [{ b: 1 }, { b: 2 }], c: { d: "x" } };
    expect(lookupPath(value, "a.0.b")).toBe(1);
    expect(lookupPath(value, "a.-1.b")).toBe(2);
    expect(lookupPath(value, "c.d")).toBe("x");
    expect(lookupPath(value, "a.x")).toBeUndefined();
    expect(lookupPath(value, "c.d.e")).toBeUndefined();
    expect(lookupPath(value, "toString")).toBeUndefined();
  });
});

describe("helpers", () => {
  it("env: a string sets, null removes, pinned variables stay ours", () => {
    expect(
      envChanges(
        { A: "1" },
        { env: { A: null, B: "2", P: "user" } },
        { P: "ours" },
      ),
    ).toStrictEqual({ env: { B: "2", P: "ours" }, envRemove: ["A"] });
  });

  it("parses only JSON object lines", () => {
    expect(parseJsonLine(' {"a":1} ')).toStrictEqual({ a: 1 });
    expect(parseJsonLine("[1]")).toBeNull();
    expect(parseJsonLine("{broken")).toBeNull();
    expect(parseJsonLine("plain text")).toBeNull();
  });

  it("summarizes tool calls with paths relative to cwd", () => {
    expect(
      summarizeTool("Write", { file_path: "/repo/src/a.ts" }, "/repo"),
    ).toBe("Write src/a.ts");
    expect(summarizeTool("Bash", { command: "npm test\nmore" })).toBe(
      "Bash npm test",
    );
    expect(summarizeTool("Think", 5)).toBe("Think");
  });
});
