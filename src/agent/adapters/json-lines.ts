// Walking an agent's JSON-lines stdout: one object per line, anything else kept out of the parse.

/** A parsed JSON object. */
export type Json = Record<string, unknown>;

// A plain JSON object (not an array, not null).
export function isJsonObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// One stdout line as a JSON object, or null (blank, text, an array, broken JSON).
export function parseJsonLine(line: string): Json | null {
  const trimmed = line.trim();
  if (!trimmed.startsWith("{")) return null;
  try {
    const value: unknown = JSON.parse(trimmed);
    return isJsonObject(value) ? value : null;
  } catch {
    return null;
  }
}

// Every JSON object line of a whole stdout, in order.
export function jsonLines(stdout: string): Json[] {
  return stdout
    .split("\n")
    .map(parseJsonLine)
    .filter((v): v is Json => v !== null);
}

// The string at `key`, or undefined.
export function stringAt(object: unknown, key: string): string | undefined {
  if (!isJsonObject(object)) return undefined;
  const value = object[key];
  return typeof value === "string" ? value : undefined;
}

// The object at `key`, or undefined.
export function objectAt(object: unknown, key: string): Json | undefined {
  if (!isJsonObject(object)) return undefined;
  const value = object[key];
  return isJsonObject(value) ? value : undefined;
}

// A token count as reported: a finite, non-negative integer, else undefined.
export function countAt(object: unknown, key: string): number | undefined {
  if (!isJsonObject(object)) return undefined;
  const value = object[key];
  return typeof value === "number" && Number.isInteger(value) && value >= 0
    ? value
    : undefined;
}

// A reported cost: a finite, non-negative number, else undefined.
export function costValue(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 0
    ? value
    : undefined;
}
