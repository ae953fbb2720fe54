import { bookkeepingCommit } from "../git/bookkeeping.js";
import type { UnitModel } from "../plan/feature-model.js";
import { readOptionalText } from "../workspace/fs-queries.js";
import { writeFileAtomic } from "../workspace/write-file-atomic.js";
import { parseFrontmatter } from "../yaml/split-frontmatter.js";
import {
  decideAutoClose,
  type AutoCloseDecision,
} from "./auto-close-decision.js";
import { appendAutoCloseStub } from "./auto-close-stub.js";
import { say, unitReport, type RunSession } from "./session.js";
import { unitFile } from "./unit-file.js";
import path from "node:path";

// Fresh frontmatter of every unit of the gate, as on disk now (the predicate and the brake read it).
export async function readGateFrontmatter(
  s: RunSession,
): Promise<Map<string, Record<string, unknown> | null>> {
  const out = new Map<string, Record<string, unknown> | null>();
  for (const u of s.gate.units) {
    const text = await readOptionalText(s.root, u.path);
    const fm = text === null ? null : parseFrontmatter(text);
    out.set(u.id, fm === null ? null : fm.state === "ok" ? fm.data : {});
  }
  return out;
}

/** What happened to a closing unit before dispatch. */
export type PreDispatch =
  "auto_closed" | "dispatch" | "already_done" | "not_applicable";

// D-PRE-3/D-PRE-4: decide auto-close for a close-intermediate or terminal close unit and apply it (D-AC-5..8).
export async function tryAutoClose(
  s: RunSession,
  unit: UnitModel,
): Promise<PreDispatch> {
  const units = await readGateFrontmatter(s);
  const decision: AutoCloseDecision = decideAutoClose({
    unitId: unit.id,
    type: unit.type,
    featureId: unit.id.slice(0, unit.id.lastIndexOf("/")),
    isTerminalGate: s.gate.isTerminal,
    unit: units.get(unit.id) ?? {},
    isForceFullClose: s.cli.isForceFullClose,
    predicate: {
      plan: s.model.plan,
      graph: s.model.graph,
      gate: s.gate.number,
      gateBudget: s.gate.budgetRaw,
      units,
      events: s.events.records(),
    },
  });
  switch (decision.action) {
    case "not_applicable":
    case "already_done":
      return decision.action;
    case "dispatch":
      if (decision.why === "override") {
        s.events.append(unit.id, "auto_close_decision", decision.event);
        say(s, `  auto-close skipped (${decision.reason}); dispatching`);
      } else if (decision.why === "refused") {
        say(s, `  auto-close refused by predicate v1; dispatching:`);
        for (const r of decision.reasons) say(s, `    - ${r}`);
      }
      for (const w of decision.why === "refused" ? decision.warnings : [])
        s.ctx.log.warn(w);
      return "dispatch";
    case "auto_close": {
      const retroRel = `${s.featureDir}/RETROSPECTIVE.md`;
      const retro = await readOptionalText(s.root, retroRel);
      const next = appendAutoCloseStub(retro, s.gate.number, decision.stub);
      if (next !== null)
        await writeFileAtomic(path.join(s.root, retroRel), next);
      const wu = unitFile(s.root, unit.path);
      await wu.write(decision.writes.map((w) => [w.key, w.value] as const));
      s.events.append(s.featureId, "auto_close_decision", decision.event);
      await bookkeepingCommit(
        s.repo,
        { subject: decision.commitSubject, feature: s.featureId },
        [retroRel, unit.path, s.events.rel],
      );
      for (const w of decision.warnings) s.ctx.log.warn(w);
      if (decision.isRemembered)
        s.remembered = { id: unit.id, file: unit.path, type: unit.type };
      s.hasProgress = true;
      const report = unitReport(s, unit.id, unit.type);
      report.result = "auto_closed";
      say(
        s,
        `  ${s.decor.paint.green(`${s.decor.isTTY ? "✓ " : ""}AUTO-CLOSED`)} (predicate v1${decision.kind === "terminal" ? ", verdict met" : ""})`,
      );
      return "auto_closed";
    }
  }
}
