// A quick look for the key before parsing: most agent lines are not results.
const RESULT_LINE = /"type"\s*:\s*"result"/;

// Whether a stdout line is a complete stream-json result object.
export function isResultLine(line: string): boolean {
  if (!RESULT_LINE.test(line)) return false;
  try {
    const value: unknown = JSON.parse(line);
    return (
      typeof value === "object" &&
      value !== null &&
      (value as { type?: unknown }).type === "result"
    );
  } catch {
    return false;
  }
}
