import type { UnitModel } from "../../plan/feature-model.js";
import { readAttemptNotes } from "../../workspace/attempt-files.js";
import { isNoMarker } from "../attempt/failure-signature.js";
import { oneLine } from "../narrate.js";
import type { Lane } from "../scope/lane.js";
import type { RunScope } from "../scope/run-scope.js";
import { carriedOver, type Cycle } from "./cycle.js";
import { NO_KEYS } from "./driver-keys.js";
import { decideReArmFold } from "./re-arm-fold.js";
import { decideCycleStart, resolveMaxAttempts } from "./retry-policy.js";
import { writeUnitKeys, writeUnitStep } from "./unit-writes.js";

// D-ATT-1..3: where the cycle starts, the re-arm fold, `in_progress` with `task_started`, the unsandboxed warning.
export async function startCycle(
  scope: RunScope,
  lane: Lane,
  unit: UnitModel,
): Promise<Cycle> {
  const max = resolveMaxAttempts({
    unit: unit.maxAttempts ?? undefined,
    cli: scope.cli.maxAttempts,
    config: scope.config.max_attempts,
  });
  const start = decideCycleStart(unit.id, unit.attempts, max);
  if (start.warning !== null) scope.ctx.log.warn(start.warning);
  const fresh: Cycle = {
    unit,
    max,
    startAttempt: start.startAttempt,
    startedAt: scope.ctx.now().toISOString(),
    records: [],
    outcomes: [],
    history: [],
    priorSignature: null,
    lastNote: null,
    keys: NO_KEYS,
  };
  const cycle = start.isContinuation ? await carryOver(scope, fresh) : fresh;
  let keys = cycle.keys;
  const fold = decideReArmFold(unit.data, start.startAttempt);
  if (fold !== null) {
    keys = await writeUnitKeys(
      scope,
      lane,
      keys,
      unit,
      fold.writes.map((w) => [w.key, w.value] as const),
    );
    scope.transitions.record({
      correlation_id: unit.id,
      event_type: "re_arm_dispatched",
      payload: fold.event,
    });
  }
  keys = await writeUnitStep(scope, lane, keys, {
    unit,
    to: "in_progress",
    event: {
      correlation_id: unit.id,
      event_type: "task_started",
      payload: {
        type: unit.type,
        model: unit.model,
        effort: unit.effort,
        re_arm_count: unit.reArmCount,
      },
    },
  });
  if (unit.unsandboxed) {
    scope.transitions.record({
      correlation_id: unit.id,
      event_type: "unsandboxed_dispatch",
      payload: { rationale: unit.rationale ?? "" },
    });
    scope.ctx.log.warn(
      `${unit.id} runs unsandboxed (--dangerously-skip-permissions): ${unit.rationale ?? ""}`,
    );
  }
  return { ...cycle, keys };
}

// Continues an interrupted cycle (D-ATT-1): earlier records and signatures from events, notes from work/.
async function carryOver(scope: RunScope, cycle: Cycle): Promise<Cycle> {
  const { unit, startAttempt } = cycle;
  const prior = carriedOver(
    scope.transitions.log.records(),
    unit.id,
    startAttempt,
  );
  const notes = await readAttemptNotes(scope.feature.absDir, unit.id, {
    before: startAttempt,
  });
  let { priorSignature, lastNote } = cycle;
  const history = prior.records.map((r) => {
    const note = notes.find((n) => n.attempt === r.attempt)?.text ?? null;
    const sig = prior.signatures.get(r.attempt);
    if (sig !== undefined && !isNoMarker(sig)) priorSignature = sig;
    if (note !== null) lastNote = note;
    return {
      attempt: r.attempt,
      outcome: prior.outcomeOf.get(r.attempt) ?? "unknown",
      note,
      failureClass: sig?.failure_class ?? null,
      failureSignature: sig?.failure_signature ?? null,
      failureExcerpt: prior.excerpts.get(r.attempt) ?? null,
    };
  });
  scope.ctx.log.info(
    `  continuing ${unit.id} at attempt ${startAttempt}${lastNote === null ? "" : ` (last note: ${oneLine(lastNote, 120)})`}`,
  );
  return {
    ...cycle,
    records: [...cycle.records, ...prior.records],
    outcomes: [...cycle.outcomes, ...prior.outcomes],
    history: [...cycle.history, ...history],
    priorSignature,
    lastNote,
  };
}
