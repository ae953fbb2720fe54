import { describe, expect, it } from "vitest";
import {
  describeStacks,
  detectStack,
  type StackSnapshot,
} from "../../src/scaffold/detect-stack.js";
import { makeTargets } from "../../src/scaffold/stack-candidates.js";
import { dedent } from "../helpers/dedent.js";

function snapshot(
  names: string[],
  texts: Partial<Omit<StackSnapshot, "names">> = {},
): StackSnapshot {
  return {
    names,
    packageJson: texts.packageJson ?? null,
    pyproject: texts.pyproject ?? null,
    makefile: texts.makefile ?? null,
  };
}

function summary(s: StackSnapshot): string[] {
  return detectStack(s).checks.map(
    (c) => `${c.isActive ? "" : "# "}${c.name}: ${c.command}`,
  );
}

const pkg = (scripts: Record<string, string>, name = "app") =>
  JSON.stringify({ name, scripts });

describe("stack detection: node (init.md §4.1)", () => {
  it.each([
    [[], "npm test"],
    [["pnpm-lock.yaml"], "pnpm test"],
    [["yarn.lock"], "yarn test"],
    [["bun.lock"], "bun run test"],
    [["bun.lockb"], "bun run test"],
    [["pnpm-lock.yaml", "yarn.lock"], "pnpm test"],
  ])("§4.1 lock files %j pick the test command %s", (locks, command) => {
    const s = snapshot(["package.json", ...locks], {
      packageJson: pkg({ test: "vitest" }),
    });
    expect(summary(s)).toEqual([`tests: ${command}`]);
  });

  it("§4.1 lint and typecheck scripts become checks run through the package manager", () => {
    const s = snapshot(["package.json", "pnpm-lock.yaml"], {
      packageJson: pkg({ test: "vitest", lint: "eslint .", "type-check": "tsc" }),
    });
    expect(summary(s)).toEqual([
      "tests: pnpm test",
      "lint: pnpm run lint",
      "typecheck: pnpm run type-check",
    ]);
    const both = snapshot(["package.json"], {
      packageJson: pkg({ typecheck: "tsc", "type-check": "tsc -b" }),
    });
    expect(summary(both)).toContain("typecheck: npm run typecheck");
  });

  it("§4.1 npm's placeholder test script counts as absent and is emitted commented out", () => {
    const s = snapshot(["package.json"], {
      packageJson: pkg({ test: 'echo "Error: no test specified" && exit 1' }),
    });
    const d = detectStack(s);
    expect(summary(s)).toEqual(["# tests: npm test"]);
    expect(d.stacks).toEqual([{ id: "node", tool: "npm" }]);
    expect(d.checks[0]?.note).toMatch(/no "test" script/);
  });

  it("I-RMP-1 reads the package name for the roadmap", () => {
    const d = detectStack(
      snapshot(["package.json"], { packageJson: pkg({}, "@acme/web") }),
    );
    expect(d.packageName).toBe("@acme/web");
  });

  it("I-STACK-5 an unparseable package.json is skipped with a warning", () => {
    const d = detectStack(
      snapshot(["package.json", "go.mod"], { packageJson: "{ nope" }),
    );
    expect(d.stacks.map((s) => s.id)).toEqual(["go"]);
    expect(d.warnings).toEqual([
      expect.objectContaining({ code: "package_json_invalid" }),
    ]);
  });
});

describe("stack detection: python, rust, go, make (init.md §4.1)", () => {
  it.each([
    ["pyproject.toml"],
    ["setup.cfg"],
    ["setup.py"],
    ["pytest.ini"],
    ["tox.ini"],
  ])("§4.1 %s means pytest", (file) => {
    expect(summary(snapshot([file]))).toEqual(["tests: python -m pytest -q"]);
  });

  it("§4.1 uv and poetry prefix every python command; ruff and mypy come from pyproject or their own files", () => {
    const uv = snapshot(["pyproject.toml", "uv.lock"], {
      pyproject: "[project]\nname='x'\n[tool.ruff.lint]\nselect=['E']\n[tool.mypy]\nstrict=true\n",
    });
    expect(summary(uv)).toEqual([
      "tests: uv run python -m pytest -q",
      "lint: uv run ruff check .",
      "typecheck: uv run mypy .",
    ]);
    const poetry = snapshot(["setup.py", "poetry.lock", ".ruff.toml", "mypy.ini"]);
    expect(summary(poetry)).toEqual([
      "tests: poetry run python -m pytest -q",
      "lint: poetry run ruff check .",
      "typecheck: poetry run mypy .",
    ]);
    expect(summary(snapshot(["ruff.toml"]))).toEqual(["lint: ruff check ."]);
  });

  it("§4.1 Cargo.toml: tests active, clippy and fmt commented out", () => {
    expect(summary(snapshot(["Cargo.toml"]))).toEqual([
      "tests: cargo test --quiet",
      "# lint: cargo clippy --all-targets -- -D warnings",
      "# format: cargo fmt --check",
    ]);
  });

  it("§4.1 go.mod: tests and vet active, golangci-lint commented out", () => {
    expect(summary(snapshot(["go.mod"]))).toEqual([
      "tests: go test ./...",
      "vet: go vet ./...",
      "# lint: golangci-lint run",
    ]);
  });

  it("§4.1 Makefile targets test, lint and check", () => {
    const makefile = dedent`
      .PHONY: test lint check
      VERSION := 1
      build:
      	cc main.c
      test: build
      	./run-tests
      lint check::
      	./lint
    `;
    expect(summary(snapshot(["Makefile"], { makefile }))).toEqual([
      "tests: make test",
      "lint: make lint",
      "check: make check",
    ]);
    expect(summary(snapshot(["GNUmakefile"], { makefile: "all:\n" }))).toEqual([]);
  });

  it("§4.1 make targets: rules only, never assignments or recipes", () => {
    expect([...makeTargets("test:=1\ncheck ::= 2\n\ttest:\nlint: a\n")]).toEqual([
      "lint",
    ]);
  });
});

describe("stack detection: collisions and order (I-STACK-1)", () => {
  it("I-STACK-1 a second language stack's clashing name gets a suffix", () => {
    const s = snapshot(["package.json", "pyproject.toml", "Cargo.toml", "go.mod"], {
      packageJson: pkg({ test: "jest", lint: "eslint ." }),
      pyproject: "[tool.ruff]\n",
    });
    expect(summary(s)).toEqual([
      "tests: npm test",
      "lint: npm run lint",
      "tests-python: python -m pytest -q",
      "lint-python: ruff check .",
      "tests-rust: cargo test --quiet",
      "# lint: cargo clippy --all-targets -- -D warnings",
      "# format: cargo fmt --check",
      "tests-go: go test ./...",
      "vet: go vet ./...",
      "# lint: golangci-lint run",
    ]);
    expect(describeStacks(detectStack(s))).toBe("node (npm), python, rust (cargo), go");
  });

  it("I-STACK-1 a Makefile target whose name is taken is emitted commented out", () => {
    const s = snapshot(["package.json", "Makefile"], {
      packageJson: pkg({ test: "jest" }),
      makefile: "test:\n\tnpm test\ncheck:\n\t./ci\n",
    });
    const d = detectStack(s);
    expect(summary(s)).toEqual(["tests: npm test", "# tests: make test", "check: make check"]);
    expect(d.checks[1]?.note).toBe('the name "tests" is already used by the node check above');
  });

  it("§4.1 nothing detected: no stacks and no checks", () => {
    const d = detectStack(snapshot(["README.md", "src"]));
    expect(d).toMatchObject({ stacks: [], checks: [], warnings: [] });
    expect(describeStacks(d)).toBe("none");
  });
});
