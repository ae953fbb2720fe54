import { describe, expect, it } from "vitest";
import { issueKey, parseIssueRef } from "../../src/github/issue-ref.js";
import {
  parseRemoteUrl,
  parseRepoOption,
  redactCredentials,
  repoArg,
} from "../../src/github/repo-ref.js";

describe("remote URLs (github.md GH-GH-4)", () => {
  it.each<[string, string | null]>([
    ["https://github.com/octo/widgets.git", "octo/widgets"],
    ["https://github.com/octo/widgets", "octo/widgets"],
    ["https://github.com/octo/widgets/", "octo/widgets"],
    ["https://user:s3cret@github.com/octo/widgets.git", "octo/widgets"],
    ["git@github.com:octo/widgets.git", "octo/widgets"],
    ["git@github.com:octo/widgets", "octo/widgets"],
    ["ssh://git@github.com/octo/widgets.git", "octo/widgets"],
    ["ssh://git@ssh.github.com:443/octo/widgets.git", "octo/widgets"],
    ["https://ghe.example.com/team/app.git", "ghe.example.com/team/app"],
    ["git@ghe.example.com:team/app.git", "ghe.example.com/team/app"],
    ["/tmp/origin.git", null],
    ["file:///tmp/origin.git", null],
    ["https://github.com/only-owner", null],
    ["https://github.com/a/b/c", null],
    ["", null],
  ])("%s → %s", (url, expected) => {
    const ref = parseRemoteUrl(url);
    expect(ref === null ? null : repoArg(ref)).toBe(expected);
  });

  it("--repo takes owner/name or host/owner/name, nothing else", () => {
    expect(parseRepoOption("octo/widgets")).toStrictEqual({
      host: "github.com",
      owner: "octo",
      name: "widgets",
    });
    expect(repoArg(parseRepoOption("GHE.example.com/t/a") ?? never())).toBe(
      "ghe.example.com/t/a",
    );
    for (const bad of ["widgets", "a/b/c/d", "../x", "o/$(rm)", ""])
      expect(parseRepoOption(bad)).toBeNull();
  });

  it("prints URLs and git output without userinfo", () => {
    expect(
      redactCredentials(
        "fatal: unable to access 'https://x-access-token:ghp_abc@github.com/o/r.git/': 403",
      ),
    ).toBe("fatal: unable to access 'https://github.com/o/r.git/': 403");
    expect(redactCredentials("ssh://git@host/o/r")).toBe("ssh://host/o/r");
  });
});

describe("issue references (GH-ADOPT-2, GH-ADOPT-4)", () => {
  it("reads a URL, which fixes the repository, or a bare number", () => {
    expect(
      parseIssueRef("https://github.com/Octo/Widgets/issues/42#issuecomment-1"),
    ).toStrictEqual({
      kind: "url",
      repo: { host: "github.com", owner: "Octo", name: "Widgets" },
      number: 42,
      url: "https://github.com/Octo/Widgets/issues/42",
    });
    expect(parseIssueRef("42")).toStrictEqual({ kind: "number", number: 42 });
    expect(parseIssueRef("#7")).toStrictEqual({ kind: "number", number: 7 });
  });

  it.each([
    "0",
    "-1",
    "4x",
    "http://github.com/o/r/issues/1",
    "https://github.com/o/r/pull/1",
    "https://github.com/o/r/issues/",
    "$(id)",
  ])("refuses %s", (bad) => expect(parseIssueRef(bad)).toBeNull());

  it("compares issue URLs ignoring case in host, owner and repo, a trailing / and #…", () => {
    const a = issueKey("https://GitHub.com/Octo/Widgets/issues/42/");
    expect(a).toBe(issueKey("https://github.com/octo/widgets/issues/42#top"));
    expect(a).not.toBe(issueKey("https://github.com/octo/widgets/issues/420"));
    expect(issueKey(42)).toBeNull();
    expect(issueKey("not a url")).toBeNull();
  });
});

function never(): never {
  throw new Error("unreachable");
}
