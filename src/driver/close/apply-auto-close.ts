import path from "node:path";
import type { UnitModel } from "../../plan/feature-model.js";
import { readOptionalText } from "../../workspace/fs-queries.js";
import { writeFileAtomic } from "../../workspace/write-file-atomic.js";
import { parseFrontmatter } from "../../yaml/split-frontmatter.js";
import { bookkeepingCommit } from "../commit/bookkeeping.js";
import { say, type RunScope } from "../scope/run-scope.js";
import type { RememberedClose } from "./after-pass.js";
import {
  decideAutoClose,
  type AutoCloseDecision,
} from "./auto-close-decision.js";
import { appendAutoCloseStub } from "./auto-close-stub.js";

// Fresh frontmatter of every unit of the gate, as on disk now (the predicate and the brake read it).
export async function readGateFrontmatter(
  scope: Pick<RunScope, "root" | "gate">,
): Promise<Map<string, Record<string, unknown> | null>> {
  const out = new Map<string, Record<string, unknown> | null>();
  for (const u of scope.gate.units) {
    const text = await readOptionalText(scope.root, u.path);
    const fm = text === null ? null : parseFrontmatter(text);
    out.set(u.id, fm === null ? null : fm.state === "ok" ? fm.data : {});
  }
  return out;
}

/** What happened to a closing unit before dispatch (D-PRE-3, D-PRE-4). */
export type PreDispatch =
  | { kind: "not_applicable" | "dispatch" | "already_done" }
  | { kind: "auto_closed"; remembered: RememberedClose | null };

// D-PRE-3/D-PRE-4: decides auto-close for a close-intermediate or terminal close unit and applies it (D-AC-5..8).
export async function tryAutoClose(
  scope: RunScope,
  unit: UnitModel,
): Promise<PreDispatch> {
  const units = await readGateFrontmatter(scope);
  const decision = decideAutoClose({
    unitId: unit.id,
    type: unit.type,
    featureId: unit.id.slice(0, unit.id.lastIndexOf("/")),
    isTerminalGate: scope.gate.isTerminal,
    unit: units.get(unit.id) ?? {},
    isForceFullClose: scope.cli.isForceFullClose,
    predicate: {
      plan: scope.model.plan,
      graph: scope.model.graph,
      gate: scope.gate.number,
      gateBudget: scope.gate.budgetRaw,
      units,
      events: scope.transitions.log.records(),
    },
  });
  switch (decision.action) {
    case "not_applicable":
    case "already_done":
      return { kind: decision.action };
    case "dispatch":
      if (decision.why === "override") {
        scope.transitions.record({
          correlation_id: unit.id,
          event_type: "auto_close_decision",
          payload: decision.event,
        });
        say(scope, `  auto-close skipped (${decision.reason}); dispatching`);
      } else if (decision.why === "refused") {
        say(scope, `  auto-close refused by predicate v1; dispatching:`);
        for (const r of decision.reasons) say(scope, `    - ${r}`);
        for (const w of decision.warnings) scope.ctx.log.warn(w);
      }
      return { kind: "dispatch" };
    case "auto_close":
      return applyAutoClose(scope, unit, decision);
  }
}

// D-AC-6/7 once the predicate fired: the RETROSPECTIVE stub, `done` with the auto-close keys and its event, the commit.
async function applyAutoClose(
  scope: RunScope,
  unit: UnitModel,
  decision: Extract<AutoCloseDecision, { action: "auto_close" }>,
): Promise<PreDispatch> {
  const F = scope.feature.dir;
  const retroRel = `${F}/RETROSPECTIVE.md`;
  const retro = await readOptionalText(scope.root, retroRel);
  const next = appendAutoCloseStub(retro, scope.gate.number, decision.stub);
  if (next !== null)
    await writeFileAtomic(path.join(scope.root, retroRel), next);
  await scope.transitions.apply({
    writes: [
      {
        entity: "unit",
        id: unit.id,
        file: unit.path,
        to: decision.to,
        keys: decision.keys.map((w) => [w.key, w.value] as const),
      },
    ],
    event: {
      correlation_id: scope.feature.id,
      event_type: "auto_close_decision",
      payload: decision.event,
    },
  });
  await bookkeepingCommit(
    scope.repo,
    { subject: decision.commitSubject, feature: scope.feature.id },
    [retroRel, unit.path, scope.transitions.log.rel],
  );
  for (const w of decision.warnings) scope.ctx.log.warn(w);
  say(
    scope,
    `  ${scope.decor.paint.green(`${scope.decor.isTTY ? "✓ " : ""}AUTO-CLOSED`)} (predicate v1${decision.kind === "terminal" ? ", verdict met" : ""})`,
  );
  return {
    kind: "auto_closed",
    remembered: decision.isRemembered
      ? { id: unit.id, file: unit.path, type: unit.type }
      : null,
  };
}
