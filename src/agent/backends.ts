import { SpecfuseError } from "../errors/specfuse-error.js";
import type { Config } from "../types/config.js";
import type {
  AgentBackend,
  BackendSettings,
  VocabularyVerdict,
} from "./backend.js";
import { createClaudeBackend } from "./adapters/claude.js";

// The backend every unit uses unless it or the run names another (agents.md AG-SEL-2).
export const DEFAULT_BACKEND = "claude";

const FACTORIES: Readonly<
  Record<string, (settings: BackendSettings) => AgentBackend>
> = {
  claude: createClaudeBackend,
};

const NO_SETTINGS: BackendSettings = {
  executable: null,
  permissionMode: "acceptEdits",
  disallowedTools: [],
};

// The settings config.yml gives a backend (formats.md F-CFG-1), with the resolved executable (null before resolution).
export function backendSettings(
  config: Pick<Config, "agent">,
  executable: string | null,
): BackendSettings {
  return {
    executable,
    permissionMode: config.agent.permission_mode,
    disallowedTools: config.agent.disallowed_tools,
  };
}

// Whether a backend of this name ships in this version.
export function isBackendName(name: string): boolean {
  return Object.hasOwn(FACTORIES, name);
}

// The backend of this name, bound to its settings, or 64 agent_unavailable (driver D-DISP-8, agents.md AG-SEL-1).
export function getBackend(
  name: string,
  settings: BackendSettings,
): AgentBackend {
  const factory = Object.hasOwn(FACTORIES, name) ? FACTORIES[name] : undefined;
  if (factory === undefined) {
    throw new SpecfuseError({
      code: "agent_unavailable",
      message: `agent adapter "${name}" is not available in this version`,
      hint: "only the claude adapter ships; use `--agent claude` or set agent.name: claude in .specfuse/config.yml",
    });
  }
  return factory(settings);
}

/** What lint and the load check ask a backend about a unit's `model` and `effort` (AG-VOC-1). */
export interface BackendVocabulary {
  name: string;
  validateModel(model: string): VocabularyVerdict;
  validateEffort(effort: string): VocabularyVerdict;
}

// Backends are pure and their vocabulary never changes, so lint asks one instance per name.
const VOCABULARIES = new Map<string, BackendVocabulary>();

// The vocabulary of the backend a unit names; an unknown or absent name falls back to claude (lint reports names elsewhere).
export function backendVocabulary(
  name: string | null | undefined,
): BackendVocabulary {
  const known =
    typeof name === "string" && isBackendName(name) ? name : DEFAULT_BACKEND;
  let vocabulary = VOCABULARIES.get(known);
  if (vocabulary === undefined) {
    vocabulary = getBackend(known, NO_SETTINGS);
    VOCABULARIES.set(known, vocabulary);
  }
  return vocabulary;
}
