import { SpecfuseError } from "../errors/specfuse-error.js";
import { listing } from "../operator/choose-feature.js";
import { findFeature } from "../operator/find-feature.js";
import { loadFeature, type LoadedFeature } from "../operator/load-feature.js";
import { resolveUnitRef } from "../operator/resolve-unit.js";
import { featureIdOf } from "../plan/correlation-id.js";
import type { FeatureSummary } from "../workspace/list-features.js";

/** A unit reference resolved to its feature and full id. */
export interface FoundUnit {
  loaded: LoadedFeature;
  id: string;
}

const HINT =
  "pass a full unit id (FEAT-2026-0042/T02), or name the feature: `specfuse show T02 --feature <folder>`";

// Resolves `show <unit>`: `--feature`, else the feature a full id names, else the single active feature,
// else every feature whose graph has a unit with that suffix (64 `wu_ambiguous` when several do).
export async function findUnit(
  root: string,
  cwd: string,
  all: readonly FeatureSummary[],
  ref: string,
  feature: string | undefined,
): Promise<FoundUnit> {
  if (feature !== undefined)
    return inFeature(await findFeature(root, cwd, all, feature), ref);
  const readable = all.filter((f) => f.hasPlan && f.unreadable === null);
  if (ref.includes("/")) {
    const owners = readable.filter((f) => f.featureId === featureIdOf(ref));
    if (owners.length === 1 && owners[0] !== undefined)
      return inFeature(owners[0], ref);
    if (owners.length > 1)
      throw new SpecfuseError({
        code: "feature_ambiguous",
        message: `${owners.length} feature folders have feature id ${featureIdOf(ref)}`,
        detail: listing(owners).join("\n"),
        hint: `specfuse show ${ref} --feature ${owners[0]?.name ?? "<folder>"}`,
      });
  }
  const active = readable.filter((f) => f.status === "active");
  if (active.length === 1 && active[0] !== undefined)
    return inFeature(active[0], ref);
  return searchAll(readable, ref);
}

async function inFeature(
  summary: FeatureSummary,
  ref: string,
): Promise<FoundUnit> {
  const loaded = await loadFeature(summary);
  const ids = [...(loaded.model?.units.keys() ?? [])];
  const matches = ids.filter((id) => id === ref || id.endsWith(`/${ref}`));
  if (!ids.includes(ref) && matches.length > 1)
    throw ambiguous(
      ref,
      matches.map((id) => ({ id, folder: summary.name })),
    );
  const where = loaded.model?.featureId ?? summary.featureId;
  try {
    return { loaded, id: resolveUnitRef(ids, ref, where) };
  } catch (error) {
    if (error instanceof SpecfuseError && loaded.model === null)
      throw new SpecfuseError({
        code: "wu_not_found",
        message: `no unit "${ref}" in ${where}: its PLAN.md has no readable task graph`,
        file: `${summary.dir}/PLAN.md`,
        hint: "`specfuse lint` explains what is wrong with the plan",
      });
    throw error;
  }
}

// No feature named and none active: the unit id suffix must be unique across every readable feature.
async function searchAll(
  readable: readonly FeatureSummary[],
  ref: string,
): Promise<FoundUnit> {
  const found: Array<{ loaded: LoadedFeature; id: string }> = [];
  for (const summary of readable) {
    const loaded = await loadFeature(summary);
    for (const id of loaded.model?.units.keys() ?? [])
      if (id === ref || id.endsWith(`/${ref}`)) found.push({ loaded, id });
  }
  if (found.length === 1 && found[0] !== undefined) return found[0];
  if (found.length > 1)
    throw ambiguous(
      ref,
      found.map((f) => ({ id: f.id, folder: f.loaded.summary.name })),
    );
  throw new SpecfuseError({
    code: "wu_not_found",
    message:
      readable.length === 0
        ? `no unit "${ref}": there is no readable feature under .specfuse/features/`
        : `no unit "${ref}" in any feature (none is active, so every feature was searched)`,
    detail: listing(readable).join("\n"),
    hint: HINT,
  });
}

function ambiguous(
  ref: string,
  candidates: ReadonlyArray<{ id: string; folder: string }>,
): SpecfuseError {
  return new SpecfuseError({
    code: "wu_ambiguous",
    message: `"${ref}" names ${candidates.length} units; say which one`,
    detail: candidates.map((c) => `${c.id}  (${c.folder})`).join("\n"),
    hint: `use the full id, e.g. \`specfuse show ${candidates[0]?.id ?? "FEAT-2026-0042/T02"}\`, or add --feature <folder>`,
  });
}
