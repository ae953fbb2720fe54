import { SpecfuseError } from "../errors/specfuse-error.js";
import type { Verification } from "../types/config.js";

/** A verification set some units need that is absent or has no checks (driver D-LOAD-6). */
export interface MissingSet {
  set: string;
  /** The units that need it, in the order given. */
  units: string[];
  /** The set exists but lists no checks. */
  isEmpty: boolean;
}

/** What one unit needs: its type's set plus its `extra_gates`. */
export interface SetNeed {
  unitId: string;
  sets: readonly string[];
}

// The needed sets that are missing or empty, in first-need order (driver D-LOAD-6).
export function missingSets(
  verification: Verification,
  needs: readonly SetNeed[],
): MissingSet[] {
  const missing = new Map<string, MissingSet>();
  for (const { unitId, sets } of needs) {
    for (const set of sets) {
      const checks = verification.sets.get(set);
      if (checks !== undefined && checks.length > 0) continue;
      const entry = missing.get(set) ?? {
        set,
        units: [],
        isEmpty: checks !== undefined,
      };
      if (!entry.units.includes(unitId)) entry.units.push(unitId);
      missing.set(set, entry);
    }
  }
  return [...missing.values()];
}

// The `verification_set_missing` (65) error naming each set and the units that need it.
export function missingSetsError(
  missing: readonly MissingSet[],
  file: string,
): SpecfuseError {
  const names = missing.map((m) => m.set).join(", ");
  const first = missing[0]?.set ?? "code";
  return new SpecfuseError({
    code: "verification_set_missing",
    message: `${file}: ${missing.length === 1 ? "a verification set is" : "verification sets are"} missing or empty: ${names}`,
    file,
    detail: missing
      .map(
        (m) =>
          `${m.set} (${m.isEmpty ? "no checks" : "not defined"}), needed by ${m.units.join(", ")}`,
      )
      .join("\n"),
    hint: [
      `add at least one check to each set before running, e.g.:`,
      `${first}:`,
      `  - name: tests`,
      `    command: "npm test"`,
    ].join("\n"),
  });
}
