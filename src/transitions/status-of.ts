import { parseFrontmatter } from "../yaml/split-frontmatter.js";
import type { Entity } from "./change.js";

// The status a file holds, as the transition's `from`: null when the file does not exist, else the key or its default.
export function statusOf(entity: Entity, text: string | null): string | null {
  if (text === null) return null;
  const fm = parseFrontmatter(text);
  const value = fm.state === "ok" ? fm.data.status : undefined;
  if (typeof value === "string") return value;
  if (value !== undefined && value !== null) return String(value);
  // Absent keys take the defaults of formats.md: a WU is pending, a GATE open.
  return entity === "unit" ? "pending" : entity === "gate" ? "open" : null;
}
