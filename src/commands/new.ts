import path from "node:path";
import {
  createdFiles,
  planFeature,
  readWorkspace,
  requireClean,
  writeFeature,
  type CreatePlan,
} from "../feature/create-feature.js";
import { nextFeatureId } from "../feature/mint-id.js";
import { cleanTitle, newDraft, requireSlug } from "../feature/new-plan.js";
import { nextStepsFor, renderCreated } from "../feature/render-created.js";
import { idsInUse, requireFree } from "../feature/workspace-ids.js";
import { SpecfuseError } from "../errors/specfuse-error.js";
import { withLock } from "../operator/locked.js";
import type { CommandResult } from "../types/command.js";
import type { Context } from "../types/context.js";
import { requireRoot } from "../workspace/find-root.js";
import { readText } from "../workspace/read-text.js";

/** Options of `specfuse new` (issue 16 §2). */
export interface NewOptions {
  title: string;
  /** Draft implementation units in gate 1. @default 1 */
  units?: number;
  /** Gates in the plan. @default 1 */
  gates?: number;
  /** Print what would be written; take no lock and write nothing. @default false */
  dryRun?: boolean;
  json?: boolean;
}

const SCHEMA = "specfuse.new/1";
const TEMPLATE = "WU.template.md";

// `specfuse new "<title>"`: a lint-clean feature folder (PLAN with the next free id, GATE-01, draft units from the template, the closing shape) and a roadmap row; never commits.
export async function newFeature(
  options: NewOptions,
  ctx: Context,
): Promise<CommandResult> {
  const root = requireRoot(ctx.cwd);
  requireSlug(cleanTitle(options.title));
  const template = await readTemplate(root, ctx.packageRoot);
  const isDryRun = options.dryRun === true;
  const act = async (): Promise<CreatePlan> => {
    const ws = await readWorkspace(root);
    const featureId = nextFeatureId(ctx.now().getUTCFullYear(), idsInUse(ws));
    const draftWith = (text: string) => {
      const { draft, entry } = newDraft({
        title: options.title,
        featureId,
        units: options.units ?? 1,
        gates: options.gates ?? 1,
        template: text,
      });
      requireFree(ws, featureId, draft.folder);
      return planFeature(ws, draft, entry);
    };
    let plan = draftWith(template.text);
    if (plan.lint.errors > 0 && template.isWorkspace) {
      ctx.log.warn(
        `.specfuse/templates/${TEMPLATE} gives units that do not lint; the shipped template was used (run \`specfuse upgrade\` to restore it)`,
        "template_invalid",
      );
      plan = draftWith(await shippedTemplate(ctx.packageRoot));
    }
    requireClean(plan);
    if (!isDryRun) await writeFeature(root, plan, ctx, null);
    return plan;
  };
  const plan = isDryRun
    ? await act()
    : await withLock(
        { root, feature: options.title, command: "new" },
        ctx,
        act,
      );
  const files = createdFiles(plan, false);
  const first = plan.rendered.files.find((f) => f.name.startsWith("WU-01-"));
  const nextSteps = nextStepsFor(
    plan.draft.dir,
    plan.draft.folder,
    `${plan.draft.dir}/${first?.name ?? "PLAN.md"}`,
  );
  if (plan.roadmap.warning !== null)
    ctx.log.warn(plan.roadmap.warning, "roadmap_row_missing");
  ctx.narration.raw(
    renderCreated({
      command: "new",
      isDryRun,
      files,
      checklist: plan.lint.diagnostics,
      nextSteps,
    }),
  );
  return {
    schema: SCHEMA,
    body: {
      feature_id: plan.draft.featureId,
      dir: plan.draft.dir,
      branch: plan.draft.branch,
      base: null,
      files,
      warnings: plan.lint.diagnostics.map((d) => ({
        code: d.rule,
        message: d.message,
        file: d.file,
        line: d.line,
      })),
      next_steps: nextSteps,
      dry_run: isDryRun,
    },
  };
}

// The workspace's unit template (users may edit it), else the one the package ships.
async function readTemplate(
  root: string,
  packageRoot: string,
): Promise<{ text: string; isWorkspace: boolean }> {
  const read = await readText(
    path.join(root, ".specfuse", "templates", TEMPLATE),
  );
  if (read.kind === "file" && FRONTMATTER.test(read.text))
    return { text: read.text, isWorkspace: true };
  return { text: await shippedTemplate(packageRoot), isWorkspace: false };
}

const FRONTMATTER = /^---[ \t]*\r?\n[\s\S]*?\n---[ \t]*(?:\r?\n|$)/;

async function shippedTemplate(packageRoot: string): Promise<string> {
  const read = await readText(path.join(packageRoot, "templates", TEMPLATE));
  if (read.kind === "file") return read.text;
  throw new SpecfuseError({
    code: "internal_error",
    message: `the package's templates/${TEMPLATE} cannot be read`,
    hint: "reinstall specfuse",
  });
}
