import path from "node:path";
import { gateNumberOf } from "../plan/build-graph.js";
import { parsePlan } from "../plan/parse-plan.js";
import { gateFileName } from "../plan/plan-graph.js";
import { joinDisplay } from "./paths.js";
import { readTextSync } from "./read-text.js";
import { createYielder, yieldToEvents } from "./yield-to-events.js";
import type { FeatureSnapshot, FileRead } from "../types/feature-snapshot.js";

// The snapshot type lives in src/types so pure code can name it without importing this module.
export type { FeatureSnapshot } from "../types/feature-snapshot.js";

// A bare file name (the usual graph `file`): joining it to a normalized folder needs no normalization.
const BARE_NAME = /^(?!\.\.?$)[^/\\]+$/;
// The last folder checked, and whether it is absolute and normalized (one feature's files share it).
let checkedDir = "";
let isCheckedDirNormal = false;

function isNormalDir(absDir: string): boolean {
  if (absDir !== checkedDir) {
    checkedDir = absDir;
    isCheckedDirNormal =
      path.isAbsolute(absDir) &&
      !absDir.endsWith(path.sep) &&
      path.normalize(absDir) === absDir;
  }
  return isCheckedDirNormal;
}

// Resolves a graph `file` to its display path and absolute path.
export function resolveGraphFile(
  snapshotDir: string,
  absDir: string,
  file: string,
): { display: string; abs: string } {
  const isBare = BARE_NAME.test(file) && isNormalDir(absDir);
  return {
    display: joinDisplay(snapshotDir, file),
    // Only a real absolute path leaves the folder; `\x` and `C:x` stay inside it on POSIX (path-escape flags them).
    abs: path.isAbsolute(file)
      ? file
      : isBare
        ? `${absDir}${path.sep}${file}`
        : path.join(absDir, file),
  };
}

// Reads PLAN.md and every gate and unit file it names (synchronously: see readTextSync), letting signals
// in between files so that a huge feature never makes a command deaf to SIGINT.
export async function readFeature(
  absDir: string,
  displayDir: string,
): Promise<FeatureSnapshot> {
  const plan = readTextSync(path.join(absDir, "PLAN.md"));
  const planDoc = plan.kind === "file" ? parsePlan(plan.text) : null;
  await yieldToEvents();
  const files = new Map<string, FileRead>();
  const wanted = new Map<string, string>();
  for (const g of planDoc?.graph?.gates ?? []) {
    const number = gateNumberOf(g);
    // Without a `file`, the default GATE-NN.md is read too (lint's closing-shape-legacy names it).
    const gateFile =
      typeof g.file === "string" && g.file !== ""
        ? g.file
        : g.isMap &&
            number !== null &&
            (g.file === undefined || g.file === null || g.file === "")
          ? gateFileName(number)
          : null;
    if (gateFile !== null) {
      const r = resolveGraphFile(displayDir, absDir, gateFile);
      wanted.set(r.display, r.abs);
    }
    for (const u of g.units) {
      if (typeof u.file === "string" && u.file !== "") {
        const r = resolveGraphFile(displayDir, absDir, u.file);
        wanted.set(r.display, r.abs);
      }
    }
  }
  const tick = createYielder();
  for (const [display, abs] of wanted) {
    files.set(display, readTextSync(abs));
    await tick();
  }
  const roadmap = roadmapOf(absDir);
  return {
    dir: displayDir,
    absDir,
    plan,
    planDoc,
    files,
    ...(roadmap === null ? {} : { roadmap: readTextSync(roadmap) }),
  };
}

// The workspace roadmap of a folder under `<root>/.specfuse/features/`, else null (lint `roadmap-row-missing`).
function roadmapOf(absDir: string): string | null {
  const features = path.dirname(path.resolve(absDir));
  const specfuse = path.dirname(features);
  if (path.basename(features) !== "features") return null;
  if (path.basename(specfuse) !== ".specfuse") return null;
  return path.join(specfuse, "roadmap.md");
}
