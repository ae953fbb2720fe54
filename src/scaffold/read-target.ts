import { lstat, readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { SpecfuseError } from "../errors/specfuse-error.js";
import { MAKEFILE_NAMES, type StackSnapshot } from "./detect-stack.js";
import type { CurrentTree } from "./plan-types.js";
import type { ExampleAssets, ScaffoldAssets } from "./scaffold-assets.js";

/** What is at a path, following symlinks (a dangling link is `other`). */
export type PathKind = "missing" | "file" | "dir" | "other";

// The kind of a path, following symlinks.
export async function pathKind(p: string): Promise<PathKind> {
  try {
    const st = await stat(p);
    return st.isFile() ? "file" : st.isDirectory() ? "dir" : "other";
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR")
      return (await existsInAnyForm(p)) ? "other" : "missing";
    return "other";
  }
}

// The target of init/upgrade must be an existing directory (I-INIT-1, I-UPG-1): else `target_not_directory` (64).
export async function requireTargetDirectory(
  target: string,
  display: string,
): Promise<void> {
  const kind = await pathKind(target);
  if (kind === "dir") return;
  throw new SpecfuseError({
    code: "target_not_directory",
    message: `${display} is not a directory`,
    detail: kind === "missing" ? "nothing exists at that path" : "it is not a directory",
    hint: "pass an existing directory, usually the repository root",
  });
}

// Whether anything is at a path, a dangling symlink included (init.md I-INIT-2).
export async function existsInAnyForm(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch {
    return false;
  }
}

// The directory with symlinks resolved, for comparing with git's top level.
export async function realDirectory(dir: string): Promise<string> {
  return realpath(dir);
}

// The nearest ancestor of `dir` (excluding it) that holds a `.specfuse` entry, or null.
export async function findEnclosingScaffold(dir: string): Promise<string | null> {
  let current = path.dirname(dir);
  for (;;) {
    if (await existsInAnyForm(path.join(current, ".specfuse"))) return current;
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

async function readTextIfFile(file: string): Promise<string | null> {
  return (await pathKind(file)) === "file" ? readFile(file, "utf8") : null;
}

// The top-level snapshot stack detection reads (init.md §4.1); never recurses.
export async function readStackSnapshot(dir: string): Promise<StackSnapshot> {
  const names = (await readdir(dir)).sort();
  let makefile: string | null = null;
  for (const name of MAKEFILE_NAMES) {
    if (!names.includes(name)) continue;
    makefile = await readTextIfFile(path.join(dir, name));
    if (makefile !== null) break;
  }
  return {
    names,
    packageJson: await readTextIfFile(path.join(dir, "package.json")),
    pyproject: await readTextIfFile(path.join(dir, "pyproject.toml")),
    makefile,
  };
}

/** The current tree plus the kind of every path that was asked about. */
export interface TargetRead extends CurrentTree {
  kinds: ReadonlyMap<string, PathKind>;
}

// Reads the given target-relative files (bytes) and checks the given directories.
export async function readTarget(
  dir: string,
  files: ReadonlyArray<string>,
  dirs: ReadonlyArray<string>,
): Promise<TargetRead> {
  const bytes = new Map<string, Uint8Array>();
  const kinds = new Map<string, PathKind>();
  for (const rel of files) {
    const abs = path.join(dir, ...rel.split("/"));
    const kind = await pathKind(abs);
    kinds.set(rel, kind);
    if (kind === "file") bytes.set(rel, await readFile(abs));
  }
  const present = new Set<string>();
  for (const rel of dirs) {
    const kind = await pathKind(path.join(dir, ...rel.split("/")));
    kinds.set(rel, kind);
    if (kind === "dir") present.add(rel);
  }
  const specfuse = path.join(dir, ".specfuse");
  const specfuseNames =
    (await pathKind(specfuse)) === "dir" ? (await readdir(specfuse)).sort() : [];
  return { files: bytes, dirs: present, specfuseNames, kinds };
}

async function markdownFiles(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).sort();
  const out: string[] = [];
  for (const name of names) {
    if ((await pathKind(path.join(dir, name))) === "file") out.push(name);
  }
  return out;
}

// Reads what the package ships for the scaffold from `templates/` and `scaffold/` under the package root.
export async function readAssets(packageRoot: string): Promise<ScaffoldAssets> {
  const scaffold = path.join(packageRoot, "scaffold");
  const versioned = new Map<string, string>();
  const templates = path.join(packageRoot, "templates");
  for (const name of await markdownFiles(templates))
    versioned.set(`templates/${name}`, await readFile(path.join(templates, name), "utf8"));
  for (const area of ["rules", "docs"]) {
    for (const name of await markdownFiles(path.join(scaffold, area)))
      versioned.set(
        `${area}/${name}`,
        await readFile(path.join(scaffold, area, name), "utf8"),
      );
  }
  versioned.set(
    "verification.yml.example",
    await readFile(path.join(scaffold, "verification.yml.example"), "utf8"),
  );
  const commands = new Map<string, string>();
  const commandsDir = path.join(scaffold, "claude", "commands");
  for (const name of await markdownFiles(commandsDir))
    commands.set(name, await readFile(path.join(commandsDir, name), "utf8"));
  return {
    versioned,
    commands,
    claudeBlock: await readFile(
      path.join(scaffold, "claude", "rules-block.md"),
      "utf8",
    ),
    learnings: await readFile(path.join(scaffold, "LEARNINGS.md"), "utf8"),
    roadmap: await readFile(path.join(scaffold, "roadmap.md"), "utf8"),
    example: await readExample(path.join(scaffold, "example")),
    workflows: await readWorkflows(path.join(scaffold, "ci", "github")),
  };
}

async function readWorkflows(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of await markdownFiles(dir))
    if (name.endsWith(".yml")) out.set(name, await readFile(path.join(dir, name), "utf8"));
  return out;
}

async function readExample(dir: string): Promise<ExampleAssets> {
  const names = (await readdir(dir)).sort();
  const folder = names.find((n) => /^FEAT-\d{4}-\d{4}-/.test(n));
  if (folder === undefined)
    throw new Error(`no example feature folder in ${dir}`);
  const files = new Map<string, string>();
  for (const name of await markdownFiles(path.join(dir, folder)))
    files.set(name, await readFile(path.join(dir, folder, name), "utf8"));
  return {
    folder,
    featureId: folder.slice(0, "FEAT-0000-0000".length),
    files,
    roadmapRow: await readFile(path.join(dir, "roadmap-row.md"), "utf8"),
    roadmapDetail: await readFile(path.join(dir, "roadmap-detail.md"), "utf8"),
  };
}
