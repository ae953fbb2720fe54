import { describe, expect, it } from "vitest";
import { isSpecfuseError } from "../../src/errors/specfuse-error.js";
import { createGh } from "../../src/github/gh.js";
import { defaultBranch, viewIssue } from "../../src/github/gh-api.js";
import { testContext } from "../helpers/context.js";
import { tempDir } from "../helpers/temp-dir.js";
import { ghStub, issueJson } from "./gh-stub.js";

const REPO = { host: "github.com", owner: "octo", name: "widgets" };
const GHE = { host: "ghe.example.com", owner: "team", name: "app" };

function client(env: Record<string, string>, timeoutMs?: number) {
  const ctx = testContext();
  return createGh({
    env,
    cwd: tempDir("specfuse-gh-cwd-"),
    timings: ctx.timings,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
}

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (error) {
    if (isSpecfuseError(error)) return error;
    throw error;
  }
  throw new Error("expected a failure");
}

describe("gh access (github.md GH-GH-1, GH-GH-2, GH-TEST-1)", () => {
  it("GH-GH-1 every call names its repository, never prompts and is never coloured", async () => {
    const stub = ghStub([
      { argv: ["issue", "view"], stdout: issueJson({}) },
      {
        argv: ["repo", "view"],
        stdout: '{"defaultBranchRef":{"name":"trunk"}}',
      },
    ]);
    const gh = client(stub.env);
    expect((await viewIssue(gh, REPO, 12)).title).toBe("Rate limits");
    expect(await defaultBranch(gh, GHE)).toBe("trunk");
    const calls = stub.calls();
    expect(calls.map((c) => c.argv)).toStrictEqual([
      [
        "issue",
        "view",
        "12",
        "--repo",
        "octo/widgets",
        "--json",
        "number,title,body,labels,url,state",
      ],
      [
        "repo",
        "view",
        "ghe.example.com/team/app",
        "--json",
        "defaultBranchRef",
      ],
    ]);
    for (const c of calls)
      expect(c.env).toStrictEqual({ GH_PROMPT_DISABLED: "1", NO_COLOR: "1" });
  });

  it("GH-GH-2 no gh on PATH: gh_not_found with the install hint", async () => {
    const e = await failure(
      client({ PATH: tempDir("specfuse-empty-path-") }).call(["--version"]),
    );
    expect(e.code).toBe("gh_not_found");
    expect(e.hint).toContain("https://cli.github.com");
  });

  it("GH-GH-2 exit 4: gh_auth_required, hint gh auth login", async () => {
    const stub = ghStub([
      {
        argv: ["issue"],
        exit: 4,
        stderr: "To get started with GitHub CLI, please run:  gh auth login\n",
      },
    ]);
    const e = await failure(viewIssue(client(stub.env), REPO, 1));
    expect(e.code).toBe("gh_auth_required");
    expect(e.hint).toContain("gh auth login");
  });

  it("GH-GH-2 other failures: gh_failed with the stderr tail, credentials removed", async () => {
    const stub = ghStub([
      {
        argv: ["issue"],
        exit: 1,
        stderr:
          "GraphQL: Could not resolve to an issue (https://u:ghp_x@github.com/o/r)\n",
      },
    ]);
    const e = await failure(viewIssue(client(stub.env), REPO, 99));
    expect(e.code).toBe("gh_failed");
    expect(e.detail).toContain("Could not resolve to an issue");
    expect(e.detail).not.toContain("ghp_x");
  });

  it("malformed JSON from gh is gh_failed, naming the command", async () => {
    for (const stdout of ["{not json", "[]", '{"number": 1}', ""]) {
      const stub = ghStub([{ argv: ["issue"], stdout }]);
      const e = await failure(viewIssue(client(stub.env), REPO, 1));
      expect(e.code, stdout).toBe("gh_failed");
      expect(e.message).toMatch(
        /^gh issue view printed output specfuse cannot read/,
      );
    }
  });

  it("GH-GH-1 a call that hangs is killed at its limit (60 s in production)", async () => {
    const stub = ghStub([{ argv: ["issue"], sleep_ms: 10_000, stdout: "{}" }]);
    const started = performance.now();
    const e = await failure(viewIssue(client(stub.env, 300), REPO, 1));
    expect(e.code).toBe("gh_failed");
    expect(e.message).toMatch(/did not finish within 0.3 s/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
