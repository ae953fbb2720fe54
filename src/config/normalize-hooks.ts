import { createHash } from "node:crypto";
import {
  HOOK_EVENT_TYPES,
  isKnownPattern,
  NOTIFY_EVENT_TYPES,
} from "../hooks/match-hooks.js";
import type { HookConfig } from "../types/config.js";
import type { YamlDoc, YamlPath } from "../yaml/parse-yaml.js";
import { closestName } from "./closest-name.js";
import { lineAt, quoteValue, type SchemaIssue } from "./schema-issue.js";

/** A hook problem that is only worth a warning (AU-HOOK-1: an `on` matching no event type; unknown keys). */
export interface HookWarning {
  code: "config_unknown_key" | "hook_event_unknown";
  key: string;
  message: string;
  line: number | null;
}

/** The `hooks:` list after validation. */
export interface HooksLoad {
  hooks: HookConfig[];
  issues: SchemaIssue[];
  warnings: HookWarning[];
}

const KEYS = [
  "name",
  "on",
  "run",
  "webhook",
  "format",
  "secret_env",
  "timeout_seconds",
  "preset",
];
const NAME = /^[a-z0-9_-]+$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PATTERN = /^[a-z0-9_*]+$/;
const VARIABLE = /\$\{([^}]*)\}/g;
const FORMATS = ["json", "slack", "discord"] as const;
const EXAMPLE = [
  "hooks:",
  "  - name: team-chat",
  "    preset: notify",
  "    webhook: ${SLACK_WEBHOOK_URL}",
  "    format: slack",
].join("\n");

// The variables a webhook value reads (`${NAME}`), in order.
export function urlVariables(value: string): string[] {
  return [...value.matchAll(VARIABLE)].map((m) => m[1] ?? "");
}

// Whether text is an http(s) URL with a host.
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (
      (url.protocol === "http:" || url.protocol === "https:") && url.host !== ""
    );
  } catch {
    return false;
  }
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null)
    return `{${Object.keys(value)
      .sort()
      .map(
        (k) =>
          `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`,
      )
      .join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

// The default name: `h-` + 8 hex of the SHA-256 of the entry (keys sorted), stable while the entry is unchanged.
export function defaultHookName(entry: Record<string, unknown>): string {
  return `h-${createHash("sha256").update(canonical(entry)).digest("hex").slice(0, 8)}`;
}

interface EntryContext {
  index: number;
  entry: Record<string, unknown>;
  yaml: YamlDoc | null;
  issues: SchemaIssue[];
  warnings: HookWarning[];
}

function issue(
  c: EntryContext,
  key: string | null,
  expected: string,
  hint: string,
): void {
  const path: YamlPath =
    key === null ? ["hooks", c.index] : ["hooks", c.index, key];
  c.issues.push({
    path,
    expected,
    found: quoteValue(key === null ? c.entry : c.entry[key]),
    line: lineAt(c.yaml, path),
    hint,
  });
}

function readOn(c: EntryContext, isPreset: boolean): string[] {
  const raw = c.entry.on;
  if (raw === undefined || raw === null) {
    if (!isPreset)
      issue(
        c,
        "on",
        "the event types to deliver (a list, or one type)",
        "write e.g. `on: [human_escalation, gate_reached]`, or `preset: notify`",
      );
    return isPreset ? [...NOTIFY_EVENT_TYPES] : [];
  }
  const list = Array.isArray(raw) ? raw : [raw];
  if (
    list.length === 0 ||
    !list.every((p) => typeof p === "string" && PATTERN.test(p))
  ) {
    issue(
      c,
      "on",
      "event types or `*` globs, such as task_completed or task_*",
      "write e.g. `on: [task_completed, human_escalation]`",
    );
    return [];
  }
  for (const p of list as string[])
    if (!isKnownPattern(p)) {
      const guess = closestName(p, HOOK_EVENT_TYPES);
      c.warnings.push({
        code: "hook_event_unknown",
        key: `hooks[${c.index}].on`,
        line: lineAt(c.yaml, ["hooks", c.index, "on"]),
        message: `hooks[${c.index}].on: "${p}" matches no event type, so the hook never runs${guess === null ? "" : ` (did you mean ${guess}?)`}`,
      });
    }
  return list as string[];
}

function readTarget(c: EntryContext): {
  run: string | null;
  webhook: string | null;
} {
  const { run, webhook } = c.entry;
  const isRun = run !== undefined && run !== null;
  const isHook = webhook !== undefined && webhook !== null;
  if (isRun === isHook) {
    issue(
      c,
      isRun ? "webhook" : null,
      "exactly one of `run` (a command) or `webhook` (a URL)",
      EXAMPLE,
    );
    return { run: null, webhook: null };
  }
  if (isRun) {
    if (typeof run === "string" && run.trim() !== "")
      return { run, webhook: null };
    issue(
      c,
      "run",
      "a non-empty shell command",
      "write e.g. `run: ./scripts/on-event.sh`",
    );
    return { run: null, webhook: null };
  }
  if (typeof webhook !== "string" || webhook.trim() === "") {
    issue(
      c,
      "webhook",
      "an http(s) URL, or ${NAME} to read it from the environment",
      EXAMPLE,
    );
    return { run: null, webhook: null };
  }
  const names = urlVariables(webhook);
  const bad = names.find((n) => !ENV_NAME.test(n));
  if (bad !== undefined)
    issue(
      c,
      "webhook",
      "`${NAME}` with a variable name of letters, digits and _",
      "write e.g. `webhook: ${SLACK_WEBHOOK_URL}`",
    );
  else if (names.length === 0 && !isHttpUrl(webhook))
    issue(
      c,
      "webhook",
      "an http(s) URL, or ${NAME} to read it from the environment",
      "write e.g. `webhook: https://example.com/hooks/specfuse`, or keep the URL out of git with `webhook: ${MY_HOOK_URL}`",
    );
  return { run: null, webhook };
}

function readOptions(
  c: EntryContext,
  isWebhook: boolean,
): Pick<HookConfig, "format" | "secret_env" | "timeout_seconds"> {
  const { format, secret_env: secret, timeout_seconds: timeout } = c.entry;
  if (
    format !== undefined &&
    format !== null &&
    (!isWebhook || !(FORMATS as readonly unknown[]).includes(format))
  )
    issue(
      c,
      "format",
      isWebhook
        ? "one of json, slack, discord"
        : "no format: a command gets the event line on stdin",
      "write `format: slack` (or discord, or json) on a webhook",
    );
  if (
    secret !== undefined &&
    secret !== null &&
    (!isWebhook || typeof secret !== "string" || !ENV_NAME.test(secret))
  )
    issue(
      c,
      "secret_env",
      isWebhook
        ? "the name of an environment variable"
        : "no secret_env: only webhooks are signed",
      "write e.g. `secret_env: SPECFUSE_HOOK_SECRET` (the variable holds the key)",
    );
  const isTimeout =
    typeof timeout === "number" &&
    Number.isFinite(timeout) &&
    timeout > 0 &&
    timeout <= 600;
  if (timeout !== undefined && timeout !== null && !isTimeout)
    issue(
      c,
      "timeout_seconds",
      "a number of seconds in (0, 600]",
      "write e.g. `timeout_seconds: 30`",
    );
  return {
    format:
      typeof format === "string" &&
      (FORMATS as readonly string[]).includes(format)
        ? (format as HookConfig["format"])
        : "json",
    secret_env: typeof secret === "string" && isWebhook ? secret : null,
    timeout_seconds: isTimeout ? timeout : 30,
  };
}

function readEntry(
  c: EntryContext,
  names: Map<string, number>,
): HookConfig | null {
  for (const key of Object.keys(c.entry))
    if (!KEYS.includes(key)) {
      const guess = closestName(key, KEYS);
      c.warnings.push({
        code: "config_unknown_key",
        key: `hooks[${c.index}].${key}`,
        line: lineAt(c.yaml, ["hooks", c.index, key]),
        message: `unknown key hooks[${c.index}].${key} is ignored${guess === null ? "" : ` (did you mean ${guess}?)`}`,
      });
    }
  const before = c.issues.length;
  const preset = c.entry.preset;
  if (preset !== undefined && preset !== null && preset !== "notify")
    issue(
      c,
      "preset",
      "notify (the only preset)",
      "write `preset: notify`, or delete the line and list `on` yourself",
    );
  const name = c.entry.name ?? defaultHookName(c.entry);
  if (typeof name !== "string" || !NAME.test(name))
    issue(
      c,
      "name",
      "a name of lower-case letters, digits, _ and -",
      "write e.g. `name: team-chat`",
    );
  else if (names.has(name))
    issue(
      c,
      "name",
      `a name not already used (hooks[${names.get(name) ?? 0}] has it)`,
      "give each hook its own name",
    );
  else names.set(name, c.index);
  const on = readOn(c, preset !== undefined && preset !== null);
  const target = readTarget(c);
  const options = readOptions(c, target.webhook !== null);
  if (c.issues.length > before) return null;
  return {
    name: name as string,
    on,
    ...target,
    ...options,
    preset: preset === "notify" ? "notify" : null,
    line: lineAt(c.yaml, ["hooks", c.index]),
  };
}

// Validates config.yml `hooks:` (audit.md AU-HOOK-1): bad shapes are issues (65 config_invalid at their line), an `on` matching no event type a warning; pure.
export function normalizeHooks(
  value: unknown,
  yaml: YamlDoc | null,
): HooksLoad {
  const load: HooksLoad = { hooks: [], issues: [], warnings: [] };
  if (value === undefined || value === null) return load;
  if (!Array.isArray(value)) {
    load.issues.push({
      path: ["hooks"],
      expected: "a list of hooks",
      found: quoteValue(value),
      line: lineAt(yaml, ["hooks"]),
      hint: EXAMPLE,
    });
    return load;
  }
  const names = new Map<string, number>();
  value.forEach((entry: unknown, index) => {
    const c: EntryContext = {
      index,
      entry: {},
      yaml,
      issues: load.issues,
      warnings: load.warnings,
    };
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      load.issues.push({
        path: ["hooks", index],
        expected: "a mapping with `run` or `webhook`",
        found: quoteValue(entry),
        line: lineAt(yaml, ["hooks", index]),
        hint: EXAMPLE,
      });
      return;
    }
    c.entry = entry as Record<string, unknown>;
    const hook = readEntry(c, names);
    if (hook !== null) load.hooks.push(hook);
  });
  return load;
}
