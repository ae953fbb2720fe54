import { createHash } from "node:crypto";

/** Managed path (relative to `.specfuse/`, `/` separators) → lowercase hex SHA-256 of the shipped bytes. */
export type Manifest = ReadonlyMap<string, string>;

/** The outcome of reading `.scaffold-manifest`. */
export type ManifestRead =
  | { ok: true; manifest: Manifest }
  | { ok: false; reason: string };

// The manifest file, relative to the target directory.
export const MANIFEST_PATH = ".specfuse/.scaffold-manifest";

// Lowercase hex SHA-256 of some bytes or UTF-8 text.
export function sha256Hex(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

// The manifest text in the reference format (I-MAN-1): sorted keys, 2-space indent, final newline.
export function renderManifest(entries: Manifest): string {
  const sorted = [...entries.keys()].sort(codePointOrder);
  const object: Record<string, string> = {};
  for (const key of sorted) object[key] = entries.get(key) as string;
  return `${JSON.stringify(object, null, 2)}\n`;
}

// Parses manifest text; anything but a JSON object of string values is invalid.
export function parseManifest(text: string): ManifestRead {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${describe(error)})` };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, reason: "the root is not a JSON object" };
  }
  const manifest = new Map<string, string>();
  for (const [key, hash] of Object.entries(value)) {
    if (typeof hash !== "string") {
      return {
        ok: false,
        reason: `the value of "${key}" is not a string`,
      };
    }
    manifest.set(key, hash.toLowerCase());
  }
  return { ok: true, manifest };
}

// The target-relative path of a manifest key (`rules/x.md` → `.specfuse/rules/x.md`), or null when it leaves the managed areas.
export function targetPathOfKey(key: string): string | null {
  if (key.includes("\\") || key.startsWith("/") || key === "") return null;
  const command = /^\.\.\/\.claude\/commands\/([^/]+\.md)$/.exec(key);
  if (command !== null) return `.claude/commands/${command[1] ?? ""}`;
  const workflow = /^\.\.\/\.github\/workflows\/([^/]+\.ya?ml)$/.exec(key);
  if (workflow !== null) return `.github/workflows/${workflow[1] ?? ""}`;
  const parts = key.split("/");
  if (parts.some((p) => p === ".." || p === "." || p === "")) return null;
  return `.specfuse/${key}`;
}

// The manifest key of a target-relative path (the inverse of targetPathOfKey).
export function keyOfTargetPath(targetPath: string): string {
  return targetPath.startsWith(".specfuse/")
    ? targetPath.slice(".specfuse/".length)
    : `../${targetPath}`;
}

// Plain code-point order, the order of every sorted list the scaffold prints or writes.
export function codePointOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
