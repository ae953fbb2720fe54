import type { StoredEvent } from "../events/event-types.js";
import { parseEventTimestamp } from "../events/read-events.js";
import { formatLogLine } from "../log/format-log-line.js";
import { makePaint } from "../output/color.js";
import type { HookConfig } from "../types/config.js";

const DISCORD_LIMIT = 2000;
const plain = makePaint(false);

// `[<feature id>] <specfuse log line>`, plus the next command for `notify` (AU-HOOK-4: never excerpts); pure but for the local clock of the log line.
export function chatText(
  event: StoredEvent,
  featureId: string,
  next: string | null,
): string {
  const line = formatLogLine(
    event,
    parseEventTimestamp(event.timestamp),
    plain,
  );
  return `[${featureId}] ${line}${next === null ? "" : ` — next: ${next}`}`;
}

// Slack's three escapes (`&`, `<`, `>`): the text can never form a link or a mention.
export function slackEscape(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

// At most `limit` characters (code points), ending with `…` when cut.
export function cutText(text: string, limit: number): string {
  const chars = Array.from(text);
  return chars.length <= limit
    ? text
    : `${chars.slice(0, limit - 1).join("")}…`;
}

// The POST body of a webhook: the event line (json), `{"text"}` (slack) or `{"content"}` with mentions off (discord).
export function webhookBody(
  hook: Pick<HookConfig, "format">,
  line: string,
  text: string,
): string {
  if (hook.format === "slack")
    return JSON.stringify({ text: slackEscape(text) });
  if (hook.format === "discord")
    return JSON.stringify({
      content: cutText(text, DISCORD_LIMIT),
      allowed_mentions: { parse: [] },
    });
  return line;
}
