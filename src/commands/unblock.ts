import path from "node:path";
import { SpecfuseError } from "../errors/specfuse-error.js";
import { bookkeepingCommit } from "../driver/commit/bookkeeping.js";
import { createGit } from "../git/git.js";
import { openRepo } from "../git/repo.js";
import { problemError } from "../operator/feature-problems.js";
import { throwIfInterrupted } from "../operator/interrupt.js";
import { loadFeature } from "../operator/load-feature.js";
import { withLock } from "../operator/locked.js";
import {
  describeUnblock,
  planUnblock,
  type UnblockPlan,
} from "../operator/plan-unblock.js";
import { targetUnit } from "../operator/target-unit.js";
import { unblockFeature } from "../operator/unblock-feature.js";
import type { CommandResult } from "../types/command.js";
import type { Context } from "../types/context.js";
import { requireRoot } from "../workspace/find-root.js";
import {
  listFeatures,
  type FeatureSummary,
} from "../workspace/list-features.js";
import type { StatusWrite } from "../transitions/change.js";
import { openEventLog } from "../transitions/event-log.js";
import {
  createTransitions,
  type Transitions,
} from "../transitions/transitions.js";

/** Options of `specfuse unblock` (cli.md §3.6). */
export interface UnblockOptions {
  /** Full unit id or a unique suffix (`T02`). */
  wu: string;
  /** What changed since the escalation; required and non-blank. */
  reason: string;
  feature?: string;
  /** Show the writes; take no lock and write nothing. @default false */
  dryRun?: boolean;
  json?: boolean;
}

const SCHEMA = "specfuse.unblock/1";

// `specfuse unblock <wu> --reason`: re-arms a blocked_human unit (driver D-UNB-1).
export async function unblock(
  options: UnblockOptions,
  ctx: Context,
): Promise<CommandResult> {
  const reason = options.reason.trim();
  if (reason === "")
    throw new SpecfuseError({
      code: "usage",
      message: "--reason is blank: say what changed since the escalation",
      hint: `specfuse unblock ${options.wu} --reason "clarified the acceptance criteria"`,
    });
  const root = requireRoot(ctx.cwd);
  const all = await listFeatures(root);
  const summary = await unblockFeature(
    root,
    ctx.cwd,
    all,
    options.wu,
    options.feature,
  );
  const preview = await prepare(summary, options.wu, reason, ctx);
  const body = {
    feature: preview.featureId,
    wu: preview.plan.wu,
    re_arm_count: preview.plan.reArmCount,
    gate_reopened: preview.plan.gate !== null,
    commit: null as string | null,
    dry_run: options.dryRun === true,
  };
  if (options.dryRun === true) {
    report(ctx, preview.plan, null, true);
    return { schema: SCHEMA, body };
  }
  const done = await withLock(
    { root, feature: preview.featureId, command: "unblock" },
    ctx,
    async () => {
      const { plan } = await prepare(summary, options.wu, reason, ctx);
      const repo = await openRepo(createGit({ env: ctx.env }), root);
      const transitions = createTransitions({
        root,
        log: await openEventLog(root, path.posix.dirname(plan.file), ctx, {
          isCopyKept: false,
        }),
        by: "unblock",
      });
      const sha = await act(
        transitions,
        plan,
        ctx,
        async (paths) =>
          (await bookkeepingCommit(repo, plan.commit, paths)).sha,
      );
      return { plan, sha };
    },
  );
  body.re_arm_count = done.plan.reArmCount;
  body.gate_reopened = done.plan.gate !== null;
  body.commit = done.sha;
  report(ctx, done.plan, done.sha, false);
  return { schema: SCHEMA, body };
}

async function prepare(
  summary: FeatureSummary,
  ref: string,
  reason: string,
  ctx: Context,
): Promise<{ featureId: string; plan: UnblockPlan }> {
  const loaded = await loadFeature(summary);
  const { unit, gate } = targetUnit(loaded, ref);
  const plan = planUnblock({ unit, gate, reason, now: ctx.now() });
  const gateProblem = loaded.problems.find((p) => p.file === gate.path);
  if (plan.gate !== null && gateProblem !== undefined)
    throw problemError(gateProblem);
  return { featureId: loaded.model?.featureId ?? summary.featureId, plan };
}

// The writes through the transition service, in order, each checked against a pending signal; then the commit.
async function act(
  transitions: Transitions,
  plan: UnblockPlan,
  ctx: Context,
  commit: (paths: string[]) => Promise<string | null>,
): Promise<string | null> {
  const written: string[] = [];
  const said = () =>
    written.length === 0
      ? "nothing was written"
      : `written: ${written.join(", ")}`;
  const staged = await transitions.stage(unblockWrites(plan), {
    beforeWrite: (file) => {
      throwIfInterrupted(ctx.signal, said());
      written.push(file);
    },
  });
  throwIfInterrupted(ctx.signal, said());
  transitions.record(plan.event, staged);
  written.push(transitions.log.rel);
  throwIfInterrupted(
    ctx.signal,
    `written (not committed): ${written.join(", ")}`,
  );
  return commit(written);
}

// D-UNB-1: the unit back at pending with its re-arm keys, and an awaiting gate open again.
function unblockWrites(plan: UnblockPlan): StatusWrite[] {
  return [
    {
      entity: "unit",
      id: plan.wu,
      file: plan.file,
      to: plan.to,
      keys: plan.keys,
    },
    ...(plan.gate === null
      ? []
      : [
          {
            entity: "gate" as const,
            id: String(plan.gate.number),
            file: plan.gate.file,
            to: "open",
          },
        ]),
  ];
}

function report(
  ctx: Context,
  plan: UnblockPlan,
  sha: string | null,
  isDryRun: boolean,
): void {
  const out = ctx.narration;
  if (ctx.isQuiet) {
    // `--quiet`: one outcome line (issue 17 point 7); warnings and errors still go to stderr.
    out.result(
      isDryRun
        ? `would re-arm ${plan.wu} (re_arm_count=${plan.reArmCount}; dry run: nothing was written)`
        : `re-armed ${plan.wu} (re_arm_count=${plan.reArmCount}${sha === null ? "" : `, commit ${sha.slice(0, 7)}`})`,
    );
    return;
  }
  const lines = isDryRun
    ? [
        `specfuse unblock (dry run): nothing was written`,
        `would re-arm ${plan.wu} (re_arm_count=${plan.reArmCount}):`,
        ...describeUnblock(plan).map((l) => `  ${l}`),
        `  commit: ${plan.commit.subject}`,
      ]
    : [
        `re-armed ${plan.wu} (re_arm_count=${plan.reArmCount})`,
        ...describeUnblock(plan).map((l) => `  ${l}`),
        sha === null
          ? "  commit: nothing to commit"
          : `  commit: ${sha.slice(0, 7)} ${plan.commit.subject}`,
      ];
  for (const note of plan.notes) lines.push(`  note: ${note}`);
  lines.push(
    isDryRun ? `next: run it without --dry-run` : "next: specfuse run",
  );
  out.result(lines.join("\n"));
}
