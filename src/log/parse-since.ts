import { SpecfuseError } from "../errors/specfuse-error.js";

const AGE = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)$/;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const UNIT_MS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

// `--since` to epoch ms (cli.md §3.7): an age (`90s`, `30m`, `2h`, `1d`) before `now`, or an ISO date or date-time; a date or a time without offset is local time; 64 otherwise; pure.
export function parseSince(value: string, now: Date): number {
  const text = value.trim();
  const age = AGE.exec(text);
  if (age !== null)
    return now.getTime() - Number(age[1]) * (UNIT_MS[age[2] ?? "s"] ?? 1000);
  const m = ISO.exec(text);
  const t = m === null ? null : isoTime(m);
  if (t === null)
    throw new SpecfuseError({
      code: "usage",
      message: `--since "${value}" is neither a date nor an age`,
      detail:
        "expected an ISO date or date-time (2026-11-22, 2026-11-22T14:30, 2026-11-22T14:30:00Z) or an age (90s, 30m, 2h, 1d)",
      hint: "specfuse log --since 2h",
    });
  return t;
}

function isoTime(m: RegExpExecArray): number | null {
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const ms = m[7] === undefined ? 0 : Number(`0.${m[7]}`) * 1000;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59)
    return null;
  const zone = m[8];
  if (zone === undefined) {
    const local = new Date(y, mo - 1, d, h, mi, s, ms);
    return local.getDate() === d ? local.getTime() : null;
  }
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  if (new Date(utc).getUTCDate() !== d) return null;
  if (zone === "Z") return utc;
  const digits = zone.replace(":", "");
  const offset =
    (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60_000;
  return zone.startsWith("-") ? utc + offset : utc - offset;
}
