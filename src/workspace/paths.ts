import path from "node:path";

// Only these make normalization change a path: `\`, `//`, a `.` segment, a trailing `/`.
const NEEDS_NORMALIZING = /\\|\/\/|(?:^|\/)\.(?:\/|$)|\/$/;

// Normalizes a display path (lint.md L-CLI-2): `/` separators, no trailing `/`, `//` collapsed, `.` dropped, `..` kept.
export function normalizeDisplayPath(p: string): string {
  if (p !== "" && !NEEDS_NORMALIZING.test(p)) return p;
  const isAbsolute = p.startsWith("/");
  const parts: string[] = [];
  for (const part of p.replace(/\\/g, "/").split("/")) {
    if (part === "" || part === ".") continue;
    parts.push(part);
  }
  const joined = parts.join("/");
  if (isAbsolute) return `/${joined}`;
  return joined === "" ? "." : joined;
}

// Joins a display dir and a relative file the way diagnostics name files (L-IN-2).
export function joinDisplay(dir: string, file: string): string {
  if (isAbsolutePath(file)) return normalizeDisplayPath(file);
  return normalizeDisplayPath(dir === "." ? file : `${dir}/${file}`);
}

// Whether a path is absolute on any platform (`/…`, `\…`, `X:…`), as path-escape defines it.
export function isAbsolutePath(p: string): boolean {
  return p.startsWith("/") || p.startsWith("\\") || /^[A-Za-z]:/.test(p);
}

// Whether a relative path leaves its folder (normalizes to `..` or `../…`), as path-escape defines it.
export function escapesFolder(p: string): boolean {
  if (isAbsolutePath(p)) return true;
  const n = path.posix.normalize(p.replace(/\\/g, "/"));
  return n === ".." || n.startsWith("../");
}

// A path relative to `from`, with `/` separators, for printing (cli.md C-OUT-4).
export function relativeForDisplay(from: string, to: string): string {
  const rel = path.relative(from, to).split(path.sep).join("/");
  return rel === "" ? "." : rel;
}

// Repo-relative POSIX form of an absolute path inside the root.
export function toRepoRelative(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join("/");
}
