import type { VocabularyVerdict } from "../backend.js";

// The effort values of formats.md F-WU-2, which every backend but `command` accepts (AG-VOC-2).
export const EFFORT_VALUES = ["low", "medium", "high", "xhigh", "max"] as const;

const VALID: VocabularyVerdict = { isValid: true };

// A verdict from a test and the wording of what was expected.
export function verdict(isValid: boolean, expected: string): VocabularyVerdict {
  return isValid ? VALID : { isValid: false, expected };
}

// `low` … `max`.
export function validateStandardEffort(effort: string): VocabularyVerdict {
  return verdict(
    (EFFORT_VALUES as readonly string[]).includes(effort),
    EFFORT_VALUES.map((e) => `\`${e}\``).join(", "),
  );
}

// Any non-empty id without whitespace.
export function validateAnyModelId(model: string): VocabularyVerdict {
  return verdict(/^\S+$/.test(model), "a non-empty model id without spaces");
}

// Anything at all: the backend takes no such flag, or passes it through a template.
export function acceptAnything(): VocabularyVerdict {
  return VALID;
}
