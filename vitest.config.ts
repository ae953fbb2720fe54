import { defineConfig } from "vitest/config";

// Pure code: these folders and files must stay at 90% line coverage (architecture.md A-TEST-8).
const PURE = [
  "src/audit/**",
  "src/yaml/**",
  "src/plan/**",
  "src/lint/**",
  "src/schemas/**",
  "src/errors/**",
  "src/evidence/**",
  "src/driver/attempt/decide-outcome.ts",
  "src/driver/unit/retry-policy.ts",
  "src/driver/unit/driver-keys.ts",
  "src/driver/attempt/failure-signature.ts",
  "src/driver/close/auto-close-predicate.ts",
  "src/driver/close/terminal-flips.ts",
  "src/driver/close/closing-assertions.ts",
  "src/driver/walk/dry-run.ts",
  "src/driver/walk/scheduler.ts",
  "src/driver/scope/validate-run.ts",
  "src/transitions/status-of.ts",
  "src/agent/build-prompt.ts",
  "src/agent/adapters/**",
  "src/agent/price-estimate.ts",
  "src/verify/evidence.ts",
  "src/scaffold/detect-stack.ts",
  "src/scaffold/plan-scaffold.ts",
  "src/scaffold/merge-wiring.ts",
  "src/scaffold/manifest.ts",
  "src/scaffold/version.ts",
  "src/history/**",
  "src/report/build-*.ts",
  "src/report/layout-graph.ts",
  "src/report/render-*.ts",
  "src/report/html.ts",
  "src/show/build-show.ts",
  "src/show/render-show.ts",
  "src/show/cycle-files.ts",
  "src/show/re-arm-entries.ts",
];

// Two projects: fast pure tests, and `slow` suites that spawn processes and real git (architecture.md A-TEST-8).
// `npm test` runs with --coverage, which enforces the threshold on the pure code.
export default defineConfig({
  test: {
    coverage: {
      provider: "v8",
      include: PURE,
      reporter: ["text-summary"],
      thresholds: { lines: 90 },
    },
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/e2e/**", "test/**/*.slow.test.ts"],
          testTimeout: 10_000,
        },
      },
      {
        test: {
          name: "slow",
          include: ["test/e2e/**/*.test.ts", "test/**/*.slow.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
