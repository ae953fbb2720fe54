// Variables that would point git at another repository, index or object store (driver D-GIT-1).
export const REMOVED_GIT_VARIABLES = [
  "GIT_DIR",
  "GIT_WORK_TREE",
  "GIT_INDEX_FILE",
  "GIT_OBJECT_DIRECTORY",
  "GIT_ALTERNATE_OBJECT_DIRECTORIES",
  "GIT_PREFIX",
] as const;

// The environment every git command runs with: the user's, minus repository overrides, never prompting (D-GIT-1).
export function gitEnv(
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined) out[key] = value;
  }
  for (const key of REMOVED_GIT_VARIABLES) delete out[key];
  // Node's own spawn searches /usr/bin:/bin when the given environment has no PATH; keep finding git there.
  out.PATH ??= "/usr/bin:/bin";
  out.GIT_TERMINAL_PROMPT = "0";
  return out;
}
