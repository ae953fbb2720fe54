import { acquireLock } from "../lock/acquire-lock.js";
import path from "node:path";
import { SpecfuseError } from "../errors/specfuse-error.js";
import { applyUpgrade } from "../scaffold/apply-ops.js";
import { detectStack } from "../scaffold/detect-stack.js";
import { MANIFEST_PATH } from "../scaffold/manifest.js";
import { pathsToRead } from "../scaffold/plan-scaffold.js";
import { planUpgrade } from "../scaffold/plan-upgrade.js";
import { WIRING_DIRS, WIRING_PATHS } from "../scaffold/plan-wiring.js";
import {
  pathKind,
  readAssets,
  readStackSnapshot,
  readTarget,
  realDirectory,
  requireTargetDirectory,
} from "../scaffold/read-target.js";
import { projectNameFor } from "../scaffold/render-roadmap.js";
import { renderUpgradeReport } from "../scaffold/render-report.js";
import { scaffoldJsonBody } from "../scaffold/report-json.js";
import { readManifest, treeVersion } from "../scaffold/scaffold-state.js";
import { manifestHasWorkflows } from "../scaffold/managed-files.js";
import {
  validateWiring,
  WORKFLOW_DIRS,
  workflowPaths,
} from "../scaffold/validate-wiring.js";
import {
  compareVersions,
  formatVersion,
  parseVersion,
} from "../scaffold/version.js";
import type { CommandResult } from "../types/command.js";
import type { Context } from "../types/context.js";
import { relativeForDisplay } from "../workspace/paths.js";

/** Options of `specfuse upgrade` (cli.md §3.1). */
export interface UpgradeOptions {
  /** Target directory, resolved against `-C`. @default "." */
  dir?: string;
  /** Print the plan; write nothing and take no lock. @default false */
  dryRun?: boolean;
  /** Replace slash-command files that differ from the shipped ones. @default false */
  forceWire?: boolean;
  /** Also write the CI workflows of this provider (github.md GH-CI-1); a plain upgrade refreshes them when the manifest lists them. */
  ci?: "github";
}

/** Releases the lock taken by AcquireLock. */
export type ReleaseLock = () => Promise<void>;

/** Takes the driver lock for the whole upgrade (driver D-LOCK-7); throws `lock_held` (exit 3) when it is held. */
export type AcquireLock = (root: string, ctx: Context) => Promise<ReleaseLock>;

/** What `upgrade` asks of modules it does not own. */
export interface UpgradeDeps {
  acquireLock: AcquireLock;
}

// The driver lock, taken for the whole upgrade (D-LOCK-7).
export const acquireDriverLock: AcquireLock = async (root, ctx) => {
  const held = await acquireLock(
    { root, feature: null, command: "upgrade" },
    ctx,
  );
  return () => held.release();
};

// `specfuse upgrade [dir]`: gather → validate → plan → act → report (init.md §7).
export async function upgrade(
  options: UpgradeOptions,
  ctx: Context,
): Promise<CommandResult> {
  return upgradeWith(options, ctx, { acquireLock: acquireDriverLock });
}

// `upgrade` with its lock injected.
export async function upgradeWith(
  options: UpgradeOptions,
  ctx: Context,
  deps: UpgradeDeps,
): Promise<CommandResult> {
  const target = path.resolve(ctx.cwd, options.dir ?? ".");
  const display = relativeForDisplay(ctx.invocationDir, target);
  await requireTargetDirectory(target, display);
  if ((await pathKind(path.join(target, ".specfuse"))) !== "dir")
    throw new SpecfuseError({
      code: "no_specfuse_dir",
      message: `no .specfuse/ directory in ${display}`,
      detail:
        "upgrade only updates an existing workspace; it never creates one",
      hint: `specfuse init${display === "." ? "" : ` ${display}`}`,
    });
  const isDryRun = options.dryRun === true;
  const release = isDryRun
    ? async () => undefined
    : await deps.acquireLock(target, ctx);
  try {
    return await runUpgrade(options, ctx, target, display, isDryRun);
  } finally {
    await release();
  }
}

async function runUpgrade(
  options: UpgradeOptions,
  ctx: Context,
  target: string,
  display: string,
  isDryRun: boolean,
): Promise<CommandResult> {
  // gather and validate the tree's version and manifest
  const assets = await readAssets(ctx.packageRoot);
  const head = await readTarget(
    target,
    [".specfuse/VERSION", MANIFEST_PATH],
    [],
  );
  const from = treeVersion(head, display);
  const to = parseVersion(ctx.version);
  if (to !== null && compareVersions(from, to) > 0) {
    const v = formatVersion(from as NonNullable<typeof from>);
    throw new SpecfuseError({
      code: "scaffold_downgrade",
      message: `this .specfuse/ was written by specfuse ${v}, newer than this specfuse (${ctx.version})`,
      detail: "upgrade never downgrades a workspace; nothing was written",
      hint: `npm i -D specfuse@${v}`,
    });
  }
  const manifest = readManifest(head, display);
  const hasWorkflows =
    options.ci === "github" || manifestHasWorkflows(manifest?.keys() ?? []);
  const commandPaths = [
    ...[...assets.commands.keys()].map((n) => `.claude/commands/${n}`),
    ...(hasWorkflows ? workflowPaths(assets) : []),
  ];
  const dirs = [...WIRING_DIRS, ...(hasWorkflows ? WORKFLOW_DIRS : [])];
  const current = await readTarget(
    target,
    [
      ...pathsToRead(ctx.version, assets, manifest, hasWorkflows),
      ...commandPaths,
    ],
    [...dirs, ".specfuse/features"],
  );
  const settings = current.files.get(WIRING_PATHS.settings);
  validateWiring({
    kinds: current.kinds,
    commandPaths,
    dirs,
    settingsText:
      settings === undefined ? null : Buffer.from(settings).toString("utf8"),
    display,
  });
  const detection = detectStack(await readStackSnapshot(target));
  // plan
  const plan = planUpgrade({
    version: ctx.version,
    assets,
    detection,
    projectName: projectNameFor(
      detection.packageName,
      path.basename(await realDirectory(target)),
    ),
    current,
    manifest,
    isForceWire: options.forceWire === true,
    isExample: false,
    ci: options.ci ?? null,
  });
  // act
  if (!isDryRun) await applyUpgrade(target, plan.ops, ctx);
  // report
  for (const w of plan.warnings) ctx.log.warn(w.message, w.code);
  const versions = {
    from: from === null ? null : formatVersion(from),
    to: ctx.version,
  };
  ctx.narration.raw(
    renderUpgradeReport(
      {
        plan,
        detection,
        isDryRun,
        isVerbose: ctx.isVerbose,
        isQuiet: ctx.isQuiet,
        target: display,
      },
      versions,
    ),
  );
  return {
    schema: "specfuse.upgrade/1",
    body: {
      ...scaffoldJsonBody({
        target: display,
        isDryRun,
        version: ctx.version,
        detection,
        plan,
        warnings: plan.warnings,
      }),
      from: versions.from,
      to: versions.to,
      leftovers: plan.leftovers,
    },
  };
}
