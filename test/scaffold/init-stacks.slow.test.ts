import { describe, expect, it } from "vitest";
import { initWith } from "../../src/commands/init.js";
import { createGitProbe } from "../../src/git/git-probe.js";
import { PROJECT_ROOT } from "../helpers/run-cli.js";
import { testContext } from "../helpers/context.js";
import type { Tree } from "../helpers/write-tree.js";
import { scaffoldRepo } from "./support/scaffold-repo.js";
import { serializeTree, shippedFiles } from "./support/tree-snapshot.js";

const pkg = (scripts: Record<string, string>) =>
  `${JSON.stringify({ name: "stack-demo", version: "1.0.0", scripts }, null, 2)}\n`;

// One tree per detected stack (init.md §4.1), snapshotted as a file (architecture.md A-TEST-7).
const STACKS: ReadonlyArray<readonly [name: string, tree: Tree, flags?: { example?: boolean }]> = [
  ["node-npm", { "package.json": pkg({ test: "node --test", lint: "eslint .", typecheck: "tsc --noEmit" }) }],
  ["node-pnpm", { "package.json": pkg({ test: "vitest run" }), "pnpm-lock.yaml": "lockfileVersion: '9.0'\n" }],
  ["node-yarn", { "package.json": pkg({ test: "jest", "type-check": "tsc" }), "yarn.lock": "# yarn\n" }],
  ["node-bun", { "package.json": pkg({ test: "bun test" }), "bun.lock": "{}\n" }],
  ["node-placeholder", { "package.json": pkg({ test: 'echo "Error: no test specified" && exit 1' }) }],
  ["python-pytest", { "pyproject.toml": "[project]\nname = \"demo\"\n" }],
  ["python-uv", { "pyproject.toml": "[project]\nname = \"demo\"\n[tool.ruff]\nline-length = 100\n", "uv.lock": "version = 1\n" }],
  ["python-poetry", { "pyproject.toml": "[tool.poetry]\nname = \"demo\"\n[tool.mypy]\nstrict = true\n", "poetry.lock": "# poetry\n" }],
  ["python-files", { "setup.cfg": "[metadata]\n", "ruff.toml": "\n", "mypy.ini": "[mypy]\n" }],
  ["rust", { "Cargo.toml": "[package]\nname = \"demo\"\n" }],
  ["go", { "go.mod": "module example.com/demo\n" }],
  ["make", { Makefile: "test:\n\t./run-tests\nlint:\n\t./lint\ncheck: test lint\n" }],
  ["polyglot", { "package.json": pkg({ test: "node --test" }), "go.mod": "module x\n", Makefile: "test:\n\tgo test\ncheck:\n\t./ci\n" }],
  ["none", { "README.md": "# demo\n" }],
  ["node-example", { "package.json": pkg({ test: "node --test" }) }, { example: true }],
];

async function initTree(tree: Tree, isExample: boolean) {
  const repo = scaffoldRepo(tree);
  const ctx = testContext({ cwd: repo.dir, packageRoot: PROJECT_ROOT });
  const result = await initWith({ example: isExample }, ctx, { git: createGitProbe(repo.env) });
  return { repo, ctx, result };
}

describe("init per stack (init.md §2, §4.1, I-TREE-1, I-TREE-3)", () => {
  for (const [name, tree, flags] of STACKS) {
    it(`I-TREE-1 ${name}: the tree, the report and the warnings`, async () => {
      const { repo, ctx } = await initTree(tree, flags?.example === true);
      const shipped = await shippedFiles();
      const snapshot = [
        serializeTree(repo.dir, shipped),
        "--- stdout ---",
        ctx.stdout.text(),
        "--- stderr ---",
        ctx.stderr.text(),
      ].join("\n");
      await expect(snapshot).toMatchFileSnapshot(`__snapshots__/init-${name}.tree`);
    });
  }

  it("I-TREE-3 the same inputs give byte-identical trees", async () => {
    const tree = { "package.json": pkg({ test: "node --test" }), "go.mod": "module x\n" };
    const a = await initTree(tree, true);
    const b = await initTree(tree, true);
    const noShipped = new Map();
    expect(serializeTree(a.repo.dir, noShipped)).toBe(serializeTree(b.repo.dir, noShipped));
    expect(a.ctx.stdout.text()).toBe(b.ctx.stdout.text());
  });
});
