import { isJsonObject } from "./json-lines.js";

const SUMMARY_MAX = 80;

// Collapses whitespace and cuts to a status-line friendly length.
export function squeeze(text: string, max = SUMMARY_MAX): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join("")}…`;
}

// The first non-blank line of a text, squeezed, or null.
export function firstLine(text: string): string | null {
  const line = text.split("\n").find((l) => l.trim() !== "");
  return line === undefined ? null : squeeze(line);
}

const DETAIL_KEYS = [
  "file_path",
  "filePath",
  "absolute_path",
  "path",
  "command",
  "pattern",
  "url",
  "query",
  "description",
];

// `Write src/a.ts`, `Bash npm test`: a tool call in a few words, paths shown relative to cwd.
export function summarizeTool(
  name: string,
  input: unknown,
  cwd: string | null = null,
): string {
  const key = DETAIL_KEYS.find(
    (k) => isJsonObject(input) && typeof input[k] === "string",
  );
  const raw =
    key === undefined
      ? ""
      : ((input as Record<string, string>)[key] ?? "").split("\n")[0];
  const base = cwd === null || cwd === "" ? null : cwd.replace(/\/?$/, "/");
  const detail =
    base !== null && raw?.startsWith(base) ? raw.slice(base.length) : raw;
  return squeeze(
    detail === undefined || detail === "" ? name : `${name} ${detail}`,
  );
}
