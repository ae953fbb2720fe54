// The non-claude backends of agents.md §5 by name, for the registry (`src/agent/backends.ts`) to join.
import type { AgentBackend } from "../backend.js";
import { createAiderBackend } from "./aider.js";
import { createAmpBackend } from "./amp.js";
import type { BackendSettingsMap } from "./backend-settings.js";
import { createCodexBackend } from "./codex.js";
import { createCommandBackend } from "./command.js";
import { createCursorBackend } from "./cursor.js";
import { createGeminiBackend } from "./gemini.js";
import { createOpencodeBackend } from "./opencode.js";

/** A backend this module builds: every name but `claude`, whose adapter lives in `claude.ts`. */
export type AdapterBackendName = Exclude<keyof BackendSettingsMap, "claude">;

const FACTORIES: {
  [N in AdapterBackendName]: (settings: BackendSettingsMap[N]) => AgentBackend;
} = {
  codex: createCodexBackend,
  gemini: createGeminiBackend,
  opencode: createOpencodeBackend,
  cursor: createCursorBackend,
  amp: createAmpBackend,
  aider: createAiderBackend,
  command: createCommandBackend,
};

// The names `createBackend` knows, in the order of AG-SEL-1.
export const ADAPTER_BACKEND_NAMES = Object.keys(
  FACTORIES,
) as AdapterBackendName[];

// The adapter of one backend, bound to its resolved settings (see `resolveBackendSettings`).
export function createBackend<N extends AdapterBackendName>(
  name: N,
  settings: BackendSettingsMap[N],
): AgentBackend {
  return FACTORIES[name](settings);
}
