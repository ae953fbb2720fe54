import path from "node:path";
import type { FrontmatterValue } from "../yaml/format-yaml-value.js";
import { updateFrontmatter } from "../workspace/update-frontmatter.js";

/** One WU file and the driver-owned keys written to it this cycle (driver D-ATT-3). */
export interface UnitFile {
  /** Repo-relative path. */
  rel: string;
  abs: string;
  /** Writes keys in one atomic write and remembers them for re-application. */
  write(
    changes: ReadonlyArray<readonly [string, FrontmatterValue]>,
  ): Promise<void>;
  /** Re-applies every remembered key after a restore (D-GIT-9 step 6). */
  reapply(): Promise<void>;
  /** The remembered keys, for the checkpoint's `driver_keys`. */
  keys(): Record<string, FrontmatterValue>;
  /** Replaces the remembered keys without writing (a dropped pass goes back to `in_progress`). */
  resetKeys(keys: Record<string, FrontmatterValue>): void;
}

// A writer for one unit's frontmatter, seeded with keys a checkpoint carried over (recovery).
export function unitFile(
  root: string,
  rel: string,
  seed: Record<string, FrontmatterValue> = {},
): UnitFile {
  const abs = path.join(root, rel);
  const remembered = new Map<string, FrontmatterValue>(Object.entries(seed));
  return {
    rel,
    abs,
    async write(changes) {
      for (const [k, v] of changes) remembered.set(k, v);
      await updateFrontmatter(abs, changes, { display: rel });
    },
    async reapply() {
      if (remembered.size > 0)
        await updateFrontmatter(abs, [...remembered], { display: rel });
    },
    keys() {
      return Object.fromEntries(remembered);
    },
    resetKeys(keys) {
      remembered.clear();
      for (const [k, v] of Object.entries(keys)) remembered.set(k, v);
    },
  };
}
