import { SpecfuseError } from "../errors/specfuse-error.js";
import type { NewEvent } from "../events/event-types.js";
import {
  subjects,
  type BookkeepingMessage,
} from "../driver/commit/subjects.js";
import type {
  FeatureModel,
  GateModel,
  UnitModel,
} from "../plan/feature-model.js";
import { resolveUnitRef } from "./resolve-unit.js";

/** What the user asked `arm` for (cli.md §3.5). */
export interface ArmRequest {
  /** `--gate N`, or null. */
  gate: number | null;
  /** `--wu` references (full ids or unique suffixes). */
  wu: readonly string[];
  isAbandonRest: boolean;
}

/** A file and the status it goes from and to. */
export interface StatusFlip {
  /** Unit id, or the gate number as text. */
  id: string;
  /** Repo-relative path. */
  file: string;
  from: string;
  to: string;
}

/** Everything `arm` will change (driver D-ARM-1), decided before anything is touched. */
export interface ArmPlan {
  featureId: string;
  /** The target gate N. */
  gate: number;
  /** Earlier awaiting_review gates (and, when accepting, the target) that become passed, in list order. */
  gatesPassed: Array<{ number: number; flip: StatusFlip }>;
  armed: StatusFlip[];
  abandoned: StatusFlip[];
  /** The target gate becoming open, when it is not open already. */
  opened: StatusFlip | null;
  /** PLAN `planned` → `active` (and the roadmap row, C-ARM-1). */
  isPlanActivated: boolean;
  /** Nothing changes: the gate is already armed (exit 0). */
  isAlreadyArmed: boolean;
  event: NewEvent<"gate_armed">;
  commit: BookkeepingMessage;
  warnings: Array<{ code: string; message: string }>;
}

const FINISHED = new Set(["done", "abandoned"]);

// Decides the target gate, the refusals and the flips of `arm` (driver D-ARM-1, cli.md C-ARM-1/2); pure.
export function planArm(model: FeatureModel, req: ArmRequest): ArmPlan {
  const ids = [...model.units.keys()];
  const named = req.wu.map((ref) => {
    const id = resolveUnitRef(ids, ref, model.featureId);
    return model.units.get(id) as UnitModel;
  });
  const target = chooseTarget(model, req, named);
  const warnings: ArmPlan["warnings"] = [];
  if (req.isAbandonRest && named.length === 0)
    warnings.push({
      code: "abandon_rest_without_wu",
      message:
        "--abandon-rest does nothing without --wu: every draft of the gate is armed",
    });
  checkEarlierGates(model, target.gate);
  const drafts = target.gate.units.filter((u) => u.status === "draft");
  for (const u of named) checkNamedDraft(u, target.gate);
  const armedUnits =
    named.length === 0
      ? drafts
      : drafts.filter((d) => named.some((n) => n.id === d.id));
  const abandonedUnits =
    req.isAbandonRest && named.length > 0
      ? drafts.filter((d) => !armedUnits.includes(d))
      : [];
  const isAccept = target.mode === "accept";
  const passed = model.gates
    .filter(
      (g) =>
        (g.number < target.gate.number && g.status === "awaiting_review") ||
        (isAccept && g === target.gate),
    )
    .map((g) => ({ number: g.number, flip: gateFlip(g, "passed") }));
  const opened =
    !isAccept && target.gate.status !== "open"
      ? gateFlip(target.gate, "open")
      : null;
  const isPlanActivated = model.planStatus === "planned";
  const armed = armedUnits.map((u) => unitFlip(u, "pending"));
  const abandoned = abandonedUnits.map((u) => unitFlip(u, "abandoned"));
  const isAlreadyArmed =
    passed.length === 0 &&
    armed.length === 0 &&
    abandoned.length === 0 &&
    opened === null &&
    !isPlanActivated;
  return {
    featureId: model.featureId,
    gate: target.gate.number,
    gatesPassed: passed,
    armed,
    abandoned,
    opened,
    isPlanActivated,
    isAlreadyArmed,
    event: {
      correlation_id: model.featureId,
      event_type: "gate_armed",
      payload: {
        gate: target.gate.number,
        armed: armed.map((f) => f.id),
        gates_passed: passed.map((p) => p.number),
      },
    },
    commit: subjects.armGate(target.gate.number, model.featureId),
    warnings,
  };
}

interface Target {
  gate: GateModel;
  /** `arm`: open the gate and arm its drafts; `accept`: no drafts anywhere, pass the finished awaiting gate. */
  mode: "arm" | "accept";
}

// The target gate: `--gate N`; else the gate of the `--wu` units; else the first gate with drafts; else the first finished awaiting gate.
function chooseTarget(
  model: FeatureModel,
  req: ArmRequest,
  named: readonly UnitModel[],
): Target {
  if (req.gate !== null) {
    const gate = model.gates.find((g) => g.number === req.gate);
    if (gate === undefined)
      throw new SpecfuseError({
        code: "usage",
        message: `--gate ${req.gate}: ${model.featureId} has no gate ${req.gate}`,
        detail: `its gates are ${model.gates.map((g) => g.number).join(", ") || "none"}`,
        hint: "pass a gate number from PLAN.md's task graph",
      });
    if (hasDrafts(gate) || gate.status !== "awaiting_review")
      return { gate, mode: "arm" };
    if (isFinished(gate)) return { gate, mode: "accept" };
    throw nothingToArm(
      `gate ${gate.number} has no drafts and awaits review with unfinished units`,
      "`specfuse run` finishes the remaining units (the budget brake stays off while a gate awaits review)",
    );
  }
  const gates = new Set(named.map((u) => u.gate));
  if (gates.size > 1)
    throw precondition(
      `--wu names units of gates ${[...gates].join(" and ")}; arm one gate at a time`,
      "pass --gate N with the drafts of that gate",
    );
  const byWu = model.gates.find((g) => gates.has(g.number));
  if (byWu !== undefined) return { gate: byWu, mode: "arm" };
  const drafted = model.gates.find(hasDrafts);
  if (drafted !== undefined) return { gate: drafted, mode: "arm" };
  const awaiting = model.gates.find(
    (g) => g.status === "awaiting_review" && isFinished(g),
  );
  if (awaiting !== undefined) return { gate: awaiting, mode: "accept" };
  const current = model.gates.find((g) => g.status !== "passed");
  if (current !== undefined && current.status === "open")
    return { gate: current, mode: "arm" };
  throw nothingToArm(
    current === undefined
      ? `every gate of ${model.featureId} has passed`
      : `gate ${current.number} awaits review with unfinished units, and no gate has drafts`,
    current === undefined
      ? "nothing to do: push the branch and open a pull request"
      : "`specfuse run` finishes the remaining units; `specfuse status` shows them",
  );
}

// D-ARM-1 refusal: every earlier gate is passed, or awaits review with all its units done or abandoned.
function checkEarlierGates(model: FeatureModel, target: GateModel): void {
  for (const g of model.gates) {
    if (g.number >= target.number || g.status === "passed") continue;
    if (g.status === "awaiting_review" && isFinished(g)) continue;
    const open = g.units.filter((u) => !FINISHED.has(u.status));
    throw precondition(
      `gate ${g.number} is ${g.status}${open.length > 0 ? ` with ${open.length} unit${open.length === 1 ? "" : "s"} not done` : ""}; gate ${target.number} cannot be armed before it`,
      g.status === "open" && open.length === 0
        ? "`specfuse run` completes it and sets it to awaiting_review"
        : "finish it first: `specfuse run` (and `specfuse unblock` for blocked units); `specfuse status` shows what is left",
      open.map((u) => `${u.id}: ${u.status}`).join("\n"),
    );
  }
}

function checkNamedDraft(u: UnitModel, gate: GateModel): void {
  if (u.gate !== gate.number)
    throw precondition(
      `${u.id} belongs to gate ${u.gate}, not gate ${gate.number}`,
      `arm it with \`specfuse arm --gate ${u.gate}\``,
    );
  if (u.status !== "draft")
    throw precondition(
      `${u.id} is ${u.status}, not a draft`,
      "`--wu` names drafts only; `specfuse status` lists the drafts",
    );
}

function hasDrafts(g: GateModel): boolean {
  return g.units.some((u) => u.status === "draft");
}

function isFinished(g: GateModel): boolean {
  return g.units.every((u) => FINISHED.has(u.status));
}

function gateFlip(g: GateModel, to: string): StatusFlip {
  return { id: String(g.number), file: g.path, from: g.status, to };
}

function unitFlip(u: UnitModel, to: string): StatusFlip {
  return { id: u.id, file: u.path, from: u.status, to };
}

function precondition(
  message: string,
  hint: string,
  detail?: string,
): SpecfuseError {
  return new SpecfuseError({
    code: "arm_precondition",
    message,
    hint,
    detail: detail === "" ? undefined : detail,
  });
}

function nothingToArm(message: string, hint: string): SpecfuseError {
  return new SpecfuseError({ code: "nothing_to_arm", message, hint });
}
