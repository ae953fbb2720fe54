import { defineConfig } from "vitest/config";

// Two projects: fast pure tests, and `slow` suites that spawn processes and real git (architecture.md A-TEST-8).
export default defineConfig({
  test: {
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
