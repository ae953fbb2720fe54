import { resolveUnitRef } from "../operator/resolve-unit.js";

// The `--wu` prefix (cli.md §3.7): used as is when an id or a known correlation id starts with it, else a unique id suffix expanded to the full id (64 wu_not_found); pure.
export function wuPrefix(
  value: string,
  unitIds: readonly string[],
  correlationIds: readonly string[],
): string {
  const known = [...unitIds, ...correlationIds];
  if (known.some((id) => id.startsWith(value))) return value;
  const candidates = [...new Set(known)];
  return resolveUnitRef(candidates, value, "the features read");
}
