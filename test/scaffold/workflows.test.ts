import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readAssets } from "../../src/scaffold/read-target.js";
import { managedFiles } from "../../src/scaffold/managed-files.js";
import { PROJECT_ROOT } from "../helpers/run-cli.js";

// The workflows as `init --ci github` writes them for version 9.8.7.
const assets = await readAssets(PROJECT_ROOT);
const written = managedFiles("9.8.7", assets, true);
const text = (name: string) => written.get(`.github/workflows/${name}`)?.content ?? "";
type Step = Record<string, unknown> & { run?: string; uses?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = Record<string, unknown> & { steps: Step[] };
const doc = (name: string) =>
  parse(text(name), { version: "1.2" }) as { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, Job> };

describe("GitHub Actions templates (github.md GH-CI-1..3; structural check in place of actionlint, see docs/github.md)", () => {
  it("GH-CI-1 ships exactly the two workflows, deterministic and pinned to the package version", () => {
    expect([...written.keys()].filter((k) => k.startsWith(".github/"))).toStrictEqual([
      ".github/workflows/specfuse-lint.yml",
      ".github/workflows/specfuse-run.yml",
    ]);
    expect(managedFiles("9.8.7", assets, true)).toStrictEqual(written);
    expect(managedFiles("9.8.7", assets, false).has(".github/workflows/specfuse-run.yml")).toBe(false);
    for (const name of ["specfuse-lint.yml", "specfuse-run.yml"]) {
      const t = text(name);
      expect(t).not.toContain("__SPECFUSE_VERSION__");
      const calls = [...t.matchAll(/npx[^\n]*specfuse[@ ][^\s]*/g)].map((m) => m[0]);
      expect(calls.length).toBeGreaterThan(0);
      for (const c of calls) expect(c).toMatch(/^npx --yes specfuse@9\.8\.7$/);
    }
  });

  it("GH-CI-3 inputs reach scripts only through env: no ${{ inside any run:", () => {
    for (const name of ["specfuse-lint.yml", "specfuse-run.yml"])
      for (const job of Object.values(doc(name).jobs))
        for (const step of job.steps)
          if (step.run !== undefined) expect(step.run, `${name}: ${step.run}`).not.toContain("${{");
  });

  it("GH-CI-2 lint: pull requests and default-branch pushes, read-only plus code scanning, SARIF then annotations", () => {
    const w = doc("specfuse-lint.yml");
    expect(Object.keys(w.on).sort()).toStrictEqual(["pull_request", "push"]);
    expect(w.permissions).toStrictEqual({ contents: "read", "security-events": "write" });
    const job = w.jobs.lint as Job;
    expect(job.if).toContain("github.event.repository.default_branch");
    const steps = job.steps;
    expect(steps[0]?.uses).toMatch(/^actions\/checkout@/);
    expect(steps[1]).toMatchObject({ uses: expect.stringMatching(/^actions\/setup-node@/), with: { "node-version": 20 } });
    expect(steps[2]?.run).toBe("npx --yes specfuse@9.8.7 lint --format sarif > specfuse-lint.sarif || true");
    expect(steps[3]).toMatchObject({
      uses: expect.stringMatching(/^github\/codeql-action\/upload-sarif@/),
      if: "always()",
      "continue-on-error": true,
      with: { sarif_file: "specfuse-lint.sarif" },
    });
    expect(steps[4]?.run).toBe("npx --yes specfuse@9.8.7 lint --format github");
  });

  it("GH-CI-3 run: dispatch with a feature input, the label trigger commented out, resolve then run", () => {
    const w = doc("specfuse-run.yml");
    expect(Object.keys(w.on)).toStrictEqual(["workflow_dispatch"]);
    expect(w.on.workflow_dispatch).toMatchObject({ inputs: { feature: { required: true, type: "string" } } });
    expect(text("specfuse-run.yml")).toMatch(/^ {2}# issues:\n {2}# {3}types: \[labeled\]$/m);
    const resolve = w.jobs.resolve as Job;
    expect(resolve.outputs).toStrictEqual({ dir: "${{ steps.feature.outputs.dir }}", branch: "${{ steps.feature.outputs.branch }}" });
    const step = resolve.steps.find((s) => s.id === "feature");
    expect(step?.env).toStrictEqual({ REF: "${{ inputs.feature || github.event.issue.html_url }}" });
    expect(step?.run).toContain('npx --yes specfuse@9.8.7 status --feature "$REF" --json');
  });

  it("GH-CI-3 run job: one runner per feature (concurrency), write permissions, 6 h, the key only where the agent runs", () => {
    const job = doc("specfuse-run.yml").jobs.run as Job;
    expect(job.needs).toBe("resolve");
    expect(job.concurrency).toStrictEqual({ group: "specfuse-${{ needs.resolve.outputs.dir }}", "cancel-in-progress": false });
    expect(job.permissions).toStrictEqual({ contents: "write", "pull-requests": "write", issues: "write" });
    expect(job["timeout-minutes"]).toBe(360);
    expect((job.env as Record<string, string>).GH_TOKEN).toBe("${{ secrets.SPECFUSE_GH_TOKEN || github.token }}");
    expect(text("specfuse-run.yml")).toMatch(/github\.token trigger no other workflow/);
    const steps = job.steps;
    expect(steps[0]).toMatchObject({ uses: expect.stringMatching(/^actions\/checkout@/), with: { "fetch-depth": 0 } });
    expect(steps[1]?.run).toContain('git config user.name "github-actions[bot]"');
    expect(steps[2]?.run).toContain('git ls-remote --exit-code --heads origin "$BRANCH"');
    const withKey = steps.filter((s) => JSON.stringify(s).includes("ANTHROPIC_API_KEY"));
    expect(withKey).toHaveLength(1);
    expect(withKey[0]?.run).toBe('npx --yes specfuse@9.8.7 run --feature "$DIR"');
    const pr = steps.find((s) => s.run?.includes(" pr --feature") === true);
    expect(pr).toMatchObject({ if: "always()", run: 'npx --yes specfuse@9.8.7 pr --feature "$DIR"' });
    const upload = steps.at(-1);
    expect(upload).toMatchObject({
      if: "always()",
      uses: expect.stringMatching(/^actions\/upload-artifact@/),
      with: { path: "${{ needs.resolve.outputs.dir }}/work/", "retention-days": 14 },
    });
  });

  it("the shipped templates are the files under scaffold/ci/github", () => {
    for (const name of ["specfuse-lint.yml", "specfuse-run.yml"])
      expect(text(name)).toBe(
        readFileSync(path.join(PROJECT_ROOT, "scaffold", "ci", "github", name), "utf8").replaceAll("__SPECFUSE_VERSION__", "9.8.7"),
      );
  });
});
