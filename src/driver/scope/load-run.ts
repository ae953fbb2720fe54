import path from "node:path";
import { backendSettings, getBackend } from "../../agent/backends.js";
import { readConfig } from "../../config/read-config.js";
import { missingSets, missingSetsError } from "../../config/missing-sets.js";
import {
  readVerification,
  VERIFICATION_FILE,
} from "../../config/read-verification.js";
import { SpecfuseError } from "../../errors/specfuse-error.js";
import { lintFeature } from "../../lint/lint-feature.js";
import {
  currentGate,
  loadFeatureModel,
  type FeatureModel,
  type GateModel,
} from "../../plan/feature-model.js";
import {
  checkChoice,
  discoverActiveFeature,
  resolveFeatureRef,
  type FeatureChoice,
} from "../../plan/select-feature.js";
import { typeDefaults } from "../../plan/vocabulary.js";
import { compareVersions, readVersionText } from "../../scaffold/version.js";
import type { Config, Verification } from "../../types/config.js";
import type { Context } from "../../types/context.js";
import { isDirectory, requireRoot } from "../../workspace/find-root.js";
import { readOptionalText } from "../../workspace/fs-queries.js";
import {
  listFeatures,
  summarizeFeature,
} from "../../workspace/list-features.js";
import {
  readFeature,
  type FeatureSnapshot,
} from "../../workspace/read-feature.js";
import { classifyLintErrors, lintRefusal } from "./validate-run.js";

/** `specfuse run` options (cli.md §3.3). */
export interface RunOptions {
  feature?: string;
  dryRun?: boolean;
  json?: boolean;
  forceFullClose?: string;
  maxAttempts?: number;
  agent?: string;
  timeoutMinutes?: number;
  autosync?: boolean;
}

/** Everything startup steps 2–8 gathered and validated (driver D-START-1). */
export interface LoadedRun {
  root: string;
  config: Config;
  /** verification.yml from the working tree (step 4); attempts read the committed copy. */
  verification: Verification;
  choice: FeatureChoice;
  snapshot: FeatureSnapshot;
  model: FeatureModel;
  /** The current gate, or null when every gate up to the terminal one passed. */
  gate: GateModel | null;
  isForceFullClose: boolean;
  /** Dry runs only: the load-time refusal a real run would stop with (D-LOAD-6), shown after the walk. */
  refusal: SpecfuseError | null;
}

const DISPATCHABLE = new Set(["pending", "ready", "in_progress"]);

// Startup steps 2–8 (D-START-1): nothing is written, so a contending driver exits fast (D-START-2).
export async function loadRun(
  options: RunOptions,
  ctx: Context,
): Promise<LoadedRun> {
  const root = requireRoot(ctx.cwd);
  await warnVersion(root, ctx);
  const { config, warnings } = await readConfig(root);
  for (const w of warnings) ctx.log.warn(w.message, "config_unknown_key");
  getBackend(options.agent ?? config.agent.name, backendSettings(config, null));
  const verification = await readVerification(root);
  const choice = await selectFeature(root, options.feature, ctx);
  if (choice.note !== null) ctx.log.info(choice.note);
  const snapshot = await readFeature(choice.feature.absDir, choice.feature.dir);
  const model = loadFeatureModel(snapshot, choice.feature.name);
  const gate = model === null ? null : currentGate(model);
  const lint = lintFeature(snapshot, { strict: false, justClosedGate: null });
  const { blocking, elsewhere } = classifyLintErrors(
    lint.diagnostics,
    model,
    gate,
  );
  if (blocking.length > 0 || model === null)
    throw lintRefusal(blocking, choice.feature.dir);
  for (const d of elsewhere)
    ctx.log.warn(
      `${d.file}${d.line === null ? "" : `:${d.line}`}: ${d.rule}: ${d.message} (not in the current gate)`,
    );
  if (
    options.forceFullClose !== undefined &&
    options.forceFullClose !== model.featureId
  ) {
    throw new SpecfuseError({
      code: "force_close_mismatch",
      message: `--force-full-close ${options.forceFullClose} does not name this feature (${model.featureId})`,
      hint: `pass the feature's id: --force-full-close ${model.featureId}`,
    });
  }
  let refusal: SpecfuseError | null = null;
  if (gate !== null) {
    const needs = gate.units
      .filter((u) => DISPATCHABLE.has(u.status))
      .map((u) => ({
        unitId: u.id,
        sets: [typeDefaults(u.type).set, ...u.extraGates],
      }));
    const missing = missingSets(verification, needs);
    // A dry run still shows the walk, then says what a real run would refuse (issue 17 point 5).
    if (missing.length > 0)
      refusal = missingSetsError(missing, VERIFICATION_FILE);
    if (refusal !== null && options.dryRun !== true) throw refusal;
  }
  return {
    root,
    config,
    verification,
    choice,
    snapshot,
    model,
    gate,
    isForceFullClose: options.forceFullClose !== undefined,
    refusal,
  };
}

async function selectFeature(
  root: string,
  ref: string | undefined,
  ctx: Context,
): Promise<FeatureChoice> {
  if (ref !== undefined && (ref.includes("/") || ref.startsWith("."))) {
    const abs = path.resolve(ctx.cwd, ref);
    if (!isDirectory(abs)) {
      throw new SpecfuseError({
        code: "feature_not_found",
        message: `${ref} is not a directory`,
        hint: "pass a feature folder under .specfuse/features/",
      });
    }
    return checkChoice(await summarizeFeature(root, path.basename(abs), abs));
  }
  const features = await listFeatures(root);
  if (ref !== undefined) return resolveFeatureRef(features, ref);
  const found = discoverActiveFeature(features);
  for (const s of found.skipped) ctx.log.warn(`skipped unreadable ${s}`);
  return found.choice;
}

// cli.md C-RUN-2: one warning when the tree's VERSION differs from the package; nothing is synced.
async function warnVersion(root: string, ctx: Context): Promise<void> {
  const read = readVersionText(
    await readOptionalText(root, ".specfuse/VERSION"),
  );
  const pkg = readVersionText(ctx.version);
  if (read.kind === "invalid" || pkg.kind !== "version") return;
  if (read.kind === "unversioned") {
    ctx.log.warn(
      `.specfuse/VERSION is missing; run \`specfuse upgrade\``,
      "scaffold_version",
    );
    return;
  }
  const cmp = compareVersions(read.version, pkg.version);
  if (cmp < 0)
    ctx.log.warn(
      `this tree was written by specfuse ${read.text}; run \`specfuse upgrade\``,
      "scaffold_version",
    );
  if (cmp > 0)
    ctx.log.warn(
      `this tree was written by specfuse ${read.text}; upgrade the CLI (this is ${pkg.text})`,
      "scaffold_version",
    );
}
