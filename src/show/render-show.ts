import { formatUsd } from "../driver/unit/cost.js";
import { parseEventTimestamp } from "../events/read-events.js";
import { outcomeCategory } from "../history/outcome-category.js";
import { formatClock, formatElapsed } from "../output/format-elapsed.js";
import type { Paint } from "../output/color.js";
import { statusToken, type Decor } from "../status/status-token.js";
import { splitLines } from "../yaml/split-frontmatter.js";
import type { WorkFileKind } from "../workspace/unit-work-files.js";
import type { ShowAttempt, ShowBody, ShowCycle } from "./build-show.js";

/** How the text is decorated and how paths are printed. */
export interface ShowRenderOptions extends Decor {
  /** A repo-relative path as printed (relative to the invocation directory, cli.md C-OUT-4). */
  display: (repoPath: string) => string;
  /** The unit file's text, for its frontmatter block as written; null when unreadable. */
  unitText: string | null;
}

const KINDS: readonly WorkFileKind[] = [
  "note",
  "findings",
  "prompt",
  "transcript",
  "stderr",
];

// The human view of one unit (issue 16 §2): header, dependencies, frontmatter, then every cycle; pure.
// Every text from the plan, the events or git is shown with its control characters escaped, so a
// hostile file cannot send escape sequences to the terminal.
export function renderShow(input: ShowBody, o: ShowRenderOptions): string {
  const body = visibleDeep(input) as ShowBody;
  const u = body.unit;
  const money = (v: number | null) => (v === null ? "-" : formatUsd(v));
  const time = (v: number | null) =>
    v === null ? "-" : formatElapsed(v * 1000);
  const lines = [
    `${o.paint.bold(u.id)}  ${u.title}`,
    `  feature  ${body.feature.id}  ${body.feature.title} (${body.feature.status ?? "no status"})`,
    `  file     ${o.display(u.file)}`,
    `  gate     ${u.gate} (${u.gate_status})`,
    `  type     ${u.type} · model ${u.model} · effort ${u.effort}`,
    `  status   ${statusToken(u.status, o)} · attempts ${u.attempts} · re_arm_count ${u.re_arm_count}${u.auto_close ? " · auto-closed" : ""}`,
    `  spent    ${money(body.totals.cost_usd)} · ${time(body.totals.duration_seconds)} · ${body.totals.attempts} attempt${body.totals.attempts === 1 ? "" : "s"} recorded${u.planned_cost_usd === null ? "" : ` · planned ${formatUsd(u.planned_cost_usd)}`}`,
    `  commit   ${commitText(body)}`,
    "",
    ...dependencyLines(body, o),
    "",
    "frontmatter",
    ...frontmatterLines(o.unitText).map((l) => `  ${l}`),
  ];
  if (body.cycles.every((c) => c.attempts.length === 0))
    lines.push(
      "",
      "no attempts recorded (events.jsonl names none, and work/ holds no attempt files)",
    );
  for (const c of body.cycles) lines.push("", ...cycleLines(c, o));
  if (body.ignored_events > 0)
    lines.push(
      "",
      o.paint.dim(
        `${body.ignored_events} event${body.ignored_events === 1 ? "" : "s"} of a type this version does not know ${body.ignored_events === 1 ? "was" : "were"} ignored`,
      ),
    );
  return `${lines.join("\n")}\n`;
}

function commitText(body: ShowBody): string {
  const c = body.commit;
  if (c === null)
    return body.unit.status === "done"
      ? "not found (no task_completed commit and no squash commit with its Feature: trailer on this branch)"
      : "none yet";
  return `${c.sha.slice(0, 7)}${c.subject === null ? "" : ` ${c.subject}`}${c.source === "git" ? "" : " (from task_completed)"}`;
}

function dependencyLines(body: ShowBody, o: Decor): string[] {
  const width = Math.max(
    0,
    ...body.depends_on.map((d) => d.id.length),
    ...body.dependents.map((d) => d.id.length),
  );
  const deps =
    body.depends_on.length === 0
      ? ["  (none)"]
      : body.depends_on.map(
          (d) =>
            `  ${d.id.padEnd(width)}  ${d.status === null ? o.paint.red("not in the task graph") : statusToken(d.status, o)}${d.satisfied || d.status === null ? "" : o.paint.dim("  (not done yet)")}`,
        );
  const dependents =
    body.dependents.length === 0
      ? ["  (none)"]
      : body.dependents.map(
          (d) => `  ${d.id.padEnd(width)}  ${statusToken(d.status, o)}`,
        );
  return ["depends on", ...deps, "needed by", ...dependents];
}

// The frontmatter block as the file has it, between its fences.
function frontmatterLines(text: string | null): string[] {
  if (text === null) return ["(the unit file could not be read)"];
  const lines = splitLines(text);
  if (!/^---[ \t]*$/.test(lines[0] ?? "")) return ["(no frontmatter)"];
  const close = lines.findIndex((l, i) => i > 0 && /^---[ \t]*$/.test(l));
  const block = lines.slice(1, close === -1 ? lines.length : close);
  return block.length === 0 ? ["(empty)"] : block.map(visible);
}

function cycleLines(c: ShowCycle, o: ShowRenderOptions): string[] {
  const head = [
    `cycle ${c.cycle}${c.is_current ? " (current)" : ""}`,
    c.started_at === null ? null : `started ${stamp(c.started_at)}`,
    c.ending === null
      ? null
      : `${c.ending.kind === "completed" ? "completed" : `escalated (${c.ending.reason ?? "?"})`} ${stamp(c.ending.at)}`,
  ].filter((x): x is string => x !== null);
  const lines = [o.paint.bold(head.join(" · "))];
  if (c.re_armed !== null) {
    const r = c.re_armed;
    lines.push(
      `  re-armed ${r.timestamp === null ? "" : `${stamp(r.timestamp)} `}after ${r.prior_status ?? "?"}, ${r.prior_attempts ?? "?"} attempts, ${r.prior_cost_usd === null ? "-" : formatUsd(r.prior_cost_usd)}: ${r.reason ?? ""}`,
    );
  }
  if (c.attempts.length === 0) lines.push("  no attempts");
  for (const a of c.attempts) lines.push(...attemptLines(a, o));
  return lines;
}

function attemptLines(a: ShowAttempt, o: ShowRenderOptions): string[] {
  const parts = [
    `  #${a.attempt}`,
    outcomeWord(a.outcome, o.paint),
    a.duration_seconds === null
      ? null
      : formatElapsed(a.duration_seconds * 1000),
    a.cost_usd === null ? null : formatUsd(a.cost_usd),
    a.findings === null
      ? null
      : `${a.findings} finding${a.findings === 1 ? "" : "s"}`,
    a.failure_class,
    a.counted ? null : "not counted",
    a.lane === null ? null : `lane ${a.lane}`,
    a.ended_at === null ? null : `ended ${stamp(a.ended_at)}`,
  ].filter((x): x is string => x !== null);
  const lines = [parts.join("  ")];
  if (a.summary !== null) lines.push(`      ${firstLine(a.summary)}`);
  for (const kind of KINDS) {
    const p = a.files[kind];
    if (p !== null) lines.push(`      ${kind.padEnd(10)}  ${o.display(p)}`);
  }
  return lines;
}

function outcomeWord(outcome: string | null, paint: Paint): string {
  if (outcome === null) return paint.dim("(no event)");
  const c = outcomeCategory(outcome);
  if (c === "passed") return paint.green(outcome);
  if (c === "interrupted" || c === "zero_token") return paint.yellow(outcome);
  return paint.red(outcome);
}

// Control characters (ESC, CR, BEL, C1, …) as `\x1b`-style escapes; tabs and line ends stay.
export function visible(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`,
  );
}

function visibleDeep(value: unknown): unknown {
  if (typeof value === "string") return visible(value);
  if (Array.isArray(value)) return value.map(visibleDeep);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, visibleDeep(v)]),
    );
  return value;
}

function firstLine(text: string): string {
  const line = text.split("\n")[0] ?? "";
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

// A stored timestamp as local `YYYY-MM-DD HH:MM:SS` (cli.md C-OUT-4), or as stored when it does not parse.
function stamp(text: string): string {
  const ms = parseEventTimestamp(text);
  if (ms === null) return text;
  const d = new Date(ms);
  const day = [d.getFullYear(), d.getMonth() + 1, d.getDate()]
    .map((n, i) => String(n).padStart(i === 0 ? 4 : 2, "0"))
    .join("-");
  return `${day} ${formatClock(d)}`;
}
