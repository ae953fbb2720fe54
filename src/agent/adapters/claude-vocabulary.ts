import { EFFORTS } from "../../plan/vocabulary.js";
import type { VocabularyVerdict } from "../backend.js";

// Model names Claude Code accepts besides full `claude-…` ids (formats.md F-WU-2, agents.md AG-BE-1).
export const MODEL_ALIASES = ["sonnet", "opus", "haiku"] as const;
// A full Claude model id (F-WU-2).
export const MODEL_ID_PATTERN = /^claude-[\p{L}\p{N}_][\p{L}\p{N}_.-]*$/u;
// The same test for ASCII text, where \p{L}\p{N} is A-Za-z0-9: no Unicode tables to compile in the common case.
const MODEL_ID_ASCII = /^claude-[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const ASCII = /^[\x00-\x7F]*$/;

const MODEL_EXPECTED = "sonnet, opus, haiku or a claude-… model id";

// Whether Claude Code takes this model value (lint wu-model, agents.md AG-VOC-1).
export function validateClaudeModel(model: string): VocabularyVerdict {
  return isValidClaudeModel(model)
    ? { isValid: true }
    : { isValid: false, expected: MODEL_EXPECTED };
}

// Whether Claude Code takes this `--effort` value (lint wu-effort, driver D-LOAD-4).
export function validateClaudeEffort(effort: string): VocabularyVerdict {
  return (EFFORTS as readonly string[]).includes(effort)
    ? { isValid: true }
    : { isValid: false, expected: `one of ${EFFORTS.join(", ")}` };
}

// Whether a value is a Claude model (F-WU-2; non-strings fail), cheaply for ASCII text.
export function isValidClaudeModel(value: unknown): boolean {
  return (
    typeof value === "string" &&
    ((MODEL_ALIASES as readonly string[]).includes(value) ||
      (ASCII.test(value)
        ? MODEL_ID_ASCII.test(value)
        : MODEL_ID_PATTERN.test(value)))
  );
}
