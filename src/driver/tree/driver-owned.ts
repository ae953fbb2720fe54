import { isWorkPath, WORK_GLOB } from "../../workspace/work-paths.js";

// Glob pathspecs (root-relative) of the driver's scratch: every feature's `work/` and atomic-write leftovers.
export const DRIVER_SCRATCH_GLOBS = [WORK_GLOB, "**/*.specfuse-tmp-*"] as const;

const LOCK_PATH = /^\.specfuse\/\.loop\.lock(\/|\.json$|$)/;
const TEMP_PATH = /(^|\/)[^/]*\.specfuse-tmp-[^/]*$/;

// Whether a root-relative path belongs to the driver (lock, `work/`, temp files), so squash and restore leave it alone.
export function isDriverOwnedPath(rootPath: string): boolean {
  return (
    isWorkPath(rootPath) || LOCK_PATH.test(rootPath) || TEMP_PATH.test(rootPath)
  );
}
