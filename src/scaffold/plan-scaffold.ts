import { CONFIG_KEYS } from "./config-keys.js";
import { fileOp, type FileOp, type ScaffoldWarning } from "./file-op.js";
import {
  codeCheckWarnings,
  keptWarnings,
  managedFiles,
  shippedManifest,
  sortOps,
  tableOp,
  textReader,
} from "./managed-files.js";
import {
  codePointOrder,
  MANIFEST_PATH,
  targetPathOfKey,
  type Manifest,
} from "./manifest.js";
import {
  FEATURES_DIR,
  GITKEEP,
  SEEDS,
  type ScaffoldInput,
  type ScaffoldPlan,
} from "./plan-types.js";
import { planWiring, WIRING_PATHS } from "./plan-wiring.js";
import { renderConfigSeed } from "./render-config.js";
import { renderRoadmap } from "./render-roadmap.js";
import { renderVerification } from "./render-verification.js";
import { EXAMPLE_SET, type ScaffoldAssets } from "./scaffold-assets.js";

// The target-relative paths `upgrade` must read before planning.
export function pathsToRead(
  version: string,
  assets: ScaffoldAssets,
  manifest: Manifest | null,
  hasWorkflows = false,
): string[] {
  const paths = new Set<string>([
    ...managedFiles(version, assets, hasWorkflows).keys(),
    MANIFEST_PATH,
    ...Object.values(SEEDS),
    GITKEEP,
    ...Object.values(WIRING_PATHS),
  ]);
  for (const key of manifest?.keys() ?? []) {
    const target = targetPathOfKey(key);
    if (target !== null) paths.add(target);
  }
  return [...paths].sort(codePointOrder);
}

// Plans `init` (init.md §6): everything under `.specfuse/` is new; wiring and commands are merged.
export function planInit(input: ScaffoldInput): ScaffoldPlan {
  const managed = managedFiles(
    input.version,
    input.assets,
    input.ci === "github",
  );
  const ops: FileOp[] = [];
  const warnings: ScaffoldWarning[] = [...input.detection.warnings];
  const kept: string[] = [];
  for (const [path, m] of managed) {
    if (m.group === "scaffold")
      ops.push(fileOp(path, "create", "scaffold", m.content));
    else ops.push(planCommand(input, path, m.content, undefined, kept, m.group));
  }
  ops.push(
    fileOp(MANIFEST_PATH, "create", "scaffold", shippedManifest(managed)),
  );
  const example = input.isExample ? input.assets.example : null;
  ops.push(
    fileOp(
      SEEDS.verification,
      "create",
      "scaffold",
      renderVerification(input.detection, example === null ? [] : [EXAMPLE_SET]),
    ),
    fileOp(SEEDS.config, "create", "scaffold", renderConfigSeed(CONFIG_KEYS)),
    fileOp(SEEDS.learnings, "create", "scaffold", input.assets.learnings),
    fileOp(
      SEEDS.roadmap,
      "create",
      "scaffold",
      renderRoadmap(input.assets.roadmap, input.projectName, example),
    ),
    fileOp(GITKEEP, "create", "scaffold", ""),
  );
  warnings.push(...codeCheckWarnings(input.detection, example !== null));
  if (example !== null) {
    for (const [name, text] of example.files)
      ops.push(
        fileOp(
          `${FEATURES_DIR}/${example.folder}/${name}`,
          "create",
          "scaffold",
          text,
        ),
      );
  }
  const wiring = planWiring(textReader(input.current), input.assets.claudeBlock);
  ops.push(...wiring.ops);
  warnings.push(...wiring.warnings, ...keptWarnings(sortOps(ops)));
  return {
    ops: sortOps(ops),
    kept: kept.sort(codePointOrder),
    warnings,
    leftovers: [],
    example:
      example === null
        ? null
        : {
            featureId: example.featureId,
            dir: `${FEATURES_DIR}/${example.folder}`,
          },
  };
}

// A slash-command or workflow file under the §7.2 table (I-CMD-5, I-UPG-4, GH-CI-1).
export function planCommand(
  input: ScaffoldInput,
  path: string,
  content: string,
  oldHash: string | undefined,
  kept: string[],
  group: "command" | "workflow" = "command",
): FileOp {
  return tableOp(
    path,
    content,
    input.current.files.get(path),
    oldHash,
    group,
    kept,
    input.isForceWire,
  );
}

