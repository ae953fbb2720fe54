import { formatUsd } from "../driver/unit/cost.js";
import { formatAge } from "../lock/lock-held-error.js";
import { formatClock, formatElapsed } from "../output/format-elapsed.js";
import type {
  FeatureStatus,
  GateStatus,
  LockStatus,
  StatusBody,
  UnitStatus,
} from "./build-status.js";
import { driftAdvice } from "./scaffold-drift.js";
import { statusToken, tokenText, type Decor } from "./status-token.js";

/** What the text report needs besides the body. */
export interface RenderOptions extends Decor {
  now: Date;
  /** Milliseconds since the lock was last refreshed, for a stale lock. */
  lockRefreshedMsAgo: number | null;
}

// The human status report (driver §32 D-STAT-1): header, then one block per feature; pure.
export function renderStatus(body: StatusBody, o: RenderOptions): string {
  const lines = [header(body, o)];
  const advice = driftAdvice(body.scaffold);
  if (advice !== null)
    lines.push(`${statusToken("warn", o)} scaffold: ${advice}`);
  if (body.checkpoint !== null) {
    const c = body.checkpoint;
    lines.push(
      `checkpoint ${c.wu_id} attempt ${c.attempt}/${c.max_attempts} (pid ${c.pid}, started ${clock(c.started_at)}) in ${c.feature_dir}`,
    );
  }
  for (const p of body.problems)
    lines.push(
      `${statusToken("unreadable", o)} ${p.file}${p.line === null ? "" : `:${p.line}`}: ${p.message}`,
    );
  if (body.features.length === 0)
    lines.push(
      "",
      "no features to show (`specfuse status --all` includes done and abandoned ones; `/draft-feature` in Claude Code drafts a new one)",
    );
  for (const f of body.features) lines.push("", ...featureBlock(f, o));
  return `${lines.join("\n")}\n`;
}

function header(body: StatusBody, o: RenderOptions): string {
  const s = body.scaffold;
  return `specfuse ${s.package_version} · scaffold ${s.version ?? "unversioned"} · ${lockText(body.lock, o)}`;
}

// The lock in one phrase.
export function lockText(lock: LockStatus, o: RenderOptions): string {
  const who = `specfuse ${lock.command ?? "?"}${lock.feature === null ? "" : ` on ${lock.feature}`}`;
  switch (lock.state) {
    case "free":
      return "lock free";
    case "held":
      return `lock held by ${who} (pid ${lock.pid ?? "?"}${lock.host === null ? "" : ` on ${lock.host}`}, since ${clock(lock.started_at)})`;
    case "dead":
      return `lock left by pid ${lock.pid ?? "?"}, which is no longer running (the next command takes it over)`;
    case "stale":
      return `lock stale${o.lockRefreshedMsAgo === null ? "" : ` (last refreshed ${formatAge(o.lockRefreshedMsAgo)} ago)`}; the next command takes it over`;
  }
}

function featureBlock(f: FeatureStatus, o: RenderOptions): string[] {
  const title = f.title === null ? "" : `  ${o.paint.bold(f.title)}`;
  const lines = [
    `${o.paint.bold(f.id)}${title}  ${statusToken(f.status ?? "no status", o)}`,
    `  dir      ${f.dir}`,
  ];
  if (f.branch !== null) lines.push(`  branch   ${f.branch}`);
  for (const p of f.problems)
    lines.push(
      `  ${statusToken("unreadable", o)} ${p.file}${p.line === null ? "" : `:${p.line}`}: ${p.message}`,
    );
  const shown = shownGate(f);
  for (const g of f.gates) {
    lines.push(`  ${gateLine(g, g.number === f.current_gate, o)}`);
    if (g === shown) lines.push(...unitTable(g.units, f.id, o));
  }
  lines.push(...unitGroups(shown?.units ?? [], f.id));
  if (f.totals.units > 0)
    lines.push(
      `  total    ${formatUsd(f.totals.cost_usd)} · ${formatElapsed(f.totals.duration_seconds * 1000)} · ${f.totals.done}/${f.totals.units} units done`,
    );
  lines.push(`  next     ${o.paint.bold(f.next_step)}`);
  return lines;
}

// The gate whose units get the table: the current one, else the last gate once every gate passed.
function shownGate(f: FeatureStatus): GateStatus | null {
  const current = f.gates.find((g) => g.number === f.current_gate);
  if (current !== undefined) return current;
  return [...f.gates].reverse().find((g) => g.units.length > 0) ?? null;
}

function gateLine(g: GateStatus, isCurrent: boolean, o: RenderOptions): string {
  const done = g.units.filter((u) => u.status === "done").length;
  const drafts = g.units.filter((u) => u.status === "draft").length;
  const budget =
    g.cost_budget_usd === null
      ? `spent ${formatUsd(g.spent_usd)}`
      : `spent ${formatUsd(g.spent_usd)} of ${formatUsd(g.cost_budget_usd)}`;
  const parts = [
    `${done}/${g.units.length} done`,
    ...(drafts > 0 ? [`${drafts} draft${drafts === 1 ? "" : "s"}`] : []),
    budget,
  ];
  const status = statusToken(g.status, o, 18);
  return `gate ${String(g.number).padEnd(3)}${status}${isCurrent ? "current  " : "         "}${parts.join(" · ")}`;
}

const COLUMNS = [
  "UNIT",
  "TYPE",
  "STATUS",
  "ATT",
  "MODEL",
  "EFFORT",
  "COST",
  "TIME",
] as const;

function unitTable(
  units: readonly UnitStatus[],
  featureId: string,
  o: RenderOptions,
): string[] {
  if (units.length === 0) return ["    (no units)"];
  const rows = units.map((u) => [
    shortId(u.id, featureId),
    u.type,
    u.status,
    String(u.attempts),
    u.model,
    u.effort,
    formatUsd((u.cost_usd ?? 0) + (u.cumulative_cost_usd ?? 0)),
    formatElapsed(
      ((u.duration_seconds ?? 0) + (u.cumulative_duration_seconds ?? 0)) * 1000,
    ),
  ]);
  const widths = COLUMNS.map((c, i) =>
    Math.max(
      c.length,
      ...rows.map((r) =>
        i === 2 ? tokenText(r[i] ?? "", o).length : (r[i] ?? "").length,
      ),
    ),
  );
  const isRight = (i: number) => i === 3 || i === 6 || i === 7;
  const cell = (text: string, i: number) =>
    isRight(i) ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0);
  const head = COLUMNS.map((c, i) => cell(c, i)).join("  ");
  return [
    `    ${o.paint.dim(head.trimEnd())}`,
    ...rows.map((r) =>
      `    ${r
        .map((text, i) =>
          i === 2 ? statusToken(text, o, widths[i]) : cell(text, i),
        )
        .join("  ")}`.trimEnd(),
    ),
  ];
}

function unitGroups(units: readonly UnitStatus[], featureId: string): string[] {
  const groups: Array<[string, UnitStatus[]]> = [
    ["ready", units.filter((u) => u.state === "ready")],
    ["running", units.filter((u) => u.state === "running")],
    ["waiting", units.filter((u) => u.state === "waiting")],
    ["blocked", units.filter((u) => u.state === "blocked")],
  ];
  const lines: string[] = [];
  for (const [label, list] of groups) {
    if (list.length === 0) continue;
    const hasReasons = list.some((u) => u.reason !== null && label !== "ready");
    if (!hasReasons) {
      lines.push(
        `  ${label.padEnd(8)} ${list.map((u) => shortId(u.id, featureId)).join(", ")}`,
      );
      continue;
    }
    list.forEach((u, i) =>
      lines.push(
        `  ${(i === 0 ? label : "").padEnd(8)} ${shortId(u.id, featureId)}${u.reason === null ? "" : `: ${u.reason.split(`${featureId}/`).join("")}`}`,
      ),
    );
  }
  return lines;
}

// A unit id without its feature prefix, for compact tables (`T02`).
export function shortId(id: string, featureId: string): string {
  return id.startsWith(`${featureId}/`) ? id.slice(featureId.length + 1) : id;
}

function clock(iso: string | null): string {
  if (iso === null) return "an unknown time";
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : formatClock(new Date(t));
}
