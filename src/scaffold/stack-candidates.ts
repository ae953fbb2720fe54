import type { StackDetection, StackSnapshot } from "./detect-stack.js";

/** A check proposed by one stack, before name collisions are resolved. */
export interface Candidate {
  stack: string;
  name: string;
  command: string;
  isActive: boolean;
  note?: string;
}

const NPM_PLACEHOLDER = /no test specified/;

// The node stack's checks (init.md §4.1).
export function detectNode(
  snapshot: StackSnapshot,
  has: (name: string) => boolean,
  result: StackDetection,
): Candidate[] {
  if (snapshot.packageJson === null) return [];
  const pm = has("pnpm-lock.yaml")
    ? "pnpm"
    : has("yarn.lock")
      ? "yarn"
      : has("bun.lock") || has("bun.lockb")
        ? "bun"
        : "npm";
  const testCommand = pm === "bun" ? "bun run test" : `${pm} test`;
  let scripts: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(
      snapshot.packageJson.replace(/^\uFEFF/, ""),
    );
    if (isRecord(parsed)) {
      if (typeof parsed.name === "string" && parsed.name.trim() !== "")
        result.packageName = parsed.name.trim();
      if (isRecord(parsed.scripts)) scripts = parsed.scripts;
    }
  } catch (error) {
    result.warnings.push({
      code: "package_json_invalid",
      message: `package.json is not valid JSON (${error instanceof Error ? error.message : String(error)}); the node stack was skipped`,
    });
    return [];
  }
  result.stacks.push({ id: "node", tool: pm });
  const isScript = (key: string) =>
    typeof scripts[key] === "string" && (scripts[key] as string).trim() !== "";
  const out: Candidate[] = [];
  const hasTest =
    isScript("test") && !NPM_PLACEHOLDER.test(scripts.test as string);
  out.push({
    stack: "node",
    name: "tests",
    command: testCommand,
    isActive: hasTest,
    note: hasTest
      ? undefined
      : 'package.json has no "test" script yet; add one, then uncomment',
  });
  if (isScript("lint"))
    out.push({
      stack: "node",
      name: "lint",
      command: `${pm} run lint`,
      isActive: true,
    });
  const typecheck = isScript("typecheck")
    ? "typecheck"
    : isScript("type-check")
      ? "type-check"
      : null;
  if (typecheck !== null)
    out.push({
      stack: "node",
      name: "typecheck",
      command: `${pm} run ${typecheck}`,
      isActive: true,
    });
  return out;
}

// The python stack's checks (init.md §4.1).
export function detectPython(
  snapshot: StackSnapshot,
  has: (name: string) => boolean,
  result: StackDetection,
): Candidate[] {
  const pyproject = snapshot.pyproject ?? "";
  const hasTests = [
    "pyproject.toml",
    "setup.cfg",
    "setup.py",
    "pytest.ini",
    "tox.ini",
  ].some(has);
  const hasRuff =
    pyproject.includes("[tool.ruff") || has("ruff.toml") || has(".ruff.toml");
  const hasMypy = pyproject.includes("[tool.mypy") || has("mypy.ini");
  if (!hasTests && !hasRuff && !hasMypy) return [];
  const tool = has("uv.lock") ? "uv" : has("poetry.lock") ? "poetry" : null;
  const run = tool === null ? "" : `${tool} run `;
  result.stacks.push({ id: "python", tool });
  const out: Candidate[] = [];
  if (hasTests)
    out.push({
      stack: "python",
      name: "tests",
      command: `${run}python -m pytest -q`,
      isActive: true,
    });
  if (hasRuff)
    out.push({
      stack: "python",
      name: "lint",
      command: `${run}ruff check .`,
      isActive: true,
    });
  if (hasMypy)
    out.push({
      stack: "python",
      name: "typecheck",
      command: `${run}mypy .`,
      isActive: true,
    });
  return out;
}

// The rust stack's checks (init.md §4.1).
export function detectRust(
  has: (name: string) => boolean,
  result: StackDetection,
): Candidate[] {
  if (!has("Cargo.toml")) return [];
  result.stacks.push({ id: "rust", tool: "cargo" });
  const optional = "optional: uncomment if your CI runs it";
  return [
    {
      stack: "rust",
      name: "tests",
      command: "cargo test --quiet",
      isActive: true,
    },
    {
      stack: "rust",
      name: "lint",
      command: "cargo clippy --all-targets -- -D warnings",
      isActive: false,
      note: optional,
    },
    {
      stack: "rust",
      name: "format",
      command: "cargo fmt --check",
      isActive: false,
      note: optional,
    },
  ];
}

// The go stack's checks (init.md §4.1).
export function detectGo(
  has: (name: string) => boolean,
  result: StackDetection,
): Candidate[] {
  if (!has("go.mod")) return [];
  result.stacks.push({ id: "go", tool: null });
  return [
    { stack: "go", name: "tests", command: "go test ./...", isActive: true },
    { stack: "go", name: "vet", command: "go vet ./...", isActive: true },
    {
      stack: "go",
      name: "lint",
      command: "golangci-lint run",
      isActive: false,
      note: "optional: needs golangci-lint installed",
    },
  ];
}

const MAKE_TARGETS: ReadonlyArray<readonly [target: string, name: string]> = [
  ["test", "tests"],
  ["lint", "lint"],
  ["check", "check"],
];

// The make stack's checks (init.md §4.1).
export function detectMake(
  snapshot: StackSnapshot,
  result: StackDetection,
): Candidate[] {
  if (snapshot.makefile === null) return [];
  const targets = makeTargets(snapshot.makefile);
  const found = MAKE_TARGETS.filter(([t]) => targets.has(t));
  if (found.length === 0) return [];
  result.stacks.push({ id: "make", tool: null });
  return found.map(([target, name]) => ({
    stack: "make",
    name,
    command: `make ${target}`,
    isActive: true,
  }));
}

// Rule targets declared at column 0 (`test:`, `test lint::`), never variable assignments (`x := y`).
export function makeTargets(makefile: string): Set<string> {
  const targets = new Set<string>();
  const rule =
    /^([A-Za-z0-9_.%/-]+(?:[ \t]+[A-Za-z0-9_.%/-]+)*)[ \t]*(?:::|:)(?![:=])/;
  for (const line of makefile.split(/\r\n|\r|\n/)) {
    const m = rule.exec(line);
    if (m === null) continue;
    for (const name of (m[1] ?? "").split(/[ \t]+/)) targets.add(name);
  }
  return targets;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

