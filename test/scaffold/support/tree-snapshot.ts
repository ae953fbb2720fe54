import { lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";
import { managedFiles, shippedManifest } from "../../../src/scaffold/managed-files.js";
import { readAssets } from "../../../src/scaffold/read-target.js";
import { PROJECT_ROOT } from "../../helpers/run-cli.js";

/** Target-relative path → the shipped text it must equal, and where that text comes from. */
export type Shipped = Map<string, { source: string; text: string }>;

// Every file whose bytes come straight from the package, keyed by its path in a target.
export async function shippedFiles(version = "0.4.0"): Promise<Shipped> {
  const assets = await readAssets(PROJECT_ROOT);
  const map: Shipped = new Map();
  for (const [target, m] of managedFiles(version, assets)) {
    const source = target.startsWith(".claude/commands/")
      ? `scaffold/claude/commands/${path.basename(target)}`
      : target === ".specfuse/VERSION"
        ? "package.json version"
        : sourceOf(target.slice(".specfuse/".length));
    map.set(target, { source, text: m.content });
  }
  map.set(".specfuse/.scaffold-manifest", {
    source: "the manifest of the shipped files",
    text: shippedManifest(managedFiles(version, assets)),
  });
  map.set(".specfuse/LEARNINGS.md", { source: "scaffold/LEARNINGS.md", text: assets.learnings });
  for (const [name, text] of assets.example.files)
    map.set(`.specfuse/features/${assets.example.folder}/${name}`, {
      source: `scaffold/example/${assets.example.folder}/${name}`,
      text,
    });
  return map;
}

function sourceOf(key: string): string {
  if (key.startsWith("templates/")) return key;
  return `scaffold/${key}`;
}

function walk(root: string, rel = ""): string[] {
  return readdirSync(path.join(root, rel))
    .sort()
    .flatMap((name) => {
      if (rel === "" && name === ".git") return [];
      const r = rel === "" ? name : `${rel}/${name}`;
      const st = lstatSync(path.join(root, r));
      return st.isDirectory() ? [`${r}/`, ...walk(root, r)] : [r];
    });
}

// One text per tree (architecture.md A-TEST-7): shipped files by reference, everything else in full.
export function serializeTree(root: string, shipped: Shipped): string {
  const parts: string[] = [];
  for (const rel of walk(root)) {
    if (rel.endsWith("/")) {
      parts.push(`dir  ${rel}`);
      continue;
    }
    const abs = path.join(root, rel);
    if (lstatSync(abs).isSymbolicLink()) {
      parts.push(`link ${rel} -> ${readlinkSync(abs)}`);
      continue;
    }
    const text = readFileSync(abs, "utf8");
    const ship = shipped.get(rel);
    if (ship !== undefined && ship.text === text) {
      parts.push(`file ${rel} = ${ship.source}`);
      continue;
    }
    parts.push(`file ${rel}\n${text.split("\n").map((l) => `  | ${l}`).join("\n")}`);
  }
  return `${parts.join("\n")}\n`;
}
