import path from "node:path";
import { SpecfuseError } from "../errors/specfuse-error.js";
import type { Verification } from "../types/config.js";
import { readText } from "../workspace/read-text.js";
import { normalizeVerification } from "./normalize-verification.js";

// Where verification.yml lives, relative to the repository root (formats.md §1).
export const VERIFICATION_FILE = ".specfuse/verification.yml";

// Reads the working-tree `.specfuse/verification.yml` (driver D-START-1 step 4); a missing file reads as {}.
export async function readVerification(
  root: string,
  display: string = VERIFICATION_FILE,
): Promise<Verification> {
  const read = await readText(path.join(root, VERIFICATION_FILE));
  if (read.kind === "missing") return normalizeVerification(null, display);
  if (read.kind !== "file")
    throw new SpecfuseError({
      code: "verification_invalid",
      message: `cannot read ${display}`,
      file: display,
      detail:
        read.kind === "not-file" ? "it is not a regular file" : read.reason,
      hint: `make ${display} a readable UTF-8 file`,
    });
  return normalizeVerification(read.text, display);
}
