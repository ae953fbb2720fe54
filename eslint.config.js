// ESLint flat config: style rules of architecture.md A-STYLE-3 and the I/O boundaries of A-IO-1.
import tseslint from "typescript-eslint";

const fsModules = ["node:fs", "node:fs/promises", "fs", "fs/promises"];
const procModules = ["execa", "node:child_process", "child_process"];

// Which modules may import what (A-IO-1); everything else gets the restriction.
const boundaries = [
  {
    names: fsModules,
    allowed: [
      "src/workspace/**",
      "src/config/read-*.ts",
      "src/events/append-event.ts",
      "src/events/read-events.ts",
      "src/scaffold/read-target.ts",
      "src/scaffold/apply-ops.ts",
      "src/driver/attempt/run-state.ts",
      "src/driver/recover/recover.ts",
      "src/lock/**",
      "src/hooks/hook-files.ts",
      // Containment reads /proc and writes cgroupfs; run output streams to a file (issue 9).
      "src/exec/cgroup.ts",
      "src/exec/proc-table.ts",
      "src/exec/output-file.ts",
      "src/exec/resolve-executable.ts",
    ],
  },
  { names: procModules, allowed: ["src/exec/**"] },
  { names: ["simple-git"], allowed: [] },
  { names: ["proper-lockfile"], allowed: ["src/lock/**"] },
  {
    names: [
      "node:http",
      "node:https",
      "node:net",
      "node:tls",
      "http",
      "https",
      "net",
      "tls",
      "undici",
    ],
    allowed: ["src/hooks/post-webhook.ts"],
  },
];

// The restriction list for a module allowed the given boundaries (or none).
function restrictedExcept(...allowedBoundaries) {
  return boundaries
    .filter((b) => !allowedBoundaries.includes(b))
    .flatMap((b) =>
      b.names.map((name) => ({
        name,
        message: "I/O boundary (architecture.md A-IO-1).",
      })),
    );
}

// Whether an allowed glob covers another glob (`src/exec/**` covers `src/exec/cgroup.ts`).
const covers = (outer, inner) =>
  outer === inner ||
  (outer.endsWith("/**") && inner.startsWith(outer.slice(0, -2)));

// One override per glob, allowing every boundary that lists or covers it (src/lock/** may use fs and
// proper-lockfile); single files come after folders, so their wider allowance wins.
const boundaryOverrides = [...new Set(boundaries.flatMap((b) => b.allowed))]
  .sort((a, b) => Number(!a.includes("**")) - Number(!b.includes("**")))
  .map((glob) => ({
    files: [glob],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: restrictedExcept(
            ...boundaries.filter((b) => b.allowed.some((g) => covers(g, glob))),
          ),
        },
      ],
    },
  }));

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "coverage/**",
      "node_modules/**",
      "templates/**",
      "scaffold/**",
      ".specfuse/**",
      "test/fixtures/**",
      "bench/results/**",
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["src/**/*.ts"],
    rules: {
      "no-console": "error",
      "no-restricted-syntax": [
        "error",
        {
          selector: "ExportDefaultDeclaration",
          message: "Named exports only (architecture.md §4.10).",
        },
      ],
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "exit",
          message: "Only src/cli/main.ts exits (architecture.md §4.3).",
        },
        {
          object: "process",
          property: "stdout",
          message: "Write through src/output/ (architecture.md A-IO-1).",
        },
        {
          object: "process",
          property: "stderr",
          message: "Write through src/output/ (architecture.md A-IO-1).",
        },
      ],
      "no-restricted-imports": ["error", { paths: restrictedExcept() }],
    },
  },
  ...boundaryOverrides,
  {
    files: ["src/output/**/*.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "exit",
          message: "Only src/cli/main.ts exits (architecture.md §4.3).",
        },
      ],
    },
  },
  {
    files: ["src/cli/main.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "stdout",
          message: "Write through src/output/ (architecture.md A-IO-1).",
        },
        {
          object: "process",
          property: "stderr",
          message: "Write through src/output/ (architecture.md A-IO-1).",
        },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: {
      globals: { process: "readonly", console: "readonly", URL: "readonly" },
    },
  },
);
