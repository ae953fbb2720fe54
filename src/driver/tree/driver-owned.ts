// Glob pathspecs (root-relative) of the driver's scratch: every feature's `work/` and atomic-write leftovers.
export const DRIVER_SCRATCH_GLOBS = [
  ".specfuse/features/*/work/**",
  "**/*.specfuse-tmp-*",
] as const;

const WORK_PATH = /^\.specfuse\/features\/[^/]+\/work(\/|$)/;
const LOCK_PATH = /^\.specfuse\/\.loop\.lock(\/|\.json$|$)/;
const TEMP_PATH = /(^|\/)[^/]*\.specfuse-tmp-[^/]*$/;

// Whether a root-relative path belongs to the driver (lock, `work/`, temp files), so squash and restore leave it alone.
export function isDriverOwnedPath(rootPath: string): boolean {
  return (
    WORK_PATH.test(rootPath) ||
    LOCK_PATH.test(rootPath) ||
    TEMP_PATH.test(rootPath)
  );
}
