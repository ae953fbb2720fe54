import type { CommonBackendSettings } from "./backend-settings.js";

/** The `env` block split into what the invocation sets and what it removes (AG-PROC-2). */
export interface EnvChanges {
  env: Record<string, string>;
  envRemove: string[];
}

// `agent.<name>.env` over the adapter's own variables: a string sets, null removes (AG-CFG-1);
// `pinned` variables carry a deny mechanism, so the user's env cannot replace them.
export function envChanges(
  own: Record<string, string>,
  settings: Pick<CommonBackendSettings, "env">,
  pinned: Record<string, string> = {},
): EnvChanges {
  const env: Record<string, string> = { ...own };
  const envRemove = new Set<string>();
  for (const [name, value] of Object.entries(settings.env)) {
    if (Object.hasOwn(pinned, name)) continue;
    if (value === null) {
      delete env[name];
      envRemove.add(name);
    } else {
      env[name] = value;
      envRemove.delete(name);
    }
  }
  return { env: { ...env, ...pinned }, envRemove: [...envRemove] };
}
