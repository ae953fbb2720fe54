import path from "node:path";
import { delayOptimization } from "../cli/delay-optimization.js";
import { SpecfuseError } from "../errors/specfuse-error.js";
import { formatGithub } from "../lint/formatters/github.js";
import { formatJson } from "../lint/formatters/json.js";
import { formatSarif } from "../lint/formatters/sarif.js";
import { totalsOf } from "../lint/formatters/summary.js";
import { formatText } from "../lint/formatters/text.js";
import { lintFeature, type FeatureReport } from "../lint/lint-feature.js";
import type { Context } from "../types/context.js";
import { listFeatureFolders } from "../workspace/discover-features.js";
import { findRoot } from "../workspace/find-root.js";
import {
  normalizeDisplayPath,
  relativeForDisplay,
} from "../workspace/paths.js";
import { readFeature } from "../workspace/read-feature.js";

/** Options of `specfuse lint` (cli.md §3.2). */
export interface LintOptions {
  /** Feature folders; default: every folder under `.specfuse/features/`. */
  dirs?: string[];
  /** Report format. @default "text" */
  format?: string;
  /** Alias for `--format json`. */
  json?: boolean;
  /** Warnings count as errors. @default false */
  strict?: boolean;
  /** Also run the plan-next draft pass on gate n+1. */
  justClosedGate?: number;
}

type Format = "text" | "json" | "github" | "sarif";

/** One folder to lint: where it is and how diagnostics name it. */
interface Target {
  abs: string;
  display: string;
}

function usage(message: string, hint: string): SpecfuseError {
  return new SpecfuseError({ code: "lint_usage", message, hint });
}

function pickFormat(options: LintOptions): Format {
  const format = options.format ?? "text";
  if (!["text", "json", "github", "sarif"].includes(format))
    throw usage(
      `unknown format "${format}"`,
      "use --format text, json, github or sarif",
    );
  if (options.json === true && format !== "text" && format !== "json")
    throw usage(
      `--json conflicts with --format ${format}`,
      "--json is short for --format json; pass only one of them",
    );
  return options.json === true ? "json" : (format as Format);
}

// L-CLI-2: display paths normalized, duplicates linted once; relative paths resolve against -C.
function explicitTargets(dirs: readonly string[], cwd: string): Target[] {
  const seen = new Set<string>();
  const targets: Target[] = [];
  for (const dir of dirs) {
    const display = normalizeDisplayPath(dir);
    if (seen.has(display)) continue;
    seen.add(display);
    targets.push({ abs: path.resolve(cwd, display), display });
  }
  return targets;
}

// L-CLI-3, searching upward like C-GLOB-1 so `lint` works from any subdirectory of the repository.
function discoveredTargets(cwd: string): Target[] {
  const root = findRoot(cwd);
  if (root === null)
    throw usage(
      `no .specfuse/features/ directory in ${cwd} or any parent directory`,
      "pass the feature folders to lint, or run `specfuse init` in the repository root",
    );
  const features = path.join(root, ".specfuse", "features");
  return listFeatureFolders(root).map((name) => {
    const abs = path.join(features, name);
    return { abs, display: relativeForDisplay(cwd, abs) };
  });
}

function render(
  format: Format,
  reports: FeatureReport[],
  options: LintOptions,
  ctx: Context,
): string {
  const meta = {
    version: ctx.version,
    strict: options.strict === true,
    justClosedGate: options.justClosedGate ?? null,
  };
  switch (format) {
    case "json":
      return formatJson(reports, meta);
    case "github":
      return formatGithub(reports);
    case "sarif":
      return formatSarif(reports, { version: ctx.version, cwd: ctx.cwd });
    default:
      return formatText(reports, ctx.out.paint);
  }
}

// `specfuse lint`: gather the folders, lint each, print one report; exit 0, 1 (errors) or 2 (usage).
export async function lint(options: LintOptions, ctx: Context): Promise<void> {
  // Before the lint functions first run, so their feedback cells take the raised thresholds.
  delayOptimization(process.versions.v8);
  const format = pickFormat(options);
  const dirs = options.dirs ?? [];
  const targets =
    dirs.length > 0
      ? explicitTargets(dirs, ctx.cwd)
      : discoveredTargets(ctx.cwd);
  const lintOptions = {
    strict: options.strict === true,
    justClosedGate: options.justClosedGate ?? null,
  };
  const reports: FeatureReport[] = [];
  for (const target of targets)
    reports.push(
      lintFeature(await readFeature(target.abs, target.display), lintOptions),
    );
  ctx.out.raw(render(format, reports, options, ctx));
  const totals = totalsOf(reports);
  if (totals.errors > 0)
    throw new SpecfuseError({
      code: "lint_errors",
      message: `${totals.errors} lint error${totals.errors === 1 ? "" : "s"}`,
      reported: true,
    });
}
