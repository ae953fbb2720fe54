import { readdirSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

// Names of the regular files directly inside a folder (for `GATE-<digits>.md` protection, driver D-PROT-1).
export function listFileNames(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

// Sizes of repo-relative paths that are regular files (following links); absent paths are left out (D-GUARD-3).
export async function fileSizes(
  root: string,
  paths: readonly string[],
): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (const p of paths) {
    try {
      const st = await stat(path.join(root, p));
      if (st.isFile()) sizes.set(p, st.size);
    } catch {
      // absent: the guard reports it
    }
  }
  return sizes;
}

// A repo-relative text file, or null when it does not exist or is not readable text.
export async function readOptionalText(
  root: string,
  rel: string,
): Promise<string | null> {
  try {
    return await readFile(path.join(root, rel), "utf8");
  } catch {
    return null;
  }
}
