import { configSchemaDocs } from "../schemas/config.js";

/** One configuration key, as the config.yml seed documents it (init.md I-CFG-1). */
export interface ConfigKeyDoc {
  /** Dotted path, e.g. `agent.timeout_minutes`. */
  path: string;
  /** The default, or undefined when the key has none. */
  default?: unknown;
  /** Shown instead of a default for keys that have none. */
  example?: unknown;
  /** One line. */
  description: string;
}

// The config.yml keys as the seed documents them, generated from the config schema itself (init.md I-CFG-1).
export const CONFIG_KEYS: ReadonlyArray<ConfigKeyDoc> = configSchemaDocs()
  .filter((d) => !d.isSection && d.isSeeded)
  .map((d) => ({
    path: d.key,
    ...(d.default !== undefined ? { default: d.default } : {}),
    ...(d.default === undefined && d.examples[0] !== undefined
      ? { example: d.examples[0] }
      : {}),
    description: d.description,
  }));
