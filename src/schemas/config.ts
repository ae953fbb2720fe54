import { BACKEND_NAMES } from "../types/config.js";
import {
  AGENT_BACKEND_PROPERTIES,
  AGENT_COMMAND_SCHEMA,
} from "./agent-backends.js";

// JSON Schema (draft-07) of config.yml (formats.md §8), the one source for validation, defaults, init's config.yml and the docs; ajv ignores the x-* wording.
export const CONFIG_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://specfuse.dev/schemas/config-1.json",
  title: "specfuse .specfuse/config.yml",
  type: "object",
  properties: {
    version: {
      const: 1,
      default: 1,
      "x-type": "`1`",
      description: "Schema version; any other value is invalid.",
    },
    agent: {
      type: "object",
      description: "The coding agent the driver runs, and its limits.",
      properties: {
        name: {
          enum: BACKEND_NAMES,
          default: "claude",
          description:
            "The adapter. Only claude ships for now; the other names exit 64 agent_unavailable.",
        },
        command: AGENT_COMMAND_SCHEMA,
        args: {
          type: "array",
          items: { type: "string" },
          examples: [["--model", "{model}", "--effort", "{effort}"]],
          "x-default": "—",
          description:
            "command adapter only: argument templates using {model} and {effort}; the prompt goes on stdin.",
        },
        permission_mode: {
          type: "string",
          minLength: 1,
          default: "acceptEdits",
          description: "Passed to the agent as --permission-mode.",
        },
        disallowed_tools: {
          type: "array",
          items: { type: "string", minLength: 1 },
          default: [],
          examples: [["Bash(rm -rf:*)", "WebFetch"]],
          description:
            "Tool rules denied to the agent, added to the built-in git write rules (which stay).",
        },
        timeout_minutes: {
          type: "number",
          exclusiveMinimum: 0,
          default: 45,
          description:
            "Wall-clock limit per attempt; a unit's timeout_minutes wins, then --timeout-minutes.",
        },
        inactivity_minutes: {
          type: "number",
          minimum: 0,
          default: 20,
          description:
            "Stop an attempt after this long with no agent output; 0 turns the limit off.",
        },
        ...AGENT_BACKEND_PROPERTIES,
      },
    },
    max_attempts: {
      type: "integer",
      minimum: 1,
      maximum: 10,
      default: 3,
      description:
        "Attempts per dispatch cycle; a unit's max_attempts wins, then --max-attempts.",
    },
    github: {
      type: "object",
      description: "GitHub through the gh CLI (docs/github.md).",
      properties: {
        pr: {
          type: "boolean",
          default: false,
          description:
            "Open or update the feature's pull request when a run completes the feature, as --open-pr does.",
        },
        issue_sync: {
          type: "boolean",
          default: true,
          description:
            "Move state:* labels on the feature's source issue as it runs.",
        },
        remote: {
          type: "string",
          minLength: 1,
          default: "origin",
          description:
            "The git remote specfuse pushes to and reads the GitHub repository from.",
        },
      },
    },
    hooks: {
      default: [],
      "x-type": "list of hooks",
      description:
        "Commands and webhooks told about events: name, on, run or webhook, format, secret_env, timeout_seconds, preset.",
    },
  },
} as const;

/** One key of config.yml as people read it (init.md I-CFG-1, docs/configuration.md). */
export interface ConfigKeyDoc {
  /** Dotted key, e.g. `agent.timeout_minutes`. */
  key: string;
  path: string[];
  /** 0 for top-level keys. */
  depth: number;
  /** A section (a mapping of further keys) rather than a value. */
  isSection: boolean;
  /** Has documented keys below it (a section, or a value that may also be a mapping, like `agent.command`). */
  hasKeys: boolean;
  /** Written (commented out) into init's config.yml seed; false for the backend blocks and `agent.prices`. */
  isSeeded: boolean;
  /** Human type, e.g. `integer 1–10`. */
  type: string;
  /** The default as a value, or undefined when there is none. */
  default: unknown;
  /** The default as documented, e.g. `45`, `adapter default (\`claude\`)`, `—`. */
  defaultText: string;
  /** The value `init` writes (commented out): the default, else the first example. */
  example: unknown;
  /** Illustrative values from the schema (used in error hints). */
  examples: unknown[];
  description: string;
}

interface SchemaNode {
  type?: string;
  const?: unknown;
  enum?: readonly unknown[];
  default?: unknown;
  examples?: readonly unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  description?: string;
  "x-type"?: string;
  "x-default"?: string;
  "x-seed"?: boolean;
}

// Every config key in schema order, sections before their keys, with its type, default and description.
export function configSchemaDocs(): ConfigKeyDoc[] {
  const docs: ConfigKeyDoc[] = [];
  const walk = (
    props: Record<string, SchemaNode>,
    prefix: string[],
    isParentSeeded: boolean,
  ) => {
    for (const [name, node] of Object.entries(props)) {
      const path = [...prefix, name];
      const hasKeys = node.properties !== undefined;
      const isSection = hasKeys && node["x-type"] === undefined;
      const isSeeded = isParentSeeded && node["x-seed"] !== false;
      docs.push({
        key: path.join("."),
        path,
        depth: prefix.length,
        isSection,
        hasKeys,
        isSeeded,
        type: isSection ? "mapping" : typeText(node),
        default: node.default,
        defaultText: node["x-default"] ?? defaultText(node.default),
        example: node.default ?? node.examples?.[0],
        examples: [...(node.examples ?? [])],
        description: node.description ?? "",
      });
      if (node.properties !== undefined) walk(node.properties, path, isSeeded);
    }
  };
  walk(
    CONFIG_SCHEMA.properties as unknown as Record<string, SchemaNode>,
    [],
    true,
  );
  return docs;
}

// The documentation of one key by its dotted name, or undefined.
export function configKeyDoc(key: string): ConfigKeyDoc | undefined {
  return configSchemaDocs().find((d) => d.key === key);
}

// A schema node's type in words, e.g. `number > 0`, `list of strings`, `` `claude`, `codex` ``.
function typeText(node: SchemaNode): string {
  if (node["x-type"] !== undefined) return node["x-type"];
  if (node.enum !== undefined)
    return node.enum.map((v) => `\`${String(v)}\``).join(", ");
  if (node.type === "array")
    return `list of ${node.items === undefined ? "values" : `${typeText(node.items)}s`}`;
  const base = node.type ?? "value";
  if (node.minimum !== undefined && node.maximum !== undefined)
    return `${base} ${node.minimum}–${node.maximum}`;
  if (node.exclusiveMinimum !== undefined)
    return `${base} > ${node.exclusiveMinimum}`;
  if (node.minimum !== undefined) return `${base} ≥ ${node.minimum}`;
  return base;
}

function defaultText(value: unknown): string {
  if (value === undefined) return "—";
  if (typeof value === "string") return `\`${value}\``;
  return `\`${JSON.stringify(value)}\``;
}
