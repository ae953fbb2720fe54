import {
  detectGo,
  detectMake,
  detectNode,
  detectPython,
  detectRust,
  type Candidate,
} from "./stack-candidates.js";
/** What detection may look at: the target's top level only (init.md §4.1). */
export interface StackSnapshot {
  /** Names of the entries directly in the target directory. */
  names: ReadonlyArray<string>;
  /** Text of `package.json`, when present. */
  packageJson: string | null;
  /** Text of `pyproject.toml`, when present. */
  pyproject: string | null;
  /** Text of the first of `Makefile`, `makefile`, `GNUmakefile` present. */
  makefile: string | null;
}

/** One `code` check, active or emitted commented out. */
export interface CodeCheck {
  name: string;
  command: string;
  isActive: boolean;
  /** Why an inactive check is commented out (one line). */
  note: string | null;
}

/** A detected stack, as the report and the header comment name it. */
export interface DetectedStack {
  /** `node`, `python`, `rust`, `go` or `make`. */
  id: string;
  /** The tool used to run it, e.g. `pnpm` or `uv`, when it matters. */
  tool: string | null;
}

/** The result of stack detection. */
export interface StackDetection {
  stacks: DetectedStack[];
  checks: CodeCheck[];
  /** `package.json` `name`, used as the roadmap's project name. */
  packageName: string | null;
  /** Warnings such as an unparseable package.json (I-STACK-5). */
  warnings: Array<{ code: string; message: string }>;
}

const LANGUAGE_STACKS = new Set(["node", "python", "rust", "go"]);


// Detects stacks in table order (node, python, rust, go, make) and names their checks (I-STACK-1).
export function detectStack(snapshot: StackSnapshot): StackDetection {
  const has = (name: string) => snapshot.names.includes(name);
  const result: StackDetection = {
    stacks: [],
    checks: [],
    packageName: null,
    warnings: [],
  };
  const candidates: Candidate[] = [
    ...detectNode(snapshot, has, result),
    ...detectPython(snapshot, has, result),
    ...detectRust(has, result),
    ...detectGo(has, result),
    ...detectMake(snapshot, result),
  ];
  const taken = new Map<string, string>();
  for (const c of candidates) {
    if (!c.isActive) {
      result.checks.push(check(c.name, c.command, false, c.note ?? null));
      continue;
    }
    const owner = taken.get(c.name);
    if (owner === undefined) {
      taken.set(c.name, c.stack);
      result.checks.push(check(c.name, c.command, true, null));
    } else if (LANGUAGE_STACKS.has(c.stack)) {
      const name = uniqueName(`${c.name}-${c.stack}`, taken);
      taken.set(name, c.stack);
      result.checks.push(check(name, c.command, true, null));
    } else {
      result.checks.push(
        check(
          c.name,
          c.command,
          false,
          `the name "${c.name}" is already used by the ${owner} check above`,
        ),
      );
    }
  }
  return result;
}

function check(
  name: string,
  command: string,
  isActive: boolean,
  note: string | null,
): CodeCheck {
  return { name, command, isActive, note };
}

function uniqueName(base: string, taken: Map<string, string>): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  return name;
}

// The Makefile names detection reads, in preference order.
export const MAKEFILE_NAMES = ["Makefile", "makefile", "GNUmakefile"] as const;

// Whether the detection produced at least one active `code` check (I-STACK-4).
export function hasActiveCodeCheck(detection: StackDetection): boolean {
  return detection.checks.some((c) => c.isActive);
}

// `node (pnpm), python (uv)` for the report and the header comment, or `none`.
export function describeStacks(detection: StackDetection): string {
  if (detection.stacks.length === 0) return "none";
  return detection.stacks
    .map((s) => (s.tool === null ? s.id : `${s.id} (${s.tool})`))
    .join(", ");
}
