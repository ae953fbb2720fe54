import { parseTemplateElement } from "../agent/adapters/command-template.js";
import {
  BACKEND_NAMES,
  type AgentConfig,
  type BackendConfig,
  type BackendName,
  type ModelPrice,
} from "../types/config.js";
import type { YamlDoc, YamlPath } from "../yaml/parse-yaml.js";
import { lineAt, quoteValue, type SchemaIssue } from "./schema-issue.js";

type Mapping = Record<string, unknown>;

const isMapping = (value: unknown): value is Mapping =>
  typeof value === "object" && value !== null && !Array.isArray(value);

// The schema-valid `agent` mapping's backend blocks, keyed by backend; a mapping `agent.command` is the `command` block (AG-CFG-2).
function backendBlocks(agent: Mapping): Array<[BackendName, Mapping]> {
  return BACKEND_NAMES.flatMap((name): Array<[BackendName, Mapping]> => {
    const block = agent[name];
    return isMapping(block) ? [[name, block]] : [];
  });
}

// `agent.<name>` blocks and `agent.prices` as written, or nothing at all when none is set (so old trees normalize as before).
export function agentExtensions(
  agent: Mapping,
): Pick<AgentConfig, "backends" | "prices"> {
  const blocks = backendBlocks(agent);
  const out: Pick<AgentConfig, "backends" | "prices"> = {};
  if (blocks.length > 0)
    out.backends = Object.fromEntries(
      blocks.map(([name, block]) => [
        name,
        structuredClone(block) as BackendConfig,
      ]),
    );
  if (isMapping(agent.prices))
    out.prices = structuredClone(agent.prices) as Record<string, ModelPrice>;
  return out;
}

// Checks beyond the schema: command templates use known placeholders, rate-limit patterns compile (AG-BE-8).
export function agentIssues(agent: Mapping, yaml: YamlDoc): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const templates: Array<[YamlPath, unknown]> = [
    [["agent", "args"], agent.args],
  ];
  const command = agent.command;
  if (isMapping(command)) {
    templates.push([["agent", "command", "args"], command.args]);
    const pattern = command.rate_limit_pattern;
    if (typeof pattern === "string" && !compiles(pattern)) {
      const path = ["agent", "command", "rate_limit_pattern"];
      issues.push({
        path,
        expected: "a regular expression (JavaScript syntax)",
        found: quoteValue(pattern),
        line: lineAt(yaml, path),
      });
    }
  }
  for (const [path, list] of templates) {
    if (!Array.isArray(list)) continue;
    list.forEach((element, index) => {
      if (typeof element !== "string") return;
      const parse = parseTemplateElement(element);
      if (parse.isValid) return;
      const at = [...path, index];
      issues.push({
        path: at,
        expected:
          "an argument whose braces are {model} {effort} {prompt_file} {cwd} {unit_id}, or {{ }} for literal braces",
        found: `${quoteValue(element)} (${parse.problem})`,
        line: lineAt(yaml, at),
      });
    });
  }
  return issues;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, "i");
    return true;
  } catch {
    return false;
  }
}
