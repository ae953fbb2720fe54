import { SpecfuseError } from "../errors/specfuse-error.js";
import { findFeature } from "../operator/find-feature.js";
import { buildStatus } from "../status/build-status.js";
import { gatherStatus } from "../status/gather-status.js";
import { renderStatus } from "../status/render-status.js";
import { shownFeatures } from "../status/select-shown.js";
import { featureGraph } from "../status/status-graph.js";
import type { FeatureProblem } from "../operator/feature-problems.js";
import { loadFeature } from "../operator/load-feature.js";
import type { CommandResult } from "../types/command.js";
import type { Context } from "../types/context.js";
import { requireRoot } from "../workspace/find-root.js";
import { listFeatures } from "../workspace/list-features.js";

/** Options of `specfuse status` (cli.md §3.4). */
export interface StatusOptions {
  /** One feature: folder, path or feature id. */
  feature?: string;
  /** Include done, complete and abandoned features. @default false */
  all?: boolean;
  json?: boolean;
  /** Print the current gate's dependency graph instead of the report. */
  graph?: "mermaid" | "dot";
}

const SCHEMA = "specfuse.status/1";

// `specfuse status`: read-only report of features, gates, units, lock and next step (driver §32 D-STAT-1).
export async function status(
  options: StatusOptions,
  ctx: Context,
): Promise<CommandResult> {
  if (options.graph !== undefined && ctx.isJson)
    throw new SpecfuseError({
      code: "usage",
      message:
        "--graph prints a graph, not JSON: use one of --graph and --json",
      hint: "specfuse status --feature <name> --graph mermaid",
    });
  const root = requireRoot(ctx.cwd);
  const all = await listFeatures(root);
  const shown =
    options.feature === undefined
      ? shownFeatures(all, options.all === true)
      : [await findFeature(root, ctx.cwd, all, options.feature)];
  if (options.graph !== undefined) {
    if (shown.length !== 1 || shown[0] === undefined)
      throw new SpecfuseError({
        code: "usage",
        message: `--graph needs exactly one feature; ${shown.length} are listed`,
        detail: shown.map((f) => f.name).join("\n") || undefined,
        hint: "add --feature <name>",
      });
    const loaded = await loadFeature(shown[0]);
    ctx.out.raw(featureGraph(loaded, options.graph));
    // D-STAT-1: files that cannot be parsed are reported and exit 65, with the graph too.
    if (loaded.problems.length > 0) throw problemsError(loaded.problems);
    return {};
  }
  const gathered = await gatherStatus({
    root,
    packageVersion: ctx.version,
    host: ctx.host,
    now: ctx.now(),
    all,
    shown,
  });
  const body = buildStatus(gathered);
  if (!ctx.isJson)
    ctx.out.raw(
      renderStatus(body, {
        paint: ctx.out.paint,
        isTTY: ctx.out.sink.isTTY,
        now: ctx.now(),
        lockRefreshedMsAgo: gathered.lockState.refreshedMsAgo,
      }),
    );
  const problems = [
    ...body.problems,
    ...body.features.flatMap((f) => f.problems),
  ];
  if (problems.length > 0)
    throw problemsError(problems, body as unknown as Record<string, unknown>);
  return { schema: SCHEMA, body: body as unknown as Record<string, unknown> };
}

// The exit-65 error of C-STATUS-3 for files that could not be read or parsed (the report itself was printed).
function problemsError(
  problems: ReadonlyArray<
    Pick<FeatureProblem, "code" | "file" | "line" | "message">
  >,
  body?: Record<string, unknown>,
): SpecfuseError {
  const first = problems[0] as Pick<
    FeatureProblem,
    "code" | "file" | "line" | "message"
  >;
  return new SpecfuseError({
    code: first.code,
    message: `${problems.length} file${problems.length === 1 ? "" : "s"} could not be read or parsed; everything else is shown`,
    file: first.file,
    line: first.line ?? undefined,
    detail: first.message,
    hint: "fix the files listed; `specfuse lint` explains problems in feature folders",
    ...(body === undefined ? {} : { body, schema: SCHEMA }),
  });
}
