import { exitCodeFor } from "../errors/codes.js";
import { errorToJson } from "../errors/render-error.js";
import { isSpecfuseError } from "../errors/specfuse-error.js";
import { createGit } from "../git/git.js";
import { openRepo } from "../git/repo.js";
import type { Context } from "../types/context.js";
import type { FeatureSummary } from "../workspace/list-features.js";
import { toRepoRelative } from "../workspace/paths.js";
import {
  exportRows,
  renderCsv,
  renderJsonl,
  type ExportSource,
} from "./export-trail.js";
import type { LogFilter } from "./filter-events.js";
import {
  LOG_VERIFY_SCHEMA,
  renderVerify,
  verifyBody,
  verifyFailure,
} from "./render-verify.js";
import { createTrailReader } from "./trail-reader.js";
import { verifyTrail, type VerifyTarget } from "./verify-trail.js";
import { walkVersions } from "./walk-versions.js";

function targetsOf(
  root: string,
  features: readonly FeatureSummary[],
): VerifyTarget[] {
  return features.map((f) => {
    const featureRel = toRepoRelative(root, f.absDir);
    return {
      file: `${f.dir}/events.jsonl`,
      rel: `${featureRel}/events.jsonl`,
      featureRel,
    };
  });
}

async function readerFor(root: string, ctx: Context) {
  return createTrailReader(await openRepo(createGit({ env: ctx.env }), root));
}

// `log --verify` (AU-VER-1/2): no lock, no writes; the report on stdout, exit 1 `log_verify_failed` on any violation.
export async function verifyLog(
  gather: () => Promise<{ root: string; targets: FeatureSummary[] }>,
  ctx: Context,
): Promise<void> {
  try {
    const { root, targets: features } = await gather();
    const report = await verifyTrail(
      targetsOf(root, features),
      await readerFor(root, ctx),
    );
    const failure = report.violations.length > 0 ? verifyFailure(report) : null;
    if (!ctx.isJson)
      for (const line of renderVerify(report)) ctx.out.result(line);
    if (failure !== null) throw failure;
    if (ctx.isJson)
      ctx.out.json({
        schema: LOG_VERIFY_SCHEMA,
        exit_code: 0,
        error: null,
        ...verifyBody(report),
      });
  } catch (error) {
    // `log` is not enveloped by cli/main (its default output is NDJSON): --verify --json writes its own envelope.
    if (ctx.isJson && isSpecfuseError(error))
      ctx.out.json({
        schema: LOG_VERIFY_SCHEMA,
        exit_code: exitCodeFor(error.code),
        error: errorToJson(error),
        ...(error.body ?? {}),
      });
    throw error;
  }
}

// `log --export csv|jsonl` (AU-VER-3): every readable event with the oldest commit holding its line; a broken history still exports, with a warning.
export async function exportLog(
  root: string,
  features: readonly FeatureSummary[],
  format: "csv" | "jsonl",
  filter: LogFilter,
  ctx: Context,
): Promise<void> {
  const reader = await readerFor(root, ctx);
  const sources: ExportSource[] = [];
  for (const t of targetsOf(root, features)) {
    const walk = walkVersions(await reader.versions(t.rel), false);
    if (walk.break !== null)
      ctx.log.warn(
        `${t.file}: its history is not append-only (line ${walk.break.line}); run \`specfuse log --verify\``,
        "log_not_verified",
      );
    sources.push({ file: t.file, walk });
  }
  // Unreadable lines were already reported when `log` read the working tree.
  const { rows } = exportRows(sources, filter);
  ctx.out.raw(format === "csv" ? renderCsv(rows) : renderJsonl(rows));
}
