import type { ErrorObject } from "ajv";
import { transitionEventTypes } from "../audit/transition-table.js";
import type { StoredEvent } from "../events/event-types.js";
import { parseEventTimestamp } from "../events/read-events.js";
import { compileSchema } from "../schemas/ajv.js";
import {
  AUDIT_KEY_SCHEMAS,
  AUDIT_PAYLOAD_SCHEMAS,
  AUDIT_SOURCE_VERSION,
} from "../schemas/audit-events.js";
import { EVENT_PAYLOAD_SCHEMAS } from "../schemas/events.js";
import { parseVersion, type ScaffoldVersion } from "../scaffold/version.js";

/** How one events.jsonl line reads under `log --verify` (AU-VER-1 `event_invalid`). */
export type LineCheck =
  | {
      kind: "event";
      event: StoredEvent;
      /** No `transitions`: the transition checks skip it (AU-VER-2). */
      isLegacy: boolean;
      /** A type neither the catalogue nor the audit amendment knows: only counted. */
      isUnknownType: boolean;
    }
  | { kind: "invalid"; message: string };

const ENVELOPE = [
  "timestamp",
  "correlation_id",
  "event_type",
  "source",
  "source_version",
  "payload",
] as const;
const TABLE_TYPES: ReadonlySet<string> = new Set(transitionEventTypes());
const FIRST_OWN = parseVersion("0.4.0");
const AUDIT = parseVersion(AUDIT_SOURCE_VERSION);
const OWN_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/;

// major.minor.patch at least `min` (pre-releases of a version count as it: the dev builds write its keys).
function isAtLeast(
  v: ScaffoldVersion | null,
  min: ScaffoldVersion | null,
): boolean {
  if (v === null || min === null) return false;
  for (const k of ["major", "minor", "patch"] as const)
    if (v[k] !== min[k]) return v[k] > min[k];
  return true;
}

function ajvText(errors: ErrorObject[] | null | undefined): string {
  const e = errors?.[0];
  if (e === undefined) return "does not match its schema";
  const at =
    e.instancePath === ""
      ? ""
      : `${e.instancePath.slice(1).replace(/\//g, ".")} `;
  const extra =
    e.keyword === "additionalProperties"
      ? ` (${String(e.params.additionalProperty)})`
      : e.keyword === "required"
        ? ` (${String(e.params.missingProperty)})`
        : "";
  return `${at}${e.message ?? "is invalid"}${extra}`;
}

function parseObject(raw: string): Record<string, unknown> | string {
  if (raw.trim() === "") return "blank line";
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return "not JSON";
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return "not a JSON object";
  return value as Record<string, unknown>;
}

// The F-EV-2 envelope every version writes: its keys, in order, with usable values.
function envelopeProblem(o: Record<string, unknown>): string | null {
  const keys = Object.keys(o);
  if (keys.join() !== ENVELOPE.join())
    return `envelope keys are ${keys.join(", ") || "none"}; expected ${ENVELOPE.join(", ")}`;
  if (
    typeof o.timestamp !== "string" ||
    parseEventTimestamp(o.timestamp) === null
  )
    return "timestamp is not a UTC ISO-8601 time";
  for (const k of ["correlation_id", "event_type", "source", "source_version"])
    if (typeof o[k] !== "string" || o[k] === "")
      return `${k} is not a non-empty string`;
  const p = o.payload;
  if (typeof p !== "object" || p === null || Array.isArray(p))
    return "payload is not an object";
  return null;
}

// The audit keys (AU-EV-1): each valid when present; from AUDIT_SOURCE_VERSION, actor and trigger always, transitions on table types.
function auditProblem(
  type: string,
  payload: Record<string, unknown>,
  isAudit: boolean,
): string | null {
  for (const [key, schema] of Object.entries(AUDIT_KEY_SCHEMAS)) {
    if (!Object.hasOwn(payload, key)) {
      const isRequired =
        isAudit &&
        (key === "actor" ||
          key === "trigger" ||
          (key === "transitions" && TABLE_TYPES.has(type)));
      if (isRequired) return `payload lacks ${key}`;
      continue;
    }
    if (key === "commit" && type !== "task_completed")
      return "payload.commit belongs to task_completed only";
    const validate = compileSchema(schema);
    if (!validate(payload[key]))
      return `payload.${key} ${ajvText(validate.errors)}`;
  }
  return null;
}

// What specfuse's own writer always does (F-EV-2): six fractional digits in UTC, and source "driver".
function ownEnvelopeProblem(event: StoredEvent): string | null {
  if (!OWN_TIMESTAMP.test(event.timestamp))
    return "timestamp is not YYYY-MM-DDTHH:MM:SS.ffffff+00:00";
  if (event.source !== "driver") return 'source is not "driver"';
  return null;
}

function withoutAuditKeys(
  payload: Record<string, unknown>,
): Record<string, unknown> {
  const rest = { ...payload };
  for (const k of Object.keys(AUDIT_KEY_SCHEMAS)) delete rest[k];
  return rest;
}

// Checks one stored line against the schema of the version that wrote it (AU-VER-1, AU-EV-2); pure.
export function checkEventLine(raw: string): LineCheck {
  const o = parseObject(raw);
  if (typeof o === "string") return { kind: "invalid", message: o };
  const problem = envelopeProblem(o);
  if (problem !== null) return { kind: "invalid", message: problem };
  const event = o as unknown as StoredEvent;
  const type = event.event_type;
  const version = parseVersion(event.source_version);
  const isOwn = isAtLeast(version, FIRST_OWN);
  const audit = auditProblem(type, event.payload, isAtLeast(version, AUDIT));
  if (audit !== null) return { kind: "invalid", message: audit };
  const payloadSchema =
    EVENT_PAYLOAD_SCHEMAS[type] ?? AUDIT_PAYLOAD_SCHEMAS[type];
  const isUnknownType = payloadSchema === undefined;
  if (isOwn) {
    const own = ownEnvelopeProblem(event);
    if (own !== null) return { kind: "invalid", message: own };
    if (payloadSchema !== undefined) {
      const validate = compileSchema(payloadSchema);
      if (!validate(withoutAuditKeys(event.payload)))
        return {
          kind: "invalid",
          message: `payload ${ajvText(validate.errors)}`,
        };
    }
  }
  return {
    kind: "event",
    event,
    isLegacy: !Object.hasOwn(event.payload, "transitions"),
    isUnknownType,
  };
}
