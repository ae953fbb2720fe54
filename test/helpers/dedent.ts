// Strips the common indentation of a template literal and its first and last blank lines (architecture.md A-TEST-1).
export function dedent(
  strings: TemplateStringsArray | string,
  ...values: unknown[]
): string {
  const raw =
    typeof strings === "string"
      ? strings
      : strings.reduce(
          (acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ""),
          "",
        );
  const lines = raw
    .replace(/^\n/, "")
    .replace(/\n[ \t]*$/, "")
    .split("\n");
  const indents = lines
    .filter((l) => l.trim() !== "")
    .map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const cut = indents.length === 0 ? 0 : Math.min(...indents);
  return `${lines.map((l) => l.slice(cut)).join("\n")}\n`;
}
