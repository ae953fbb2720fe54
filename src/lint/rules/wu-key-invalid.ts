import { COMMIT_TYPE_PATTERN } from "../../plan/vocabulary.js";
import type { Rule } from "../rule.js";
import { isInteger, isStringOrStringList, show } from "../values.js";

interface KeyCheck {
  key: string;
  isValid(value: unknown, data: Record<string, unknown>): boolean;
  expected: string;
  hint: string;
}

const LISTS = ["produces", "produces_driver_helper", "extra_gates"] as const;

// The author-set keys of formats.md F-WU-2 that the driver validates (driver D-LOAD-4); null reads as absent.
const CHECKS: readonly KeyCheck[] = [
  {
    key: "attempts",
    isValid: (v) => isInteger(v) && v >= 0,
    expected: "an integer ≥ 0",
    hint: 'write "attempts: 0" (the driver maintains it).',
  },
  {
    key: "max_attempts",
    isValid: (v) => isInteger(v) && v >= 1 && v <= 10,
    expected: "an integer from 1 to 10",
    hint: 'write e.g. "max_attempts: 3", or delete the line for the default.',
  },
  {
    key: "timeout_minutes",
    isValid: (v) => typeof v === "number" && Number.isFinite(v) && v > 0,
    expected: "a number of minutes > 0",
    hint: 'write e.g. "timeout_minutes: 45", or delete the line for the default.',
  },
  {
    key: "commit_type",
    isValid: (v) => typeof v === "string" && COMMIT_TYPE_PATTERN.test(v),
    expected:
      "a conventional-commit type such as feat, fix(parser) or refactor!",
    hint: 'write e.g. "commit_type: fix", or delete the line for the type default.',
  },
  {
    key: "unsandboxed",
    isValid: (v, data) =>
      typeof v === "boolean" &&
      (!v ||
        (typeof data.unsandboxed_rationale === "string" &&
          data.unsandboxed_rationale.trim() !== "")),
    expected: "true or false, and true needs a non-blank unsandboxed_rationale",
    hint: 'write "unsandboxed: false", or keep true and add "unsandboxed_rationale: <why the sandbox must be off>".',
  },
  ...LISTS.map((key) => ({
    key,
    isValid: isStringOrStringList,
    expected: "a string or a list of strings",
    hint: `write "${key}: [path/one, path/two]".`,
  })),
];

// Bad values of the keys the driver would refuse at load time (new); does not stop L20/L21.
export const wuKeyInvalid: Rule = {
  code: "wu-key-invalid",
  unit(ctx, unit) {
    const data = unit.doc.data;
    for (const check of CHECKS) {
      const value = data[check.key];
      if (
        !Object.hasOwn(data, check.key) ||
        value === null ||
        check.isValid(value, data)
      )
        continue;
      ctx.report({
        rule: "wu-key-invalid",
        file: unit.file,
        line: unit.doc.keyLine(check.key) ?? 1,
        gate: null,
        message: `${check.key} is ${show(value)}; expected ${check.expected}.`,
        hint: check.hint,
      });
    }
    return undefined;
  },
};
