import { closestName } from "../config/closest-name.js";
import type { FileDoc } from "./facts.js";
import { isKnownKey, type KeyKind } from "./known-keys.js";

// An unknown key of the map that is a likely misspelling of `key` (`stauts` for `status`), or null.
export function misspelledKey(
  data: Record<string, unknown>,
  key: string,
  kind: KeyKind,
): string | null {
  if (Object.hasOwn(data, key)) return null;
  return (
    Object.keys(data).find(
      (k) => !isKnownKey(kind, k) && closestName(k, [key]) !== null,
    ) ?? null
  );
}

// Why a required key reads as absent, for messages: no frontmatter at all, or a misspelled key; "" otherwise.
export function absentKeyNote(
  doc: FileDoc,
  key: string,
  kind: KeyKind,
): string {
  if (Object.hasOwn(doc.data, key)) return "";
  if (doc.fm.state === "none")
    return ' (the file has no frontmatter: its first line must be "---")';
  const typo = misspelledKey(doc.data, key, kind);
  return typo === null
    ? ""
    : ` (the frontmatter has "${typo}": a misspelling of "${key}"?)`;
}
