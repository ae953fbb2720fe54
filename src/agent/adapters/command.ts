// The `command` backend (agents.md AG-BE-8): any CLI through an argv template, text or JSON-lines output.
import type {
  AgentBackend,
  AgentResult,
  BackendFile,
  BackendInvocation,
  BackendLine,
  BackendPlace,
  BackendReader,
  BackendUnit,
  VocabularyVerdict,
} from "../backend.js";
import { firstLine } from "./activity.js";
import { buildResult } from "./agent-result.js";
import type { CommandBackendSettings } from "./backend-settings.js";
import { expandTemplate } from "./command-template.js";
import { lookupPath } from "./dotted-path.js";
import { envChanges } from "./env-settings.js";
import {
  costValue,
  jsonLines,
  parseJsonLine,
  type Json,
} from "./json-lines.js";
import {
  promptAsArg,
  promptAsFile,
  promptFilePath,
} from "./prompt-delivery.js";
import { RATE_LIMIT_PATTERN } from "./rate-limit.js";
import { acceptAnything, verdict } from "./vocabulary.js";

// Any non-empty effort: the template passes it through.
function validateCommandEffort(effort: string): VocabularyVerdict {
  return verdict(effort !== "", "a non-empty effort");
}

// Whether a JSON line is the terminal event: every field of `terminal` has its value.
export function isCommandTerminal(
  event: Json | null,
  terminal: CommandBackendSettings["terminal"],
): boolean {
  if (event === null || terminal === null) return false;
  return Object.entries(terminal).every(
    ([field, value]) => lookupPath(event, field) === value,
  );
}

// The argv and stdin/files of one invocation (AG-BE-8, AG-PROC-1).
export function commandInvocation(
  settings: CommandBackendSettings,
  unit: BackendUnit,
  prompt: string,
  place: BackendPlace,
): Pick<BackendInvocation, "args" | "stdin" | "files"> {
  const promptFile = promptFilePath(place);
  const args = expandTemplate(settings.args, {
    model: unit.model ?? "",
    effort: unit.effort,
    prompt_file: promptFile,
    cwd: place.cwd,
    unit_id: unit.id,
  });
  const usesFile = settings.args.some((a) => a.includes("{prompt_file}"));
  const fileWrite: BackendFile[] =
    usesFile || settings.prompt === "file"
      ? [promptAsFile(prompt, place).file]
      : [];
  if (settings.prompt === "arg") {
    const delivery = promptAsArg(prompt, place);
    return {
      args: [...args, ...settings.argsExtra, delivery.arg],
      stdin: null,
      files: delivery.files.length > 0 ? delivery.files : fileWrite,
    };
  }
  return {
    args: [...args, ...settings.argsExtra],
    stdin: settings.prompt === "stdin" ? prompt : null,
    files: fileWrite,
  };
}

// A number at a dotted path, when it is a non-negative integer.
function countPath(event: Json, path: string | undefined): number | undefined {
  if (path === undefined) return undefined;
  const value = lookupPath(event, path);
  return typeof value === "number" && Number.isInteger(value) && value >= 0
    ? value
    : undefined;
}

// The usage named by `usage_paths` in the terminal event.
function commandUsage(
  event: Json,
  settings: CommandBackendSettings,
): AgentResult["usage"] {
  const paths = settings.usagePaths;
  const pick = {
    input: countPath(event, paths.input),
    output: countPath(event, paths.output),
    cacheRead: countPath(event, paths.cache_read),
    cacheWrite: countPath(event, paths.cache_write),
    reasoning: countPath(event, paths.reasoning),
  };
  return Object.fromEntries(
    Object.entries(pick).filter(([, v]) => v !== undefined),
  ) as AgentResult["usage"];
}

const stringOf = (value: unknown): string | undefined =>
  typeof value === "string" ? value : undefined;

// Normalizes a `command` run: text output by exit code, jsonl by the configured terminal event and paths.
export function finishCommand(
  settings: CommandBackendSettings,
  stdout: string,
  stderr: string,
  exitCode: number | null,
): AgentResult {
  const pattern =
    settings.rateLimitPattern === null
      ? RATE_LIMIT_PATTERN
      : new RegExp(settings.rateLimitPattern, "i");
  if (settings.output === "text")
    return buildResult({
      finalText: stdout,
      terminal: exitCode === 0 ? "success" : "error",
      exitCode,
      stderr,
      rateLimitPattern: pattern,
    });
  const event = jsonLines(stdout)
    .filter((e) => isCommandTerminal(e, settings.terminal))
    .at(-1);
  if (event === undefined)
    return buildResult({
      finalText: stdout,
      terminal: "none",
      exitCode,
      stderr,
      rateLimitPattern: pattern,
    });
  const isError =
    settings.errorPath !== null &&
    Boolean(lookupPath(event, settings.errorPath));
  const text =
    settings.textPath === null
      ? stdout
      : (stringOf(lookupPath(event, settings.textPath)) ?? "");
  const cost =
    settings.costPath === null
      ? undefined
      : costValue(lookupPath(event, settings.costPath));
  const sessionId =
    settings.sessionPath === null
      ? undefined
      : stringOf(lookupPath(event, settings.sessionPath));
  return buildResult({
    finalText: text,
    terminal: isError ? "error" : "success",
    exitCode,
    stderr,
    usage: commandUsage(event, settings),
    ...(cost !== undefined ? { costUsd: cost } : {}),
    ...(sessionId !== undefined ? { sessionId } : {}),
    errorText: isError ? text : "",
    rateLimitPattern: pattern,
  });
}

// Live reader: jsonl terminal events end the run; every line is activity.
export function createCommandReader(
  settings: CommandBackendSettings,
): BackendReader {
  return {
    push(line): BackendLine {
      if (settings.output === "text")
        return { activity: firstLine(line), isTerminal: false };
      const event = parseJsonLine(line);
      return {
        activity: event === null ? firstLine(line) : null,
        isTerminal: isCommandTerminal(event, settings.terminal),
      };
    },
  };
}

// The command adapter, bound to its settings; its executable has no default (AG-SEL-3).
export function createCommandBackend(
  settings: CommandBackendSettings,
): AgentBackend {
  return {
    name: "command",
    defaultExecutable: settings.executable ?? "",
    validateModel: acceptAnything,
    validateEffort: validateCommandEffort,
    ignoresModel: !settings.args.some((a) => a.includes("{model}")),
    ignoresEffort: !settings.args.some((a) => a.includes("{effort}")),
    reportsTokens:
      Object.keys(settings.usagePaths).length > 0 &&
      settings.output === "jsonl",
    credentialEnv: [],
    buildInvocation(unit, prompt, place): BackendInvocation {
      return {
        file: settings.executable ?? "",
        ...commandInvocation(settings, unit, prompt, place),
        ...envChanges({}, settings),
      };
    },
    createReader: () => createCommandReader(settings),
    finish: (stdout, stderr, exitCode) =>
      finishCommand(settings, stdout, stderr, exitCode),
    probe: { versionArgs: settings.versionArgs, helpArgs: [], flags: [] },
    scratchPaths: [],
  };
}
