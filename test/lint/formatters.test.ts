import { describe, expect, it } from "vitest";
import { buildJsonReport, formatJson } from "../../src/lint/formatters/json.js";
import {
  escapeData,
  escapeProperty,
  formatAnnotation,
  formatGithub,
} from "../../src/lint/formatters/github.js";
import { buildSarif, directoryUri } from "../../src/lint/formatters/sarif.js";
import { summaryLine } from "../../src/lint/formatters/summary.js";
import { formatText } from "../../src/lint/formatters/text.js";
import type { FeatureReport } from "../../src/lint/lint-feature.js";
import { RULE_TABLE } from "../../src/lint/rule-table.js";
import { compileSchema } from "../../src/schemas/ajv.js";
import { LINT_REPORT_SCHEMA } from "../../src/schemas/lint-report.js";
import type { Diagnostic } from "../../src/types/diagnostic.js";
import { base, edit, lintTree, withFiles } from "./helpers.js";
import { SARIF_SUBSET_SCHEMA } from "./sarif-schema.js";

function diag(over: Partial<Diagnostic>): Diagnostic {
  return {
    rule: "wu-type",
    severity: "error",
    pass: "main",
    file: "feat/WU-01.md",
    line: 3,
    column: null,
    gate: null,
    message: 'type is "x"; expected one of implementation.',
    hint: 'write "type: implementation".',
    ...over,
  };
}

function report(diagnostics: Diagnostic[], dir = "feat"): FeatureReport {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return {
    dir,
    ok: errors === 0,
    errors,
    warnings: diagnostics.length - errors,
    diagnostics,
  };
}

const SAMPLE = [
  report([
    diag({}),
    diag({
      rule: "wu-file-missing",
      file: "feat/WU-9.md",
      line: null,
      gate: 1,
      message: "feat/WU-9.md does not exist.",
      hint: "create it.",
    }),
    diag({
      rule: "produces-missing",
      severity: "warning",
      line: 1,
      message: "no produces.",
      hint: "add produces.",
    }),
  ]),
  report([], "other"),
];

describe("text format (lint.md L-OUT-1)", () => {
  it("prints one line per diagnostic, then the summary", () => {
    expect(formatText(SAMPLE)).toMatchInlineSnapshot(`
      "feat/WU-01.md:3: error wu-type: type is "x"; expected one of implementation. Fix: write "type: implementation".
      feat/WU-9.md: error wu-file-missing: feat/WU-9.md does not exist. Fix: create it.
      feat/WU-01.md:1: warning produces-missing: no produces. Fix: add produces.
      specfuse lint: 2 feature folders, 2 errors, 1 warning
      "
    `);
  });

  it("uses singular nouns for 1 and keeps a message on one line", () => {
    expect(
      summaryLine([report([diag({}), diag({ severity: "warning" })])]),
    ).toBe("specfuse lint: 1 feature folder, 1 error, 1 warning");
    expect(summaryLine([])).toBe(
      "specfuse lint: 0 feature folders, 0 errors, 0 warnings",
    );
    expect(
      formatText([report([diag({ message: "a\nb" })])]).split("\n")[0],
    ).toContain("a b Fix:");
  });

  it("colours the severity red or yellow and dims the rule when colour is on", () => {
    const paint = {
      red: (t: string) => `<r>${t}</r>`,
      yellow: (t: string) => `<y>${t}</y>`,
      dim: (t: string) => `<d>${t}</d>`,
    };
    const lines = formatText(SAMPLE, paint).split("\n");
    expect(lines[0]).toContain("<r>error</r> <d>wu-type</d>:");
    expect(lines[2]).toContain("<y>warning</y> <d>produces-missing</d>:");
  });
});

describe("json format (lint.md L-OUT-2)", () => {
  const meta = { version: "0.4.0", strict: false, justClosedGate: null };

  it("is one 2-space-indented document with a trailing newline and the frozen field names", () => {
    const text = formatJson(SAMPLE, meta);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toContain('\n  "schema_version": 1,');
    const doc = JSON.parse(text) as ReturnType<typeof buildJsonReport>;
    expect(doc.summary).toStrictEqual({
      features: 2,
      errors: 2,
      warnings: 1,
      exit_code: 1,
    });
    expect(Object.keys(doc.features[0]!.diagnostics[0]!)).toStrictEqual([
      "rule",
      "severity",
      "pass",
      "file",
      "line",
      "column",
      "gate",
      "message",
      "hint",
    ]);
  });

  it("validates against the shipped JSON Schema, on real reports too", () => {
    const validate = compileSchema(LINT_REPORT_SCHEMA);
    let tree = edit(
      base(),
      "WU-01-export.md",
      "type: implementation",
      "type: x",
    );
    tree = withFiles(tree, {
      "WU-03-columns.md": undefined,
      "GATE-01.md": "---\ngate: 1\noops\n---\n",
    });
    const real = [
      lintTree(tree, { justClosedGate: 1 }),
      lintTree({}, { dir: "missing" }),
    ];
    for (const doc of [
      buildJsonReport(SAMPLE, meta),
      buildJsonReport(real, { ...meta, justClosedGate: 1 }),
    ])
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it("the schema rejects a wrong document", () => {
    const validate = compileSchema(LINT_REPORT_SCHEMA);
    const doc = buildJsonReport(SAMPLE, meta) as unknown as {
      features: Array<{ diagnostics: Array<Record<string, unknown>> }>;
    };
    doc.features[0]!.diagnostics[0]!.severity = "fatal";
    expect(validate(doc)).toBe(false);
  });
});

describe("github format (lint.md L-OUT-3)", () => {
  it("prints one workflow command per diagnostic, then the summary", () => {
    expect(formatGithub(SAMPLE)).toMatchInlineSnapshot(`
      "::error file=feat/WU-01.md,line=3,title=wu-type::type is "x"; expected one of implementation. Fix: write "type: implementation".
      ::error file=feat/WU-9.md,title=wu-file-missing::feat/WU-9.md does not exist. Fix: create it.
      ::warning file=feat/WU-01.md,line=1,title=produces-missing::no produces. Fix: add produces.
      specfuse lint: 2 feature folders, 2 errors, 1 warning
      "
    `);
  });

  it("escapes data and property values", () => {
    expect(escapeData("50% a\r\nb: c, d")).toBe("50%25 a%0D%0Ab: c, d");
    expect(escapeProperty("C:/a,b%\n")).toBe("C%3A/a%2Cb%25%0A");
    expect(
      formatAnnotation(
        diag({ file: "a:b,c.md", message: "x\ny", hint: "100%" }),
      ),
    ).toBe("::error file=a%3Ab%2Cc.md,line=3,title=wu-type::x%0Ay Fix: 100%25");
  });
});

describe("sarif format (lint.md L-OUT-4)", () => {
  const log = buildSarif(SAMPLE, {
    version: "0.4.0",
    cwd: "/work/my repo",
  }) as {
    runs: Array<{
      tool: {
        driver: {
          rules: Array<{ id: string; defaultConfiguration: { level: string } }>;
        };
      };
      originalUriBaseIds: Record<string, { uri: string }>;
      results: Array<{
        ruleId: string;
        ruleIndex: number;
        level: string;
        message: { text: string };
        locations: Array<{
          physicalLocation: {
            artifactLocation: { uri: string; uriBaseId?: string };
            region?: { startLine: number };
          };
        }>;
      }>;
      invocations: Array<{ executionSuccessful: boolean }>;
    }>;
  };
  const run = log.runs[0]!;

  it("validates against the SARIF 2.1.0 requirements it uses", () => {
    const validate = compileSchema(SARIF_SUBSET_SCHEMA);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log).toMatchObject({
      $schema: "https://json.schemastore.org/sarif-2.1.0.json",
      version: "2.1.0",
    });
    expect(log.runs).toHaveLength(1);
  });

  it("lists every rule of §4 and §5, sorted by id, with its default level", () => {
    const ids = run.tool.driver.rules.map((r) => r.id);
    expect(ids).toHaveLength(RULE_TABLE.length);
    expect(ids).toStrictEqual([...ids].sort());
    expect(
      run.tool.driver.rules.find((r) => r.id === "oracle-env-missing")
        ?.defaultConfiguration.level,
    ).toBe("warning");
  });

  it("maps each diagnostic to one result with ruleIndex, level, message and hint, and a region only with a line", () => {
    expect(run.results).toHaveLength(3);
    for (const r of run.results)
      expect(run.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
    expect(run.results[0]).toMatchObject({
      level: "error",
      message: {
        text: 'type is "x"; expected one of implementation. Fix: write "type: implementation".',
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: "feat/WU-01.md", uriBaseId: "%SRCROOT%" },
            region: { startLine: 3 },
          },
        },
      ],
    });
    expect(
      run.results[1]?.locations[0]?.physicalLocation.region,
    ).toBeUndefined();
    expect(run.invocations).toStrictEqual([{ executionSuccessful: true }]);
  });

  it("maps %SRCROOT% to the given working directory as a file: URI ending in /", () => {
    expect(run.originalUriBaseIds["%SRCROOT%"]?.uri).toBe(
      "file:///work/my%20repo/",
    );
    expect(directoryUri("/")).toBe("file:///");
    expect(
      new URL("feat/WU-01.md", run.originalUriBaseIds["%SRCROOT%"]!.uri).href,
    ).toBe("file:///work/my%20repo/feat/WU-01.md");
  });

  it("percent-encodes paths, and writes absolute display paths as file: URIs without a base", () => {
    const abs = buildSarif(
      [report([diag({ file: "/tmp/a b/#1.md" }), diag({ file: "../x y.md" })])],
      { version: "0", cwd: "/w" },
    ) as typeof log;
    const [first, second] = abs.runs[0]!.results.map(
      (r) => r.locations[0]!.physicalLocation.artifactLocation,
    );
    expect(first).toStrictEqual({ uri: "file:///tmp/a%20b/%231.md" });
    expect(second).toStrictEqual({
      uri: "../x%20y.md",
      uriBaseId: "%SRCROOT%",
    });
  });

  it("an empty report has results: []", () => {
    const empty = buildSarif([], { version: "0", cwd: "/w" }) as typeof log;
    expect(empty.runs[0]?.results).toStrictEqual([]);
  });
});
