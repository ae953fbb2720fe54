import path from "node:path";
import type { ConfigWarning } from "../config/normalize-config.js";
import { readConfig } from "../config/read-config.js";
import { hookPaths, readOutboxText } from "../hooks/hook-files.js";
import { parseOutbox } from "../hooks/outbox.js";
import { listFeatures } from "../workspace/list-features.js";
import { hooksCheck } from "./decide-hooks.js";
import { readVerification } from "../config/read-verification.js";
import {
  isSpecfuseError,
  type SpecfuseError,
} from "../errors/specfuse-error.js";
import { readLockState } from "../lock/read-lock-state.js";
import { detectStack } from "../scaffold/detect-stack.js";
import { MANIFEST_PATH } from "../scaffold/manifest.js";
import { pathsToRead } from "../scaffold/plan-scaffold.js";
import type { ScaffoldPlan } from "../scaffold/plan-types.js";
import { planUpgrade } from "../scaffold/plan-upgrade.js";
import { WIRING_DIRS, WIRING_PATHS } from "../scaffold/plan-wiring.js";
import {
  readAssets,
  readStackSnapshot,
  readTarget,
  realDirectory,
} from "../scaffold/read-target.js";
import { projectNameFor } from "../scaffold/render-roadmap.js";
import { readManifest } from "../scaffold/scaffold-state.js";
import { validateWiring } from "../scaffold/validate-wiring.js";
import { scaffoldDrift } from "../status/scaffold-drift.js";
import type { Context } from "../types/context.js";
import { readText } from "../workspace/read-text.js";
import { createGitProbe } from "../git/git-probe.js";
import { check, type Check } from "./check.js";
import { IGNORE_PROBES, type IgnoreAnswer } from "./ignore-probe.js";
import {
  configCheck,
  legacyCheck,
  lockCheck,
  modifiedCheck,
  verificationCheck,
  versionCheck,
  wiringCheck,
  type Outcome,
} from "./decide-workspace.js";

// The workspace checks of C-DOCTOR-1, in report order; reads only, takes no lock.
export async function workspaceChecks(
  ctx: Context,
  root: string,
): Promise<Check[]> {
  const version = await readText(path.join(root, ".specfuse", "VERSION"));
  const drift = scaffoldDrift(
    version.kind === "file" ? version.text : null,
    ctx.version,
  );
  const wiringError: { error: SpecfuseError | null } = { error: null };
  const plan = await outcome(() => scaffoldPlan(ctx, root, wiringError));
  const verification = await outcome(() => readVerification(root));
  const load = await outcome(() => readConfig(root));
  const config: Outcome<ConfigWarning[]> = load.ok
    ? { ok: true, value: load.value.warnings }
    : load;
  const hasConfig =
    (await readText(path.join(root, ".specfuse", "config.yml"))).kind !==
    "missing";
  const lock = await readLockState(root, { host: ctx.host, now: ctx.now() });
  const settings = await readText(path.join(root, WIRING_PATHS.settings));
  const ignore = await ignoreAnswers(ctx, root);
  return [
    versionCheck(drift),
    modifiedCheck(plan),
    wiringCheck(
      wiringError.error === null
        ? plan
        : { ok: false, error: wiringError.error },
      ignore,
    ),
    verificationCheck(verification),
    configCheck(config, hasConfig),
    hooksCheck({
      config: load,
      env: ctx.env,
      outboxes: await readOutboxes(root),
    }),
    lockCheck(lock),
    legacyCheck(
      plan.ok ? plan.value.leftovers : [],
      settings.kind === "file" ? settings.text : null,
    ),
  ];
}

// Every feature's undelivered hook events (AU-HOOK-8), for the hooks check.
async function readOutboxes(
  root: string,
): Promise<Array<{ file: string; entries: number }>> {
  const found: Array<{ file: string; entries: number }> = [];
  for (const f of await listFeatures(root)) {
    const text = await readOutboxText(hookPaths(f.absDir).outbox).catch(
      () => null,
    );
    const entries = text === null ? 0 : parseOutbox(text).entries.length;
    if (entries > 0)
      found.push({ file: `${f.dir}/work/hooks-outbox.jsonl`, entries });
  }
  return found;
}

// Asks git which of the probe paths it ignores; null outside a git work tree (the lines are compared instead).
async function ignoreAnswers(
  ctx: Context,
  root: string,
): Promise<IgnoreAnswer[] | null> {
  const git = createGitProbe(ctx.env);
  if (!(await git.state(root)).isWorkTree) return null;
  const answers: IgnoreAnswer[] = [];
  for (const probe of IGNORE_PROBES) {
    const rule = await git.ignoredBy(root, probe.path);
    answers.push({
      probe,
      rule:
        rule === null ? null : `${rule.source}:${rule.line}: ${rule.pattern}`,
    });
  }
  return answers;
}

// The checks that need a workspace, failed with `no_specfuse_dir` (cli.md C-DOCTOR-1).
export function noWorkspaceChecks(
  ids: readonly Check["id"][],
  cwd: string,
): Check[] {
  return ids.map((id) =>
    check(
      id,
      "fail",
      `no .specfuse/features/ in ${cwd} or any parent directory`,
      {
        code: "no_specfuse_dir",
        hint: "run `specfuse init` in the repository root",
      },
    ),
  );
}

// What `specfuse upgrade --dry-run` would plan here; an unmergeable wiring file is set aside (reported by the wiring check) so the versioned files are still compared.
async function scaffoldPlan(
  ctx: Context,
  root: string,
  wiring: { error: SpecfuseError | null },
): Promise<ScaffoldPlan> {
  const assets = await readAssets(ctx.packageRoot);
  const head = await readTarget(root, [MANIFEST_PATH], []);
  const manifest = readManifest(head, ".");
  const commandPaths = [...assets.commands.keys()].map(
    (n) => `.claude/commands/${n}`,
  );
  const current = await readTarget(
    root,
    [...pathsToRead(ctx.version, assets, manifest), ...commandPaths],
    [...WIRING_DIRS, ".specfuse/features"],
  );
  const settings = current.files.get(WIRING_PATHS.settings);
  const files = new Map(current.files);
  try {
    validateWiring({
      kinds: current.kinds,
      commandPaths,
      settingsText:
        settings === undefined ? null : Buffer.from(settings).toString("utf8"),
      display: ".",
    });
  } catch (error) {
    if (!isSpecfuseError(error)) throw error;
    wiring.error = error;
    files.delete(WIRING_PATHS.settings);
  }
  const detection = detectStack(await readStackSnapshot(root));
  return planUpgrade({
    version: ctx.version,
    assets,
    detection,
    projectName: projectNameFor(
      detection.packageName,
      path.basename(await realDirectory(root)),
    ),
    current: { ...current, files },
    manifest,
    isForceWire: false,
    isExample: false,
  });
}

async function outcome<T>(read: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    if (isSpecfuseError(error)) return { ok: false, error };
    throw error;
  }
}
