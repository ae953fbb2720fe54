import path from "node:path";
import { readFileSync, existsSync } from "node:fs";
import { acceptanceSlice, missingSections } from "../../../src/plan/body.js";
import { analyseGraph } from "../../../src/plan/build-graph.js";
import { isCorrelationId } from "../../../src/plan/correlation-id.js";
import { parsePlan } from "../../../src/plan/parse-plan.js";
import { isTerminalGate } from "../../../src/plan/read-graph.js";
import { isWuStatus, isWuType } from "../../../src/plan/vocabulary.js";
import { parseFrontmatter } from "../../../src/yaml/split-frontmatter.js";

// The oracle-like phrases of lint.md L-DEF-4, searched in acceptance criteria.
const ORACLE_PATTERNS = [
  String.raw`test\s+loops?`,
  String.raw`loops?\s+of\s+tests?`,
  "audit",
  String.raw`recursive\s+run`,
  String.raw`run\s+\p{Nd}+\s+times`,
  String.raw`\p{Nd}+\s+consecutive\s+runs?`,
  String.raw`smoke[-\s]tests?`,
  "oracle",
  String.raw`integration\s+tests?`,
  "e2e",
  String.raw`repeat\s+\p{Nd}+\s+times`,
].map((p) => new RegExp(`(?<![\\p{L}\\p{N}_])${p}(?![\\p{L}\\p{N}_])`, "iu"));

/** A finding of the structural check. */
export interface Finding {
  file: string;
  severity: "error" | "warning";
  message: string;
}

// A stand-in for the linter's verdict on a feature folder (lint.md §4), used until `specfuse lint` lands:
// graph, ids, files, sections, planned costs, produces, oracle phrases and the closing shape.
export function checkFeature(dir: string): Finding[] {
  const findings: Finding[] = [];
  const error = (file: string, message: string) =>
    findings.push({ file, severity: "error", message });
  const warn = (file: string, message: string) =>
    findings.push({ file, severity: "warning", message });
  const plan = parsePlan(readFileSync(path.join(dir, "PLAN.md"), "utf8"));
  if (plan.fm.state !== "ok") error("PLAN.md", "frontmatter unreadable");
  for (const key of ["feature_id", "title", "branch", "roadmap_goal", "status"])
    if (!(key in plan.fm.data)) error("PLAN.md", `missing ${key}`);
  if (plan.graph === null) {
    error("PLAN.md", "no task graph");
    return findings;
  }
  const analysis = analyseGraph(plan.graph);
  if (analysis.duplicateIds.length + analysis.duplicateFiles.length > 0)
    error("PLAN.md", "duplicate ids or files");
  if ([...analysis.unknownDeps.values()].some((d) => d.length > 0))
    error("PLAN.md", "unknown dependency");
  if ([...analysis.laterGateDeps.values()].some((d) => d.length > 0))
    error("PLAN.md", "dependency on a later gate");
  if (analysis.cycles.length > 0) error("PLAN.md", "dependency cycle");
  let sum = 0;
  for (const gate of plan.graph.gates) {
    if (typeof gate.file !== "string" || !existsSync(path.join(dir, gate.file)))
      error("PLAN.md", `gate ${String(gate.gate)} file missing`);
    const types: string[] = [];
    for (const unit of gate.units) {
      const file = String(unit.file);
      if (!isCorrelationId(unit.id)) error("PLAN.md", `bad id ${String(unit.id)}`);
      if (!existsSync(path.join(dir, file))) {
        error(file, "missing");
        continue;
      }
      const fm = parseFrontmatter(readFileSync(path.join(dir, file), "utf8"));
      if (fm.state !== "ok") error(file, "frontmatter unreadable");
      const data = fm.data;
      if (data.id !== unit.id) error(file, "id differs from the graph");
      if (!isWuType(data.type)) error(file, "bad type");
      if (!isWuStatus(data.status)) error(file, "bad status");
      types.push(String(data.type));
      if (["draft", "pending", "ready"].includes(String(data.status)))
        for (const s of missingSections(fm.body)) error(file, `section ${s} missing`);
      const ac = acceptanceSlice(fm.body);
      if (!("oracle_env" in data) && !["lessons", "docs", "retrospective"].includes(String(data.type)))
        for (const re of ORACLE_PATTERNS)
          if (re.test(ac)) warn(file, `oracle-like phrase ${re.source}`);
      const produces = data.produces;
      if (data.type === "implementation" && (produces === undefined || (Array.isArray(produces) && produces.length === 0)))
        warn(file, "produces missing");
      for (const p of Array.isArray(produces) ? produces : produces === undefined ? [] : [produces])
        if (!String(p).includes("/")) warn(file, `bare produces path ${String(p)}`);
      if (typeof data.planned_cost_usd !== "number") warn(file, "planned cost missing");
      else sum += data.planned_cost_usd;
    }
    const closing = types.filter((t) =>
      ["retrospective", "lessons", "docs", "plan-next", "close", "close-intermediate"].includes(t),
    );
    const shape = closing.join(",");
    const expected = isTerminalGate(plan.graph, gate) ? "close" : "close-intermediate,plan-next";
    if (shape !== expected) error("PLAN.md", `gate ${String(gate.gate)} closing shape ${shape}`);
  }
  const planned = plan.fm.data.planned_cost_usd;
  if (typeof planned !== "number") warn("PLAN.md", "planned cost missing");
  else if (Math.abs(planned - Math.round(sum * 100) / 100) / planned > 0.1)
    warn("PLAN.md", `planned cost ${planned} vs units ${sum}`);
  return findings;
}
