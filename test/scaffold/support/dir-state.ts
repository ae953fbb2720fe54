import { lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";

// Every entry under `root` (outside .git) with its kind and exact bytes, for before/after comparisons.
export function dirState(root: string, rel = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(path.join(root, rel)).sort()) {
    if (rel === "" && name === ".git") continue;
    const r = rel === "" ? name : `${rel}/${name}`;
    const abs = path.join(root, r);
    const st = lstatSync(abs);
    if (st.isSymbolicLink()) out[r] = `link -> ${readlinkSync(abs)}`;
    else if (st.isDirectory()) Object.assign(out, { [`${r}/`]: "dir" }, dirState(root, r));
    else out[r] = readFileSync(abs).toString("base64");
  }
  return out;
}
