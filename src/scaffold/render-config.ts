import type { ConfigKeyDoc } from "./config-keys.js";
import { yamlValue } from "./yaml-scalar.js";

const COMMENT_COLUMN = 34;

// The config.yml seed (I-CFG-1): `version: 1` active, every other key commented out at its default, nested as written.
export function renderConfigSeed(keys: ReadonlyArray<ConfigKeyDoc>): string {
  const lines = [
    "# config.yml: settings for specfuse itself. Every key is optional; a key",
    "# that is absent takes the default shown here. To change a value, uncomment",
    "# its line (and its parent line, such as `agent:`). Seeded by `specfuse init`;",
    "# `specfuse upgrade` never changes this file.",
  ];
  const emittedParents = new Set<string>();
  let previousTop: string | null = null;
  for (const key of keys) {
    const parts = key.path.split(".");
    const top = parts[0] ?? key.path;
    if (top !== previousTop) lines.push("");
    previousTop = top;
    const isVersion = key.path === "version";
    for (let depth = 0; depth < parts.length - 1; depth++) {
      const parent = parts.slice(0, depth + 1).join(".");
      if (emittedParents.has(parent)) continue;
      emittedParents.add(parent);
      lines.push(`# ${"  ".repeat(depth)}${parts[depth] ?? ""}:`);
    }
    const indent = "  ".repeat(parts.length - 1);
    const value = key.default !== undefined ? key.default : key.example;
    const keyText = `${indent}${parts[parts.length - 1] ?? ""}: ${yamlValue(value)}`;
    if (isVersion) {
      // the one active line stays bare: `version: 1`
      lines.push(`# ${key.description}`, keyText);
      continue;
    }
    lines.push(`${`# ${keyText}`.padEnd(COMMENT_COLUMN - 1)} # ${key.description}`);
  }
  return `${lines.join("\n")}\n`;
}
