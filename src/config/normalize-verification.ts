import { compileSchema } from "../schemas/ajv.js";
import {
  SET_NAME_PATTERN,
  VERIFICATION_SCHEMA,
} from "../schemas/verification.js";
import type { Verification, VerificationCheck } from "../types/config.js";
import { parseYaml, type YamlDoc } from "../yaml/parse-yaml.js";
import {
  ajvPath,
  dottedPath,
  issueError,
  lineAt,
  quoteValue,
  valueAt,
  type SchemaIssue,
} from "./schema-issue.js";
import { yamlError } from "./yaml-error.js";

// The timeout of a check that sets none (formats.md F-VER-2).
export const DEFAULT_CHECK_TIMEOUT_SECONDS = 900;

const EXAMPLE = `code:\n  - name: tests\n    command: "npm test"\n    timeout_seconds: 600`;

// Validates verification.yml text from anywhere (working tree or the pre-attempt HEAD blob, F-VER-6); null = no file = {}; throws yaml_error or verification_invalid.
export function normalizeVerification(
  text: string | null,
  file: string,
): Verification {
  if (text === null) return { cost_tracking: true, sets: new Map() };
  const parsed = parseYaml(text);
  if (!parsed.ok) throw yamlError(file, parsed.issue, EXAMPLE);
  const root = parsed.yaml.value ?? {};
  const issues = schemaIssues(root, parsed.yaml);
  if (issues.length > 0)
    throw issueError("verification_invalid", file, text, issues, file, hintFor);
  const data = root as Record<string, unknown>;
  const sets = new Map<string, VerificationCheck[]>();
  for (const [name, value] of Object.entries(data)) {
    if (name === "cost_tracking") continue;
    const entries = (value ?? []) as Array<Record<string, unknown>>;
    sets.set(
      name,
      entries.map((e) => ({
        name: e.name as string,
        command: e.command as string,
        timeout_seconds:
          typeof e.timeout_seconds === "number"
            ? e.timeout_seconds
            : DEFAULT_CHECK_TIMEOUT_SECONDS,
      })),
    );
  }
  return { cost_tracking: data.cost_tracking !== false, sets };
}

function schemaIssues(root: unknown, yaml: YamlDoc): SchemaIssue[] {
  const issue = (
    path: ReadonlyArray<string | number>,
    expected: string,
  ): SchemaIssue => ({
    path,
    expected,
    found: quoteValue(path.length === 0 ? root : valueAt(root, path)),
    line: path.length === 0 ? 1 : lineAt(yaml, path),
  });
  if (typeof root !== "object" || root === null || Array.isArray(root))
    return [issue([], "a mapping of set names to lists of checks")];
  const validate = compileSchema(VERIFICATION_SCHEMA);
  const found = new Map<string, SchemaIssue>();
  const add = (i: SchemaIssue) => {
    const key = dottedPath(i.path);
    if (!found.has(key)) found.set(key, i);
  };
  if (!validate(root))
    for (const e of validate.errors ?? []) {
      const path = ajvPath(e);
      add(issue(path, expectedAt(path, e.keyword)));
    }
  for (const [set, value] of Object.entries(root)) {
    if (set === "cost_tracking" || !Array.isArray(value)) continue;
    const seen = new Set<string>();
    value.forEach((entry: unknown, i) => {
      const name = (entry as Record<string, unknown> | null)?.name;
      const timeout = (entry as Record<string, unknown> | null)
        ?.timeout_seconds;
      if (typeof timeout === "number" && !Number.isFinite(timeout))
        add(
          issue([set, i, "timeout_seconds"], "a finite number > 0 (seconds)"),
        );
      if (typeof name !== "string" || name === "") return;
      if (seen.has(name))
        add(issue([set, i, "name"], `a name not used before in ${set}`));
      seen.add(name);
    });
  }
  return [...found.values()];
}

function expectedAt(
  path: ReadonlyArray<string | number>,
  keyword: string,
): string {
  const [set, index, field] = path;
  if (path.length === 1 && keyword === "additionalProperties")
    return `a set name matching ${SET_NAME_PATTERN.source}`;
  if (path.length === 1) return `a list of checks under ${String(set)}`;
  if (path.length === 2) return `a check: a mapping with name and command`;
  if (field === "name") return "a non-empty string naming the check";
  if (field === "command") return "a non-empty string, the shell command";
  if (field === "timeout_seconds") return "a number > 0 (seconds)";
  return `a valid value in ${String(set)}[${String(index)}]`;
}

function hintFor(issue: SchemaIssue): string {
  if (issue.path.length === 1 && issue.expected.startsWith("a set name"))
    return "rename the set to letters, digits, `_` and `-` (not starting with a digit), e.g. `integration_tests`";
  return ["write each check like this:", ...EXAMPLE.split("\n")].join("\n");
}
