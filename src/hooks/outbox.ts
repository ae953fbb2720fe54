// The hook outbox `<F>/work/hooks-outbox.jsonl` (audit.md AU-HOOK-8) and the hooks.log line (AU-HOOK-9); pure.

/** One undelivered event for one hook. */
export interface OutboxEntry {
  version: 1;
  hook: string;
  /** `X-Specfuse-Delivery`. */
  delivery: string;
  /** The event line exactly as appended (so the body, signature and delivery id stay the same). */
  event: string;
  /** Tries so far, over every command. */
  tries: number;
  /** UTC ISO-8601. */
  first_failed_at: string;
  last_error: string;
}

// Entries are dropped after this many tries (AU-HOOK-8).
export const OUTBOX_MAX_TRIES = 10;
// … or this long after their first failure.
export const OUTBOX_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

function isEntry(v: unknown): v is OutboxEntry {
  if (typeof v !== "object" || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    o.version === 1 &&
    typeof o.hook === "string" &&
    typeof o.delivery === "string" &&
    typeof o.event === "string" &&
    typeof o.tries === "number" &&
    typeof o.first_failed_at === "string" &&
    typeof o.last_error === "string"
  );
}

// The entries of an outbox file; lines that are not version-1 entries are counted and left out.
export function parseOutbox(text: string): {
  entries: OutboxEntry[];
  bad: number;
} {
  const entries: OutboxEntry[] = [];
  let bad = 0;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const v: unknown = JSON.parse(line);
      if (isEntry(v)) entries.push(v);
      else bad++;
    } catch {
      bad++;
    }
  }
  return { entries, bad };
}

// The file text for a set of entries, or null when there are none (the file is then removed).
export function serializeOutbox(
  entries: readonly OutboxEntry[],
): string | null {
  if (entries.length === 0) return null;
  return entries
    .map((e) =>
      JSON.stringify({
        version: 1,
        hook: e.hook,
        delivery: e.delivery,
        event: e.event,
        tries: e.tries,
        first_failed_at: e.first_failed_at,
        last_error: e.last_error,
      }),
    )
    .map((l) => `${l}\n`)
    .join("");
}

// Why an entry is dropped instead of retried, or null (AU-HOOK-8: 10 tries, 7 days, or its hook gone).
export function dropReason(
  entry: OutboxEntry,
  hookNames: ReadonlySet<string>,
  now: Date,
): string | null {
  if (!hookNames.has(entry.hook)) return "hook removed from config.yml";
  if (entry.tries >= OUTBOX_MAX_TRIES) return `${entry.tries} tries`;
  const first = Date.parse(entry.first_failed_at);
  if (Number.isFinite(first) && now.getTime() - first > OUTBOX_MAX_AGE_MS)
    return "older than 7 days";
  return null;
}

/** One hooks.log record. */
export interface HooksLogRecord {
  time: Date;
  hook: string;
  eventType: string;
  correlationId: string;
  result: "failed" | "retry" | "queued" | "rejected" | "dropped";
  detail: string;
}

// `<UTC time> <hook> <event_type> <correlation_id> <result> <detail>` on one line (AU-HOOK-9).
export function hooksLogLine(r: HooksLogRecord): string {
  const detail = r.detail.replace(/\s+/g, " ").trim();
  return `${r.time.toISOString()} ${r.hook} ${r.eventType} ${r.correlationId} ${r.result}${detail === "" ? "" : ` ${detail}`}\n`;
}
