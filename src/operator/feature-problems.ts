import type { ErrorCode } from "../errors/codes.js";
import { SpecfuseError } from "../errors/specfuse-error.js";
import type { FeatureModel } from "../plan/feature-model.js";
import type { FeatureSnapshot } from "../workspace/read-feature.js";
import type { FileRead } from "../workspace/read-text.js";
import {
  parseFrontmatter,
  type Frontmatter,
} from "../yaml/split-frontmatter.js";

/** A file of a feature that cannot be read or parsed (cli.md C-STATUS-3). */
export interface FeatureProblem {
  /** A stable code of exit class 65 (`yaml_error`, `graph_missing`, …). */
  code: ErrorCode;
  /** Repo-relative display path. */
  file: string;
  line: number | null;
  message: string;
  /** The offending line, when known. */
  excerpt: string | null;
}

// Every unreadable or unparseable file of a feature: PLAN, its graph, GATE and WU files; pure.
export function featureProblems(
  snapshot: FeatureSnapshot,
  model: FeatureModel | null,
): FeatureProblem[] {
  const planFile = `${snapshot.dir}/PLAN.md`;
  const plan = unreadable(snapshot.plan, planFile, "plan_missing");
  if (plan !== null) return [plan];
  const doc = snapshot.planDoc;
  if (doc === null) return [];
  const problems: FeatureProblem[] = [];
  const fm = frontmatterProblem(doc.fm, planFile);
  if (fm !== null) problems.push(fm);
  if (doc.isUnclosed) return problems;
  for (const issue of doc.search.earlierIssues)
    problems.push({
      code: "yaml_error",
      file: planFile,
      line: issue.line,
      message: `a yaml block before the task graph does not parse: ${issue.reason}`,
      excerpt: issue.excerpt,
    });
  if (doc.graph === null) {
    problems.push({
      code: "graph_missing",
      file: planFile,
      line: null,
      message:
        "no task graph: no fenced yaml block with a `gates` key was found",
      excerpt: null,
    });
    return problems;
  }
  if (model === null) return problems;
  for (const gate of model.gates) {
    const read = snapshot.files.get(gate.path);
    if (read === undefined || read.kind === "missing") continue;
    const bad = unreadable(read, gate.path, "gate_status_invalid");
    if (bad !== null) problems.push(bad);
    else if (read.kind === "file") {
      const p = frontmatterProblemOfText(read.text, gate.path);
      if (p !== null) problems.push(p);
    }
  }
  for (const unit of model.units.values()) {
    const read = snapshot.files.get(unit.path);
    if (read === undefined || read.kind === "missing") continue;
    const bad = unreadable(read, unit.path, "frontmatter_invalid");
    if (bad !== null) problems.push(bad);
    else if (unit.fm !== null) {
      const p = frontmatterProblem(unit.fm, unit.path);
      if (p !== null) problems.push(p);
    }
  }
  return problems;
}

// The problem as the error a command throws (exit 65).
export function problemError(p: FeatureProblem, hint?: string): SpecfuseError {
  return new SpecfuseError({
    code: p.code,
    message: `${p.file}${p.line === null ? "" : `:${p.line}`}: ${p.message}`,
    file: p.file,
    line: p.line ?? undefined,
    excerpt: p.excerpt ?? undefined,
    hint:
      hint ??
      `fix ${p.file}${p.line === null ? "" : ` at line ${p.line}`}; \`specfuse lint\` explains every problem of a feature`,
  });
}

// `file:line: message`, the form status prints.
export function formatProblem(p: FeatureProblem): string {
  return `${p.file}${p.line === null ? "" : `:${p.line}`}: ${p.message}`;
}

function unreadable(
  read: FileRead,
  file: string,
  missingCode: ErrorCode,
): FeatureProblem | null {
  if (read.kind === "file") return null;
  const message =
    read.kind === "missing"
      ? "the file does not exist"
      : read.kind === "not-file"
        ? "not a regular file"
        : `cannot be read: ${read.reason}`;
  return {
    code: read.kind === "missing" ? missingCode : "yaml_error",
    file,
    line: null,
    message,
    excerpt: null,
  };
}

function frontmatterProblemOfText(
  text: string,
  file: string,
): FeatureProblem | null {
  return frontmatterProblem(parseFrontmatter(text), file);
}

function frontmatterProblem(
  fm: Frontmatter,
  file: string,
): FeatureProblem | null {
  if (fm.state !== "error") return null;
  return {
    code: "yaml_error",
    file,
    line: fm.issue?.line ?? 1,
    message: `frontmatter: ${fm.issue?.reason ?? "invalid"}`,
    excerpt: fm.issue?.excerpt ?? null,
  };
}
