import path from "node:path";
import { SpecfuseError } from "../errors/specfuse-error.js";
import { readText } from "../workspace/read-text.js";
import { normalizeConfig, type ConfigLoad } from "./normalize-config.js";

// Where config.yml lives, relative to the repository root (formats.md §1).
export const CONFIG_FILE = ".specfuse/config.yml";

// Reads `.specfuse/config.yml` under the root; a missing file gives the defaults (formats.md F-CFG-1).
export async function readConfig(
  root: string,
  display: string = CONFIG_FILE,
): Promise<ConfigLoad> {
  const read = await readText(path.join(root, CONFIG_FILE));
  if (read.kind === "missing") return normalizeConfig(null, display);
  if (read.kind !== "file")
    throw new SpecfuseError({
      code: "config_invalid",
      message: `cannot read ${display}`,
      file: display,
      detail:
        read.kind === "not-file" ? "it is not a regular file" : read.reason,
      hint: `make ${display} a readable UTF-8 file, or remove it to use the defaults`,
    });
  return normalizeConfig(read.text, display);
}
