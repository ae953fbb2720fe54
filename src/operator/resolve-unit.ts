import { SpecfuseError } from "../errors/specfuse-error.js";

// Expands a unit reference (cli.md §3): a full id, or a suffix after a `/` that is unique among `ids`; 64 wu_not_found otherwise; pure.
export function resolveUnitRef(
  ids: readonly string[],
  ref: string,
  where: string,
): string {
  if (ids.includes(ref)) return ref;
  const matches = ids.filter((id) => id.endsWith(`/${ref}`));
  if (matches.length === 1 && matches[0] !== undefined) return matches[0];
  if (matches.length > 1)
    throw new SpecfuseError({
      code: "wu_not_found",
      message: `"${ref}" is ambiguous in ${where}: it ends ${matches.length} unit ids`,
      detail: matches.join("\n"),
      hint: `use the full id, e.g. ${matches[0] ?? ""}`,
    });
  const suggestions = ids.filter((id) => id.includes(ref)).slice(0, 5);
  throw new SpecfuseError({
    code: "wu_not_found",
    message: `no unit "${ref}" in ${where}`,
    detail:
      suggestions.length > 0
        ? `similar ids: ${suggestions.join(", ")}`
        : ids.length === 0
          ? "the task graph names no units"
          : `the units are: ${ids.slice(0, 12).join(", ")}${ids.length > 12 ? ", …" : ""}`,
    hint: "pass a full unit id (FEAT-2026-0042/T02) or a unique suffix (T02); `specfuse status` lists the units",
  });
}
