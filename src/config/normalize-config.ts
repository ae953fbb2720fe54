import { compileSchema } from "../schemas/ajv.js";
import {
  CONFIG_SCHEMA,
  configSchemaDocs,
  type ConfigKeyDoc,
} from "../schemas/config.js";
import type { AgentConfig, Config, GithubConfig } from "../types/config.js";
import {
  renderEntry,
  type FrontmatterValue,
} from "../yaml/format-yaml-value.js";
import { FLOAT_KEYS } from "../yaml/float-keys.js";
import { parseYaml, type YamlDoc } from "../yaml/parse-yaml.js";
import { yamlError } from "./yaml-error.js";
import {
  ajvPath,
  dottedPath,
  issueError,
  lineAt,
  quoteValue,
  valueAt,
  type SchemaIssue,
} from "./schema-issue.js";
import { closestName } from "./closest-name.js";
import { agentExtensions, agentIssues } from "./normalize-agent.js";
import { normalizeHooks } from "./normalize-hooks.js";

/** A key config.yml sets that the schema does not know (ignored, formats.md F-CFG-2), or a hook `on` matching no event type (AU-HOOK-1). */
export interface ConfigWarning {
  code: "config_unknown_key" | "hook_event_unknown";
  /** Dotted key, e.g. `agent.timout_minutes`. */
  key: string;
  message: string;
  file: string;
  line: number | null;
}

/** A loaded config: every key defaulted, plus warnings for the caller to print. */
export interface ConfigLoad {
  config: Config;
  warnings: ConfigWarning[];
}

// The configuration of a workspace without config.yml (formats.md F-CFG-1 defaults).
export function defaultConfig(): Config {
  return {
    version: 1,
    agent: {
      name: "claude",
      command: null,
      args: null,
      permission_mode: "acceptEdits",
      disallowed_tools: [],
      timeout_minutes: 45,
      inactivity_minutes: 20,
    },
    max_attempts: 3,
    github: { pr: false, issue_sync: true, remote: "origin" },
    hooks: [],
  };
}

// Validates config.yml text (null: no file) and applies every default; throws yaml_error or config_invalid (65) with file:line, the value and an example.
export function normalizeConfig(text: string | null, file: string): ConfigLoad {
  if (text === null) return { config: defaultConfig(), warnings: [] };
  const parsed = parseYaml(text);
  if (!parsed.ok) throw yamlError(file, parsed.issue, "version: 1");
  const root = parsed.yaml.value ?? {};
  if (!isMapping(root))
    throw issueError(
      "config_invalid",
      file,
      text,
      [
        {
          path: [],
          expected: "a mapping of keys to values",
          found: quoteValue(root),
          line: 1,
        },
      ],
      file,
      () => "start from the line `version: 1`, as `specfuse init` writes it",
    );
  const data = withoutNulls(root);
  const hooks = normalizeHooks(data.hooks, parsed.yaml);
  const issues = [...schemaIssues(data, parsed.yaml), ...hooks.issues];
  if (issues.length === 0 && isMapping(data.agent))
    issues.push(...agentIssues(data.agent, parsed.yaml));
  if (issues.length > 0)
    throw issueError("config_invalid", file, text, issues, file, hintFor);
  return {
    config: { ...applyDefaults(data), hooks: hooks.hooks },
    warnings: [
      ...unknownKeys(root, parsed.yaml, file),
      ...hooks.warnings.map((w) => ({ ...w, file })),
    ],
  };
}

function schemaIssues(
  data: Record<string, unknown>,
  yaml: YamlDoc,
): SchemaIssue[] {
  const validate = compileSchema(CONFIG_SCHEMA);
  const issues = new Map<string, SchemaIssue>();
  const add = (path: ReadonlyArray<string | number>) => {
    const key = dottedPath(path);
    if (issues.has(key)) return;
    issues.set(key, {
      path,
      expected: expectedAt(path),
      found: quoteValue(valueAt(data, path)),
      line: lineAt(yaml, path),
    });
  };
  if (!validate(data)) for (const e of validate.errors ?? []) add(ajvPath(e));
  for (const doc of configSchemaDocs()) {
    const value = valueAt(data, doc.path);
    if (typeof value === "number" && !Number.isFinite(value)) add(doc.path);
  }
  return [...issues.values()];
}

function docFor(
  path: ReadonlyArray<string | number>,
): ConfigKeyDoc | undefined {
  const key = path.filter((s) => typeof s === "string").join(".");
  return configSchemaDocs().find((d) => d.key === key);
}

// The documented key at the path, else its nearest documented ancestor (an entry of `agent.prices`, `env`, …).
function nearestDoc(
  path: ReadonlyArray<string | number>,
): ConfigKeyDoc | undefined {
  for (let n = path.length; n > 0; n--) {
    const doc = docFor(path.slice(0, n));
    if (doc !== undefined) return doc;
  }
  return undefined;
}

function expectedAt(path: ReadonlyArray<string | number>): string {
  const doc = docFor(path);
  const outer = doc === undefined ? nearestDoc(path) : undefined;
  if (outer !== undefined && !outer.isSection)
    return `a valid entry of ${outer.key} (${outer.type})`;
  if (doc === undefined) return "a mapping of keys to values";
  if (doc.isSection) return `a mapping of ${doc.key}.* keys`;
  const isItem = typeof path.at(-1) === "number";
  if (isItem)
    return `${doc.type.replace(/^list of (.*)s$/, "a $1")} (in ${doc.key}: ${doc.type})`;
  return finiteType(doc.type);
}

function finiteType(type: string): string {
  return type.startsWith("number") || type.startsWith("integer")
    ? `a finite ${type}`
    : type.startsWith("`")
      ? type.includes(",")
        ? `one of ${type}`
        : type
      : `a ${type}`;
}

// A minimal valid example of the key, nested as it must be written (architecture.md §4.8).
function hintFor(issue: SchemaIssue): string {
  if (issue.hint !== undefined) return issue.hint;
  const doc = nearestDoc(issue.path);
  if (doc === undefined) return "see docs/configuration.md for every key";
  const leaf = doc.isSection
    ? (configSchemaDocs().find(
        (d) =>
          d.path.length === doc.path.length + 1 && d.path[0] === doc.path[0],
      ) ?? doc)
    : doc;
  const value = (leaf.examples[0] ?? leaf.default) as FrontmatterValue;
  const lines = leaf.path.slice(0, -1).map((p, i) => `${"  ".repeat(i)}${p}:`);
  lines.push(
    ...renderEntry(
      leaf.path.at(-1) ?? leaf.key,
      value,
      2 * (leaf.path.length - 1),
      FLOAT_KEYS,
    ),
  );
  return ["write it like this, for example:", ...lines].join("\n");
}

function unknownKeys(
  root: Record<string, unknown>,
  yaml: YamlDoc,
  file: string,
): ConfigWarning[] {
  const warnings: ConfigWarning[] = [];
  const check = (map: Record<string, unknown>, prefix: string[]) => {
    const known = configSchemaDocs()
      .filter(
        (d) =>
          d.path.length === prefix.length + 1 &&
          prefix.every((p, i) => d.path[i] === p),
      )
      .map((d) => d.path.at(-1) ?? "");
    for (const [k, v] of Object.entries(map)) {
      const path = [...prefix, k];
      if (!known.includes(k)) {
        const key = path.join(".");
        const guess = closestName(k, known);
        warnings.push({
          code: "config_unknown_key",
          key,
          file,
          line: lineAt(yaml, path),
          message: `unknown key ${key} in ${file} is ignored${guess === null ? "" : ` (did you mean ${[...prefix, guess].join(".")}?)`}`,
        });
      } else if (isMapping(v) && docFor(path)?.hasKeys === true) {
        check(v, path);
      }
    }
  };
  check(root, []);
  return warnings;
}

function applyDefaults(data: Record<string, unknown>): Config {
  const base = defaultConfig();
  const agent = (
    isMapping(data.agent) ? data.agent : {}
  ) as Partial<AgentConfig>;
  return {
    version: 1,
    agent: {
      name: agent.name ?? base.agent.name,
      command: typeof agent.command === "string" ? agent.command : null,
      args: agent.args == null ? null : [...agent.args],
      permission_mode: agent.permission_mode ?? base.agent.permission_mode,
      disallowed_tools: [...(agent.disallowed_tools ?? [])],
      timeout_minutes: agent.timeout_minutes ?? base.agent.timeout_minutes,
      inactivity_minutes:
        agent.inactivity_minutes ?? base.agent.inactivity_minutes,
      ...agentExtensions(isMapping(data.agent) ? data.agent : {}),
    },
    max_attempts:
      typeof data.max_attempts === "number"
        ? data.max_attempts
        : base.max_attempts,
    github: githubOf(data.github, base.github),
    hooks: [],
  };
}

// Only the schema's keys: unknown ones were warned about and are ignored (F-CFG-2).
function githubOf(raw: unknown, base: GithubConfig): GithubConfig {
  const g = (isMapping(raw) ? raw : {}) as Partial<GithubConfig>;
  return {
    pr: g.pr ?? base.pr,
    issue_sync: g.issue_sync ?? base.issue_sync,
    remote: g.remote ?? base.remote,
  };
}

// An empty value (`key:`) counts as unset, so it takes the default (as an empty WU `model:` does, F-WU-6);
// inside an `env` mapping a null stays: it removes the variable (AG-CFG-1).
function withoutNulls(map: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(map)) {
    if (v === null) continue;
    out[k] = isMapping(v) && k !== "env" ? withoutNulls(v) : v;
  }
  return out;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
