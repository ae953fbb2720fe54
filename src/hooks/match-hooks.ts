import { transitionEventTypes } from "../audit/transition-table.js";
import { EVENT_TYPES } from "../events/event-types.js";
import type { HookConfig } from "../types/config.js";

// Every event type a hook can match: the catalogue (F-EV-3) and the audit amendment's new types (AU-EV-2).
export const HOOK_EVENT_TYPES: readonly string[] = [
  ...new Set([...EVENT_TYPES, ...transitionEventTypes()]),
];

// The event types of the `notify` preset: the moments a human must act (AU-HOOK-1).
export const NOTIFY_EVENT_TYPES: readonly string[] = [
  "human_escalation",
  "gate_reached",
];

function patternRegex(pattern: string): RegExp {
  const body = pattern
    .split("*")
    .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}$`);
}

// Whether an `on` entry (an event type, or a glob with `*`) matches an event type.
export function matchesEventType(pattern: string, eventType: string): boolean {
  return patternRegex(pattern).test(eventType);
}

// Whether an `on` entry matches at least one known event type (else config warns, AU-HOOK-1).
export function isKnownPattern(pattern: string): boolean {
  return HOOK_EVENT_TYPES.some((t) => matchesEventType(pattern, t));
}

// The hooks an event goes to, in config order (AU-HOOK-2: each matching hook once).
export function hooksFor(
  hooks: readonly HookConfig[],
  eventType: string,
): HookConfig[] {
  return hooks.filter((h) => h.on.some((p) => matchesEventType(p, eventType)));
}
