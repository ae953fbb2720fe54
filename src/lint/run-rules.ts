import { readableDoc, type EntryFacts, type LintFacts } from "./facts.js";
import type {
  DraftTarget,
  Finding,
  Flow,
  PassState,
  Rule,
  RuleContext,
  UnitTarget,
} from "./rule.js";
import { closeVerdictRequired } from "./rules/close-verdict-required.js";
import { closingMixBackward } from "./rules/closing-mix-backward.js";
import { closingMixForward } from "./rules/closing-mix-forward.js";
import { closingShapeLegacy } from "./rules/closing-shape-legacy.js";
import { closingShape } from "./rules/closing-shape.js";
import { depCycle } from "./rules/dep-cycle.js";
import { depLaterGate } from "./rules/dep-later-gate.js";
import { depUnknown } from "./rules/dep-unknown.js";
import { dependsOnNotList } from "./rules/depends-on-not-list.js";
import { draftDriverWiring } from "./rules/draft-driver-wiring.js";
import { draftIdFormat } from "./rules/draft-id-format.js";
import { draftPlannedCost } from "./rules/draft-planned-cost.js";
import { draftSectionEmpty } from "./rules/draft-section-empty.js";
import { draftSectionMissing } from "./rules/draft-section-missing.js";
import { draftType } from "./rules/draft-type.js";
import { driverWiringUndeclared } from "./rules/driver-wiring-undeclared.js";
import { featureDirName } from "./rules/feature-dir-name.js";
import { frontmatterMissing } from "./rules/frontmatter-missing.js";
import { gateBudgetType } from "./rules/gate-budget-type.js";
import { gateDuplicate } from "./rules/gate-duplicate.js";
import { gateFileMissing } from "./rules/gate-file-missing.js";
import { gateNumber } from "./rules/gate-number.js";
import { gateStatus } from "./rules/gate-status.js";
import { graphMissing } from "./rules/graph-missing.js";
import { graphShape } from "./rules/graph-shape.js";
import { oracleEnvMissing } from "./rules/oracle-env-missing.js";
import { pathEscape } from "./rules/path-escape.js";
import { planCostMismatch } from "./rules/plan-cost-mismatch.js";
import { planKeys } from "./rules/plan-keys.js";
import { planMissing } from "./rules/plan-missing.js";
import { planPlannedCostMissing } from "./rules/plan-planned-cost-missing.js";
import { plannedCostInvalid } from "./rules/planned-cost-invalid.js";
import { producesBarePath } from "./rules/produces-bare-path.js";
import { producesMissing } from "./rules/produces-missing.js";
import { statusImpossible } from "./rules/status-impossible.js";
import { verdictOnNonClose } from "./rules/verdict-on-non-close.js";
import { wuDuplicateFile } from "./rules/wu-duplicate-file.js";
import { wuDuplicateId } from "./rules/wu-duplicate-id.js";
import { wuEffort } from "./rules/wu-effort.js";
import { wuEntryIncomplete } from "./rules/wu-entry-incomplete.js";
import { wuFileMissing } from "./rules/wu-file-missing.js";
import { wuIdFormat } from "./rules/wu-id-format.js";
import { wuIdMismatch } from "./rules/wu-id-mismatch.js";
import { wuKeyInvalid } from "./rules/wu-key-invalid.js";
import { wuModel } from "./rules/wu-model.js";
import { wuPlannedCostMissing } from "./rules/wu-planned-cost-missing.js";
import { wuSectionMissing } from "./rules/wu-section-missing.js";
import { wuStatus } from "./rules/wu-status.js";
import { wuType } from "./rules/wu-type.js";
import { roadmapRowMissing } from "./rules/roadmap-row-missing.js";
import { unknownKey } from "./rules/unknown-key.js";
import { yamlInvalid } from "./rules/yaml-invalid.js";

// The order of lint.md L-EVAL-1; within a step, rules run in this order and a stop or skip ends the step.
export const STEPS = {
  plan: [
    featureDirName,
    planMissing,
    yamlInvalid,
    planKeys,
    unknownKey,
    roadmapRowMissing,
  ],
  graph: [yamlInvalid, graphMissing, graphShape],
  gate: [
    graphShape,
    unknownKey,
    gateNumber,
    gateDuplicate,
    pathEscape,
    gateFileMissing,
    yamlInvalid,
    gateBudgetType,
    gateStatus,
  ],
  entry: [
    graphShape,
    unknownKey,
    wuEntryIncomplete,
    wuIdFormat,
    dependsOnNotList,
    depUnknown,
    depLaterGate,
    pathEscape,
    wuFileMissing,
  ],
  unit: [
    yamlInvalid,
    frontmatterMissing,
    wuIdMismatch,
    wuIdFormat,
    wuType,
    wuModel,
    wuStatus,
    wuEffort,
    wuSectionMissing,
    closeVerdictRequired,
    verdictOnNonClose,
    oracleEnvMissing,
    driverWiringUndeclared,
    producesMissing,
    producesBarePath,
    wuKeyInvalid,
    statusImpossible,
    unknownKey,
  ],
  closing: [closingShape, closingShapeLegacy],
  graphWide: [wuDuplicateId, wuDuplicateFile, depCycle],
  cost: [
    wuPlannedCostMissing,
    plannedCostInvalid,
    planPlannedCostMissing,
    planCostMismatch,
  ],
  mix: [closingMixForward, closingMixBackward],
  draft: [
    draftIdFormat,
    draftPlannedCost,
    draftType,
    draftSectionMissing,
    draftSectionEmpty,
    draftDriverWiring,
  ],
} as const satisfies Record<string, readonly Rule[]>;

function runStep(rules: readonly Rule[], call: (rule: Rule) => Flow): Flow {
  for (const rule of rules) {
    const flow = call(rule);
    if (flow !== undefined) return flow;
  }
  return undefined;
}

function newContext(facts: LintFacts, findings: Finding[]): RuleContext {
  const state: PassState = {
    skipped: new Set(),
    suppressedGates: new Set(),
    hasInvalidUnitFile: false,
    closing: new Map(),
  };
  return { facts, state, report: (f) => findings.push(f) };
}

function unitTarget(entry: EntryFacts): UnitTarget | null {
  const doc = entry.file?.doc ?? null;
  return entry.file === null || doc === null
    ? null
    : { entry, doc, file: entry.file.display };
}

function checkEntries(ctx: RuleContext, entries: readonly EntryFacts[]): void {
  for (const entry of entries) {
    const unit =
      runStep(STEPS.entry, (r) => r.entry?.(ctx, entry)) === undefined
        ? unitTarget(entry)
        : null;
    if (
      unit === null ||
      runStep(STEPS.unit, (r) => r.unit?.(ctx, unit)) !== undefined
    )
      ctx.state.skipped.add(entry);
  }
}

// The main pass of lint.md §4 over one folder's facts; findings in evaluation order.
export function runMainPass(facts: LintFacts): Finding[] {
  const findings: Finding[] = [];
  const ctx = newContext(facts, findings);
  if (runStep(STEPS.plan, (r) => r.plan?.(ctx)) === "stop") return findings;
  if (runStep(STEPS.graph, (r) => r.graph?.(ctx)) === "stop") return findings;
  for (const gate of facts.gates) {
    runStep(STEPS.gate, (r) => r.gate?.(ctx, gate));
    // L-EVAL-4: a gate with no units (or an invalid list) gets only the gate checks.
    if (!gate.hasUnits) continue;
    checkEntries(ctx, gate.entries);
    for (const rule of STEPS.closing) rule.closing?.(ctx, gate);
  }
  for (const rule of STEPS.graphWide) rule.graphWide?.(ctx);
  for (const rule of STEPS.cost) rule.cost?.(ctx);
  for (const rule of STEPS.mix) rule.mix?.(ctx);
  return findings;
}

// The draft units of gate N+1 that L-DRAFT-3 visits, in graph order.
export function draftTargets(
  facts: LintFacts,
  justClosedGate: number,
): DraftTarget[] {
  if (facts.isStoppedEarly) return [];
  const gate = facts.gates.find(
    (g) => g.raw.isMap && g.number === justClosedGate + 1,
  );
  const targets: DraftTarget[] = [];
  for (const entry of gate?.entries ?? []) {
    const doc = entry.raw.isMap ? readableDoc(entry) : null;
    if (entry.file === null || doc === null || doc.data.status !== "draft")
      continue;
    const draftId = entry.raw.hasId ? entry.raw.id : entry.raw.file;
    targets.push({ entry, doc, file: entry.file.display, draftId });
  }
  return targets;
}

// The plan-next draft pass of lint.md §5 (silent when the folder stopped early or gate N+1 is absent).
export function runDraft(facts: LintFacts, justClosedGate: number): Finding[] {
  const findings: Finding[] = [];
  const ctx = newContext(facts, findings);
  for (const target of draftTargets(facts, justClosedGate))
    for (const rule of STEPS.draft) rule.draft?.(ctx, target);
  return findings;
}
