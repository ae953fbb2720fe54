import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/run-cli.js";

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const srcFiles = walk(path.join(PROJECT_ROOT, "src"))
  .filter((f) => f.endsWith(".ts"))
  .map((f) => path.relative(PROJECT_ROOT, f).split(path.sep).join("/"));
const source = (f: string) => readFileSync(path.join(PROJECT_ROOT, f), "utf8");
// Value imports only: `import type` carries no capability.
const imports = (text: string) =>
  [
    ...text.matchAll(
      /(?:import|export)\s(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? "");

function glob(pattern: string): RegExp {
  return new RegExp(
    `^${pattern.replace(/\./g, "\\.").replace(/\*\*/g, "§").replace(/\*/g, "[^/]*").replace(/§/g, ".*")}$`,
  );
}

// A-IO-1: who may import which I/O capability.
const RULES: Array<{ modules: string[]; allowed: string[] }> = [
  {
    modules: ["node:fs", "node:fs/promises", "fs", "fs/promises"],
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
      "src/exec/cgroup.ts",
      "src/exec/proc-table.ts",
      "src/exec/output-file.ts",
      "src/exec/resolve-executable.ts",
    ],
  },
  {
    modules: ["execa", "node:child_process", "child_process"],
    allowed: ["src/exec/**"],
  },
  // simple-git was dropped: git runs through exec/ like every other child (docs/architecture.md).
  { modules: ["simple-git"], allowed: [] },
  { modules: ["proper-lockfile"], allowed: ["src/lock/**"] },
  // Network I/O (audit.md AU-HOOK-4): webhooks are posted from one module.
  {
    modules: [
      "node:http",
      "node:https",
      "node:net",
      "node:tls",
      "node:dgram",
      "http",
      "https",
      "net",
      "tls",
      "undici",
    ],
    allowed: ["src/hooks/post-webhook.ts"],
  },
];

const PURE_FOLDERS = [
  "src/agent/adapters/",
  "src/audit/",
  "src/schemas/",
  "src/yaml/",
  "src/plan/",
  "src/lint/",
  "src/errors/",
  "src/evidence/",
  "src/types/",
  "src/history/",
];
// Driver files that orchestrate or touch the disk; every other driver file is a pure decision.
const DRIVER_IO = new Set(
  [
    "drive-run",
    "attempt/begin-attempt",
    "attempt/check-steps",
    "attempt/dispatch-step",
    "attempt/pass-step",
    "attempt/record-attempt",
    "attempt/run-attempt",
    "attempt/run-state",
    "close/after-pass",
    "close/apply-auto-close",
    "close/closing-facts",
    "commit/bookkeeping",
    "commit/run-end-commit",
    "end/complete-feature",
    "end/finish-gate",
    "end/run-body",
    "protect/detect-violations",
    "recover/recover",
    "recover/recovered-ref",
    "scope/feature-branch",
    "scope/load-run",
    "scope/preflight",
    "scope/prepare-walk",
    "scope/run-scope",
    "tree/files-touched",
    "tree/fold",
    "tree/restore",
    "tree/snapshot",
    "tree/squash",
    "unit/escalate",
    "unit/run-unit",
    "unit/start-cycle",
    "unit/stop-unit",
    "unit/unit-writes",
    "walk/apply-brake",
    "walk/walk-gate",
  ].map((name) => `src/driver/${name}.ts`),
);
const isPureDriverFile = (f: string) =>
  f.startsWith("src/driver/") && !DRIVER_IO.has(f);
const PURE_FILES = [
  "src/agent/build-prompt.ts",
  "src/agent/price-estimate.ts",
  "src/agent/backends.ts",
  "src/agent/adapters/claude-stream.ts",
  "src/agent/adapters/claude-vocabulary.ts",
  "src/transitions/change.ts",
  "src/transitions/status-of.ts",
  "src/workspace/work-paths.ts",
  "src/agent/adapters/claude.ts",
  "src/verify/evidence.ts",
  "src/workspace/paths.ts",
  "src/events/format-event.ts",
  "src/scaffold/detect-stack.ts",
  "src/scaffold/plan-scaffold.ts",
  "src/scaffold/merge-wiring.ts",
  "src/scaffold/manifest.ts",
  "src/scaffold/version.ts",
  "src/github/repo-ref.ts",
  "src/github/issue-ref.ts",
  "src/github/gh-json.ts",
  "src/github/pr-body.ts",
  "src/github/adopt-plan.ts",
  "src/github/features-listing.ts",
  "src/feature/slug.ts",
  "src/feature/mint-id.ts",
  "src/feature/issue-body.ts",
  "src/feature/closing-units.ts",
  "src/feature/render-feature.ts",
  "src/feature/roadmap-entry.ts",
  "src/feature/lint-draft.ts",
  "src/feature/unit-bodies.ts",
  "src/feature/new-plan.ts",
  "src/feature/render-created.ts",
  "src/hooks/match-hooks.ts",
  "src/hooks/delivery-id.ts",
  "src/hooks/notify-text.ts",
  "src/hooks/render-body.ts",
  "src/hooks/display-hook.ts",
  "src/hooks/hook-env.ts",
  "src/hooks/classify-try.ts",
  "src/hooks/outbox.ts",
  "src/hooks/hooks-warning.ts",
  "src/log/walk-versions.ts",
  "src/log/validate-event.ts",
  "src/log/check-transitions.ts",
  "src/log/check-commits.ts",
  "src/log/csv.ts",
  "src/log/export-trail.ts",
  "src/log/log-modes.ts",
  "src/log/render-verify.ts",
  "src/report/build-report.ts",
  "src/report/build-timeline.ts",
  "src/report/choose-report-feature.ts",
  "src/report/html.ts",
  "src/report/layout-graph.ts",
  "src/report/render-evidence.ts",
  "src/report/render-graph.ts",
  "src/report/render-report.ts",
  "src/report/render-timeline.ts",
  "src/report/report-assets.ts",
  "src/report/report-model.ts",
  "src/show/build-show.ts",
  "src/show/cycle-files.ts",
  "src/show/re-arm-entries.ts",
  "src/show/render-show.ts",
];

describe("architecture boundaries (A-IO-1, A-IO-2)", () => {
  it("finds the source files", () => {
    expect(srcFiles.length).toBeGreaterThan(10);
  });

  for (const rule of RULES) {
    it(`only allowed modules import ${rule.modules[0]}`, () => {
      const offenders = srcFiles.filter(
        (f) =>
          imports(source(f)).some((i) => rule.modules.includes(i)) &&
          !rule.allowed.some((g) => glob(g).test(f)),
      );
      expect(offenders).toStrictEqual([]);
    });
  }

  it("the global fetch only in the network module (AU-HOOK-4)", () => {
    const offenders = srcFiles.filter(
      (f) =>
        /(?<![.\w])fetch\(/.test(source(f)) &&
        f !== "src/hooks/post-webhook.ts",
    );
    expect(offenders).toStrictEqual([]);
  });

  it("process.stdout/stderr only in src/output/, process.exit only in src/cli/main.ts", () => {
    const streams = srcFiles.filter(
      (f) =>
        /(?<![.\w])process\.(stdout|stderr)\b/.test(source(f)) &&
        !f.startsWith("src/output/"),
    );
    const exits = srcFiles.filter(
      (f) =>
        /(?<![.\w])process\.exit\b/.test(source(f)) && f !== "src/cli/main.ts",
    );
    expect(streams).toStrictEqual([]);
    expect(exits).toStrictEqual([]);
  });

  it("pure code never reads process.env, process.cwd() or the clock", () => {
    const pure = srcFiles.filter(
      (f) =>
        PURE_FOLDERS.some((p) => f.startsWith(p)) ||
        PURE_FILES.includes(f) ||
        isPureDriverFile(f),
    );
    const offenders = pure.filter((f) =>
      /process\.(env|cwd)\b|Date\.now\(|new Date\(\s*\)|performance\.now\(/.test(
        source(f),
      ),
    );
    expect(offenders).toStrictEqual([]);
  });

  it("pure code imports no I/O module", () => {
    const pure = srcFiles.filter(
      (f) =>
        PURE_FOLDERS.some((p) => f.startsWith(p)) ||
        PURE_FILES.includes(f) ||
        isPureDriverFile(f),
    );
    const io = RULES.flatMap((r) => r.modules);
    const offenders = pure.filter((f) =>
      imports(source(f)).some(
        (i) =>
          io.includes(i) ||
          i.includes("/workspace/read") ||
          i.includes("/exec/") ||
          i.includes("/git/"),
      ),
    );
    expect(offenders).toStrictEqual([]);
  });

  it("no default exports and no console in src/", () => {
    expect(
      srcFiles.filter((f) => /export default/.test(source(f))),
    ).toStrictEqual([]);
    expect(srcFiles.filter((f) => /\bconsole\./.test(source(f)))).toStrictEqual(
      [],
    );
  });

  it("tests never mock the world (A-TEST-3)", () => {
    const testFiles = walk(path.join(PROJECT_ROOT, "test")).filter((f) =>
      f.endsWith(".ts"),
    );
    const forbidden =
      /vi\.(do)?[mM]ock\(\s*['"](node:child_process|child_process|execa|simple-git|node:fs|fs|node:fs\/promises|proper-lockfile)['"]/;
    expect(
      testFiles.filter((f) => forbidden.test(readFileSync(f, "utf8"))),
    ).toStrictEqual([]);
  });
});

describe("style (architecture.md §4.11)", () => {
  it("every export has a one-line comment (or JSDoc) right above it", () => {
    const missing: string[] = [];
    for (const f of srcFiles) {
      const lines = source(f).split("\n");
      lines.forEach((line, i) => {
        if (
          !/^export (async )?(function|const|class|interface|type|let|enum)\b/.test(
            line,
          )
        )
          return;
        const prev = (lines[i - 1] ?? "").trim();
        if (!(prev.startsWith("//") || prev.endsWith("*/")))
          missing.push(`${f}:${i + 1}`);
      });
    }
    expect(missing).toStrictEqual([]);
  });
});
