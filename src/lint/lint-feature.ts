import type { Diagnostic } from "../types/diagnostic.js";
import type { FeatureSnapshot } from "../types/feature-snapshot.js";
import { buildFacts } from "./facts.js";
import type { Finding } from "./rule.js";
import { ruleInfo } from "./rule-table.js";
import { runDraft, runMainPass } from "./run-rules.js";
import { sortDiagnostics } from "./sort-diagnostics.js";

/** How to lint one folder. */
export interface LintOptions {
  /** Main-pass warnings become errors (L-CLI-6). @default false */
  strict: boolean;
  /** Run the plan-next draft pass on gate N+1 (§5); null skips it. @default null */
  justClosedGate: number | null;
}

/** One folder's verdict (lint.md L-OUT-2 `features[]`). */
export interface FeatureReport {
  dir: string;
  /** No effective errors. */
  ok: boolean;
  errors: number;
  warnings: number;
  diagnostics: Diagnostic[];
}

function toDiagnostic(
  f: Finding,
  pass: "main" | "draft",
  isStrict: boolean,
): Diagnostic {
  const base = ruleInfo(f.rule).severity;
  return {
    rule: f.rule,
    severity: pass === "draft" ? "warning" : isStrict ? "error" : base,
    pass,
    file: f.file,
    line: f.line,
    column: f.column ?? null,
    gate: f.gate,
    message: f.message,
    hint: f.hint,
  };
}

// Lints one folder: the main pass, then the draft pass when asked; diagnostics sorted per L-OUT-5.
export function lintFeature(
  snapshot: FeatureSnapshot,
  options: LintOptions,
): FeatureReport {
  const facts = buildFacts(snapshot);
  const main = runMainPass(facts).map((f) =>
    toDiagnostic(f, "main", options.strict),
  );
  const draft =
    options.justClosedGate === null
      ? []
      : runDraft(facts, options.justClosedGate).map((f) =>
          toDiagnostic(f, "draft", false),
        );
  const diagnostics = sortDiagnostics([...main, ...draft]);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return {
    dir: snapshot.dir,
    ok: errors === 0,
    errors,
    warnings: diagnostics.length - errors,
    diagnostics,
  };
}

// The plan-next draft pass alone, for the driver after a passing plan-next unit (driver D-HOOK-1); never throws.
export function runDraftPass(
  snapshot: FeatureSnapshot,
  justClosedGate: number,
): Diagnostic[] {
  try {
    return sortDiagnostics(
      runDraft(buildFacts(snapshot), justClosedGate).map((f) =>
        toDiagnostic(f, "draft", false),
      ),
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [
      {
        rule: "draft-lint-failed",
        severity: "warning",
        pass: "draft",
        file: snapshot.dir === "." ? "PLAN.md" : `${snapshot.dir}/PLAN.md`,
        line: null,
        column: null,
        gate: null,
        message: `plan-next draft lint failed: ${reason}`,
        hint: "run `specfuse lint --just-closed-gate N` on the folder to see the problem; please report it.",
      },
    ];
  }
}
