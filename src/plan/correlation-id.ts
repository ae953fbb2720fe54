// The correlation-ID grammar of formats.md F-ID-2, matched against the whole string.
export const CORRELATION_ID_PATTERN =
  /^(?:FEAT-[0-9]{4}-[0-9]{4}|INIT-[0-9]{4}-[0-9]{4}\/F[0-9]{2})(?:\/(?:T[0-9]{2}(?:H[0-9]*)?|G[0-9]+-(?:RETRO|LESSONS|DOCS|PLAN|CLOSE-INTERMEDIATE|CLOSE)))?$/;

// Whether a value is a valid correlation ID; non-strings are invalid.
export function isCorrelationId(value: unknown): value is string {
  return typeof value === "string" && CORRELATION_ID_PATTERN.test(value);
}

// The feature ID of a WU: the WU ID minus its last `/segment` (F-ID-3).
export function featureIdOf(wuId: string): string {
  const i = wuId.lastIndexOf("/");
  return i < 0 ? wuId : wuId.slice(0, i);
}

// The last `/segment` of an id, used in short messages.
export function lastSegment(id: string): string {
  const i = id.lastIndexOf("/");
  return i < 0 ? id : id.slice(i + 1);
}

// The gate number of a closing ID (`…/G2-CLOSE` → 2), or null for task IDs (F-ID-3).
export function gateNumberOfId(id: string): number | null {
  const m = /\/G([0-9]+)-[A-Z-]+$/.exec(id);
  return m === null ? null : Number(m[1]);
}

// The work key: the ID with every `/` replaced by `_` (F-ID-3).
export function workKeyOf(id: string): string {
  return id.replace(/\//g, "_");
}

// The archive anchor: the feature ID in lower case (F-ID-3).
export function archiveAnchorOf(featureId: string): string {
  return featureId.toLowerCase();
}
