import { prependPath, toolDirs, withoutKeys } from "../exec/path-env.js";

/** Inputs of a verification command's environment (driver D-VER-4, README resolved point 6). */
export interface CheckEnvInput {
  /** The driver's own environment (`ctx.env`). */
  env: Readonly<Record<string, string | undefined>>;
  packageRoot: string;
  repoRoot: string;
  /** `<F>`, repo-relative. */
  featureDir: string;
  unitId: string;
  /** The WU file, repo-relative. */
  wuFile: string;
  platform: NodeJS.Platform;
}

// The driver's environment minus FORCE_COLOR, plus NO_COLOR=1 and the SPECFUSE_* variables, with the tool dirs first on PATH.
export function buildCheckEnv(
  input: CheckEnvInput,
): Record<string, string | undefined> {
  const base = withoutKeys(input.env, ["FORCE_COLOR"], input.platform);
  return prependPath(
    {
      ...base,
      NO_COLOR: "1",
      SPECFUSE_FEATURE_DIR: input.featureDir,
      SPECFUSE_WORK_UNIT: input.unitId,
      SPECFUSE_WU_FILE: input.wuFile,
    },
    toolDirs(input.packageRoot, input.repoRoot),
    input.platform,
  );
}
