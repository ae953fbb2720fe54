import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileSchema } from "../../../src/schemas/ajv.js";
import { ADOPT_OUTPUT_SCHEMA } from "../../../src/schemas/adopt-output.js";
import { EVENT_SCHEMA } from "../../../src/schemas/events.js";
import { FEATURES_OUTPUT_SCHEMA } from "../../../src/schemas/features-output.js";
import { splitFrontmatterForTest } from "../../feature/split.js";
import { issueJson } from "../../github/gh-stub.js";
import { holdLock } from "../operator-repo.js";
import { githubRepo } from "./github-repo.js";

const URL = "https://github.com/octo/widgets/issues/12";
const YEAR = new Date().getUTCFullYear();
const ID = `FEAT-${YEAR}-0001`;
const FOLDER = `${ID}-rate-limits`;
const DIR = `.specfuse/features/${FOLDER}`;
const REPO_VIEW = {
  argv: ["repo", "view"],
  stdout: '{"defaultBranchRef":{"name":"main"}}\n',
};
const issue = (fields: Parameters<typeof issueJson>[0] = {}) => [
  { argv: ["issue", "view"], stdout: issueJson(fields) },
  REPO_VIEW,
];
const validateAdopt = compileSchema(ADOPT_OUTPUT_SCHEMA);
const validateEvent = compileSchema(EVENT_SCHEMA);

describe("specfuse adopt (github.md §2)", () => {
  it("GH-ADOPT-1..7 writes a lint-clean folder, the event and the roadmap row; never commits", async () => {
    const repo = githubRepo(
      issue({
        body: "## Acceptance\n- [ ] over the limit gets 429\n- [ ] limits are per client\n",
        labels: ["specfuse:feature", "autonomy:auto"],
      }),
    );
    const head = repo.head();
    const r = await repo.cli(["adopt", URL]);
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(`create     ${DIR}/PLAN.md`);
    expect(r.stdout).toMatch(/Edit checklist \(\d+ lint warnings\)/);
    expect(r.stdout).toContain(`specfuse arm --feature ${FOLDER}`);
    expect(readdirSync(path.join(repo.dir, DIR)).sort()).toStrictEqual([
      "GATE-01.md",
      "PLAN.md",
      "WU-01-rate-limits.md",
      "WU-90-gate-1-close.md",
      "events.jsonl",
    ]);
    const read = (f: string) =>
      readFileSync(path.join(repo.dir, DIR, f), "utf8");
    expect(splitFrontmatterForTest(read("PLAN.md"))).toStrictEqual({
      feature_id: ID,
      title: "Rate limits",
      slug: "rate-limits",
      branch: `feat/${FOLDER}`,
      base: "main",
      roadmap_goal: "Rate limits",
      autonomy_default: "auto",
      status: "planned",
      source_issue_url: URL,
    });
    expect(read("WU-01-rate-limits.md")).toContain(
      "**Acceptance criteria.**\n- over the limit gets 429\n- limits are per client\n",
    );
    const events = read("events.jsonl").trimEnd().split("\n");
    expect(events).toHaveLength(1);
    const event = JSON.parse(events[0] ?? "") as {
      payload: Record<string, unknown>;
    };
    expect(validateEvent(event), JSON.stringify(validateEvent.errors)).toBe(
      true,
    );
    expect(event).toMatchObject({
      correlation_id: ID,
      event_type: "feature_adopted",
      payload: {
        source_issue_url: URL,
        issue_number: 12,
        title: "Rate limits",
        actor: "Test <test@example.com>",
        trigger: "adopt",
      },
    });
    expect((event.payload.transitions as unknown[]).length).toBe(4);
    expect(
      readFileSync(path.join(repo.dir, ".specfuse/roadmap.md"), "utf8"),
    ).toContain(
      `| ${ID} | Rate limits [#12](${URL}) | planned | ${FOLDER} | [below](#${ID.toLowerCase()}--rate-limits) |`,
    );
    const lint = await repo.cli(["lint", DIR]);
    expect(lint.exitCode, lint.stdout).toBe(0);
    expect(lint.stdout).toContain(", 0 errors,");
    expect(repo.head()).toBe(head);
    expect(repo.gh.calls().map((c) => c.argv.slice(0, 5))).toStrictEqual([
      ["issue", "view", "12", "--repo", "octo/widgets"],
      ["repo", "view", "octo/widgets", "--json", "defaultBranchRef"],
    ]);
  });

  it("GH-ADOPT-4 a second adopt of the same issue is refused before any gh call, writing nothing", async () => {
    const repo = githubRepo(issue());
    expect((await repo.cli(["adopt", URL])).exitCode).toBe(0);
    const before = repo.state();
    const calls = repo.gh.calls().length;
    const r = await repo.cli([
      "adopt",
      "https://GITHUB.com/Octo/Widgets/issues/12/#top",
      "--json",
    ]);
    expect(r.exitCode).toBe(1);
    const out = JSON.parse(r.stdout) as {
      error: { code: string; message: string };
    };
    expect(validateAdopt(out)).toBe(true);
    expect(out.error.code).toBe("issue_already_adopted");
    expect(out.error.message).toContain(DIR);
    expect(repo.state()).toBe(before);
    expect(repo.gh.calls()).toHaveLength(calls);
  });

  it("GH-ADOPT-2 a bare number uses the push remote; [<feature id>] titles keep their id; --json validates", async () => {
    const repo = githubRepo(
      issue({ title: "[FEAT-2030-0042] Billing export" }),
    );
    const r = await repo.cli(["adopt", "12", "--json"]);
    expect(r.exitCode, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(validateAdopt(out), JSON.stringify(validateAdopt.errors)).toBe(true);
    expect(out).toMatchObject({
      schema: "specfuse.adopt/1",
      feature_id: "FEAT-2030-0042",
      dir: ".specfuse/features/FEAT-2030-0042-billing-export",
      branch: "feat/FEAT-2030-0042-billing-export",
      base: "main",
    });
    expect(out.next_steps).toContain("specfuse run");
    const again = githubRepo(
      issue({ number: 13, title: "[FEAT-2030-0042] Other" }),
      {
        extra: {
          ".specfuse/features/FEAT-2030-0042-billing-export/PLAN.md":
            "---\nfeature_id: FEAT-2030-0042\n---\n",
        },
      },
    );
    const before = again.state();
    const taken = await again.cli(["adopt", "13"]);
    expect(taken.exitCode).toBe(1);
    expect(taken.stderr).toContain("error[feature_exists]");
    expect(again.state()).toBe(before);
  });

  it("--dry-run writes nothing and takes no lock", async () => {
    const repo = githubRepo(issue());
    const before = repo.state();
    await holdLock(repo.dir);
    const r = await repo.cli(["adopt", URL, "--dry-run"]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain("specfuse adopt (dry run): nothing was written");
    expect(r.stdout).toContain(`would create     ${DIR}/PLAN.md`);
    expect(repo.state()).toBe(before);
  });

  it("GH-ADOPT-1 a held lock is exit 3, nothing written", async () => {
    const repo = githubRepo(issue());
    await holdLock(repo.dir);
    const before = repo.state();
    const r = await repo.cli(["adopt", URL]);
    expect(r.exitCode).toBe(3);
    expect(repo.state()).toBe(before);
  });

  it.each<
    [
      string,
      {
        args?: string[];
        fixtures?: Parameters<typeof githubRepo>[0];
        hasRemote?: boolean;
        env?: boolean;
      },
      number,
      string,
    ]
  >([
    [
      "an issue URL of another host",
      { args: ["https://gitlab.com/octo/widgets/issues/12"] },
      64,
      "issue_ref_invalid",
    ],
    [
      "a pull request URL",
      { args: ["https://github.com/octo/widgets/pull/12"] },
      64,
      "issue_ref_invalid",
    ],
    [
      "a --repo that conflicts with the URL",
      { args: [URL, "--repo", "octo/other"] },
      64,
      "usage",
    ],
    [
      "a closed issue",
      { fixtures: issue({ state: "CLOSED" }) },
      1,
      "issue_closed",
    ],
    [
      "a title whose bracket is not a feature id",
      { fixtures: issue({ title: "[FEAT-26-1] Rate limits" }) },
      65,
      "issue_title_invalid",
    ],
    [
      "a number without a remote",
      { args: ["12"], hasRemote: false },
      1,
      "no_remote",
    ],
    [
      "malformed JSON from gh",
      { fixtures: [{ argv: ["issue"], stdout: '{"number": 12, "title": ' }] },
      1,
      "gh_failed",
    ],
    [
      "gh not logged in (exit 4)",
      { fixtures: [{ argv: ["issue"], exit: 4, stderr: "gh auth login\n" }] },
      1,
      "gh_auth_required",
    ],
  ])(
    "bad input: %s → exit %i %s, nothing written",
    async (_name, c, exit, code) => {
      const repo = githubRepo(c.fixtures ?? issue(), {
        hasRemote: c.hasRemote ?? true,
      });
      const before = repo.state();
      const r = await repo.cli(["adopt", ...(c.args ?? [URL])]);
      expect(r.exitCode, r.stderr).toBe(exit);
      expect(r.stderr).toMatch(new RegExp(`^error\\[${code}\\]: `));
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(repo.state()).toBe(before);
    },
  );

  it("GH-GH-2 no gh on PATH: exit 1 gh_not_found", async () => {
    const repo = githubRepo(issue());
    const r = await (
      await import("../../helpers/run-cli.js")
    ).runCli(["adopt", URL], {
      cwd: repo.dir,
      env: {
        ...repo.env,
        PATH: path.dirname(process.execPath) + ":/usr/bin:/bin",
      },
    });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("error[gh_not_found]");
    expect(r.stderr).toContain("https://cli.github.com");
  });

  it("a 1 MB issue body with front-matter-like content is quoted, capped, and lints clean", async () => {
    const body = `---\nstatus: done\n---\n## Acceptance\n- [ ] fast\n${"z".repeat(1_000_000)}`;
    const repo = githubRepo(issue({ body }));
    const r = await repo.cli(["adopt", URL]);
    expect(r.exitCode, r.stderr).toBe(0);
    const unit = readFileSync(
      path.join(repo.dir, DIR, "WU-01-rate-limits.md"),
      "utf8",
    );
    expect(unit.length).toBeLessThan(25_000);
    expect(unit).toContain("> ---\n> status: done\n> ---\n");
    expect((await repo.cli(["lint", DIR])).exitCode).toBe(0);
  });
});

describe("specfuse features (github.md GH-FEAT-1)", () => {
  const validate = compileSchema(FEATURES_OUTPUT_SCHEMA);

  it("lists local features without calling gh; --github flags each open issue adopted or not", async () => {
    const list = {
      argv: ["issue", "list"],
      stdout: JSON.stringify([
        { number: 12, title: "Rate limits", url: URL },
        {
          number: 14,
          title: "[FEAT-2030-0007] Exports",
          url: "https://github.com/octo/widgets/issues/14",
        },
        {
          number: 15,
          title: "Dark mode",
          url: "https://github.com/octo/widgets/issues/15",
        },
      ]),
    };
    const repo = githubRepo([...issue(), list], {
      extra: {
        ".specfuse/features/FEAT-2030-0007-exports/PLAN.md":
          "---\nfeature_id: FEAT-2030-0007\nstatus: active\n---\n",
      },
    });
    expect((await repo.cli(["adopt", URL])).exitCode).toBe(0);
    const calls = repo.gh.calls().length;
    const local = await repo.cli(["features", "--json"]);
    expect(local.exitCode).toBe(0);
    expect(repo.gh.calls()).toHaveLength(calls);
    const out = JSON.parse(local.stdout) as {
      features: unknown[];
      issues: unknown[];
    };
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    expect(out.features).toContainEqual({
      dir: DIR,
      feature_id: ID,
      status: "planned",
      source_issue_url: URL,
    });
    const gh = await repo.cli(["features", "--github"]);
    expect(gh.exitCode, gh.stderr).toBe(0);
    expect(gh.stdout).toMatch(
      new RegExp(`#12 +— +Rate limits +adopted ${DIR}`),
    );
    expect(gh.stdout).toMatch(
      /#14 +FEAT-2030-0007 +\[FEAT-2030-0007\] Exports +adopted \.specfuse\/features\/FEAT-2030-0007-exports/,
    );
    expect(gh.stdout).toMatch(/#15 +— +Dark mode +not adopted/);
    expect(repo.gh.calls().at(-1)?.argv).toStrictEqual([
      "issue",
      "list",
      "--repo",
      "octo/widgets",
      "--label",
      "specfuse:feature",
      "--state",
      "open",
      "--json",
      "number,title,url",
      "--limit",
      "500",
    ]);
  });
});
