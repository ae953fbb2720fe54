import { SpecfuseError } from "../errors/specfuse-error.js";
import { MANIFEST_PATH, parseManifest, type Manifest } from "./manifest.js";
import type { CurrentTree } from "./plan-types.js";
import { readVersionText, type ScaffoldVersion } from "./version.js";

function shown(display: string, rel: string): string {
  return display === "." ? rel : `${display}/${rel}`;
}

// VERSION per I-VER-2: absent or empty is unversioned; anything unreadable is `scaffold_version_invalid` (65).
export function treeVersion(
  head: CurrentTree,
  display: string,
): ScaffoldVersion | null {
  const bytes = head.files.get(".specfuse/VERSION");
  const read = readVersionText(
    bytes === undefined ? null : Buffer.from(bytes).toString("utf8"),
  );
  if (read.kind === "invalid")
    throw new SpecfuseError({
      code: "scaffold_version_invalid",
      message: `.specfuse/VERSION does not hold a version: "${read.line}"`,
      file: shown(display, ".specfuse/VERSION"),
      line: 1,
      excerpt: read.line,
      detail: "expected a version such as 0.4.0, v1.2, 1.0.0-rc.1 or 0.3.1rc1",
      hint: `write the version that created this tree into it, or empty it to upgrade from "unversioned"`,
    });
  return read.kind === "version" ? read.version : null;
}

// The old manifest, or null when absent; unparseable is `scaffold_manifest_invalid` (65).
export function readManifest(
  head: CurrentTree,
  display: string,
): Manifest | null {
  const bytes = head.files.get(MANIFEST_PATH);
  if (bytes === undefined) return null;
  const parsed = parseManifest(Buffer.from(bytes).toString("utf8"));
  if (parsed.ok) return parsed.manifest;
  throw new SpecfuseError({
    code: "scaffold_manifest_invalid",
    message: `${shown(display, MANIFEST_PATH)} cannot be read: ${parsed.reason}`,
    file: shown(display, MANIFEST_PATH),
    detail: "expected a JSON object mapping managed paths to SHA-256 hashes",
    hint: "delete the file and run `specfuse upgrade` again; every file that differs from the shipped version is then kept as locally modified",
  });
}
