import { CONFIG_KEYS } from "./config-keys.js";
import { fileOp, type FileOp, type ScaffoldWarning } from "./file-op.js";
import {
  codeCheckWarnings,
  decode,
  keptWarnings,
  managedFiles,
  manifestHasWorkflows,
  sameBytes,
  shippedManifest,
  sortOps,
  tableOp,
  textReader,
  type Managed,
} from "./managed-files.js";
import {
  codePointOrder,
  keyOfTargetPath,
  MANIFEST_PATH,
  sha256Hex,
  targetPathOfKey,
  type Manifest,
} from "./manifest.js";
import { planCommand } from "./plan-scaffold.js";
import {
  FEATURES_DIR,
  GITKEEP,
  SEEDS,
  type CurrentTree,
  type ScaffoldInput,
  type ScaffoldPlan,
} from "./plan-types.js";
import { planWiring } from "./plan-wiring.js";
import { renderConfigSeed } from "./render-config.js";
import { renderRoadmap } from "./render-roadmap.js";
import { renderVerification } from "./render-verification.js";

const LEFTOVER_DIRS = new Set(["scripts", "skills", "hooks"]);
const LEFTOVER_FILES = new Set(["config", "gitignore.snippet", "README.md"]);

// Plans `upgrade` (init.md §7): the §7.2 table for managed files, prune, seeds, wiring, manifest last.
export function planUpgrade(input: ScaffoldInput): ScaffoldPlan {
  const { current } = input;
  const old = input.manifest ?? new Map<string, string>();
  const managed = managedFiles(
    input.version,
    input.assets,
    input.ci === "github" || manifestHasWorkflows(old.keys()),
  );
  const ops: FileOp[] = [];
  const kept: string[] = [];
  const warnings: ScaffoldWarning[] = [];
  for (const [path, m] of managed) {
    const cur = current.files.get(path);
    const oldHash = old.get(keyOfTargetPath(path));
    if (m.group !== "scaffold") {
      ops.push(planCommand(input, path, m.content, oldHash, kept, m.group));
    } else if (path === ".specfuse/VERSION") {
      // VERSION is always written, never kept (I-UPG-3)
      const action =
        cur === undefined ? "create" : sameBytes(cur, m.content) ? "unchanged" : "update";
      ops.push(fileOp(path, action, "scaffold", m.content));
    } else {
      ops.push(tableOp(path, m.content, cur, oldHash, "scaffold", kept, false));
    }
  }
  ops.push(...pruneOps(old, managed, current, kept));
  ops.push(...seedOps(input, warnings));
  const manifest = shippedManifest(managed);
  const curManifest = current.files.get(MANIFEST_PATH);
  ops.push(
    fileOp(
      MANIFEST_PATH,
      curManifest === undefined
        ? "create"
        : sameBytes(curManifest, manifest)
          ? "unchanged"
          : "update",
      "scaffold",
      manifest,
    ),
  );
  const wiring = planWiring(textReader(current), input.assets.claudeBlock);
  ops.push(...wiring.ops);
  warnings.push(...wiring.warnings, ...keptWarnings(sortOps(ops)));
  const verification = current.files.get(SEEDS.verification);
  if (
    verification !== undefined &&
    decode(verification).includes(".specfuse/scripts/")
  ) {
    warnings.push({
      code: "verification_calls_scripts",
      message:
        "verification.yml calls .specfuse/scripts/, which specfuse no longer ships; replace the plan-lint command with `specfuse lint {feature_dir}`",
    });
  }
  return {
    ops: sortOps(ops),
    kept: kept.sort(codePointOrder),
    warnings,
    leftovers: leftoversIn(current.specfuseNames),
    example: null,
  };
}

// Paths in the old manifest that no longer ship: removed when unedited, else kept (I-UPG-5).
function pruneOps(
  old: Manifest,
  managed: Map<string, Managed>,
  current: CurrentTree,
  kept: string[],
): FileOp[] {
  const ops: FileOp[] = [];
  for (const [key, hash] of old) {
    const path = targetPathOfKey(key);
    if (path === null || managed.has(path) || isLeftoverKey(key)) continue;
    const cur = current.files.get(path);
    if (cur === undefined) continue;
    const group = path.startsWith(".claude/")
      ? "command"
      : path.startsWith(".github/")
        ? "workflow"
        : "scaffold";
    if (sha256Hex(cur) === hash) {
      ops.push(fileOp(path, "remove", group, null, "no longer shipped"));
    } else {
      kept.push(path);
      ops.push(fileOp(path, "keep", group, null, "no longer shipped"));
    }
  }
  return ops;
}

// Seeds are created only when absent and never modified (I-UPG-8).
function seedOps(input: ScaffoldInput, warnings: ScaffoldWarning[]): FileOp[] {
  const { current } = input;
  const ops: FileOp[] = [];
  const seed = (path: string, render: () => string) => {
    ops.push(
      current.files.has(path)
        ? fileOp(path, "unchanged", "scaffold")
        : fileOp(path, "create", "scaffold", render()),
    );
  };
  seed(SEEDS.verification, () => {
    warnings.push(...codeCheckWarnings(input.detection, false));
    return renderVerification(input.detection);
  });
  seed(SEEDS.config, () => renderConfigSeed(CONFIG_KEYS));
  seed(SEEDS.learnings, () => input.assets.learnings);
  seed(SEEDS.roadmap, () =>
    renderRoadmap(input.assets.roadmap, input.projectName, null),
  );
  if (!current.dirs.has(FEATURES_DIR))
    ops.push(fileOp(GITKEEP, "create", "scaffold", ""));
  else if (current.files.has(GITKEEP))
    ops.push(fileOp(GITKEEP, "unchanged", "scaffold"));
  return ops;
}

function isLeftoverKey(key: string): boolean {
  const [first = "", ...rest] = key.split("/");
  if (LEFTOVER_DIRS.has(first)) return true;
  return rest.length === 0 && isLeftoverName(first);
}

function isLeftoverName(name: string): boolean {
  return LEFTOVER_FILES.has(name) || name.endsWith(".template.md");
}

function leftoversIn(names: ReadonlyArray<string>): string[] {
  const out: string[] = [];
  for (const name of [...names].sort(codePointOrder)) {
    if (LEFTOVER_DIRS.has(name)) out.push(`.specfuse/${name}/`);
    else if (isLeftoverName(name)) out.push(`.specfuse/${name}`);
  }
  return out;
}

