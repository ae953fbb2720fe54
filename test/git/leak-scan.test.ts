import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { redactLeakScan } from "../../src/driver/commit/leak-scan.js";
import { squashRejectionSummary } from "../../src/driver/tree/squash.js";

const h8 = (tok: string) =>
  createHash("sha256").update(tok).digest("hex").slice(0, 8);

describe("redactLeakScan (D-GIT-6 step 4)", () => {
  it.each(["email", "user-path", "private-host", "denylist"])(
    "redacts a single-quoted %s token",
    (label) => {
      const text = `leak-scan: found ${label}: 'secret-value' in diff`;
      expect(redactLeakScan(text)).toBe(
        `leak-scan: found ${label}: '<redacted:${h8("secret-value")}>' in diff`,
      );
    },
  );

  it("redacts double-quoted tokens and writes single quotes", () => {
    expect(redactLeakScan('leak-scan\nemail: "a@corp.example"')).toBe(
      `leak-scan\nemail: '<redacted:${h8("a@corp.example")}>'`,
    );
  });

  it("redacts every occurrence, each with its own hash", () => {
    const out = redactLeakScan(
      "leak-scan failed\n  user-path: '/home/ann'\n  private-host: 'db.internal'",
    );
    expect(out).toContain(`user-path: '<redacted:${h8("/home/ann")}>'`);
    expect(out).toContain(`private-host: '<redacted:${h8("db.internal")}>'`);
    expect(out).not.toMatch(/ann|db\.internal/);
  });

  it("leaves text alone without the word leak-scan", () => {
    const text = "hook failed: email: 'a@b.example'";
    expect(redactLeakScan(text)).toBe(text);
  });

  it("leaves other labels and unquoted values alone", () => {
    const text = "leak-scan: token: 'x' email: unquoted";
    expect(redactLeakScan(text)).toBe(text);
  });

  it("does not treat a longer label as one of the four", () => {
    const text = "leak-scan: work-email: 'x'";
    expect(redactLeakScan(text)).toBe(text);
  });
});

describe("squashRejectionSummary (D-GIT-6 step 3)", () => {
  it("gives the exit code, stderr and stdout, redacted", () => {
    expect(
      squashRejectionSummary({
        exitCode: 1,
        stderr: "leak-scan: denylist: 'hunter2'\n",
        stdout: "checked 3 files\n",
      }),
    ).toBe(
      `git commit exited with 1\nstderr:\nleak-scan: denylist: '<redacted:${h8("hunter2")}>'\nstdout:\nchecked 3 files`,
    );
  });

  it("omits empty streams", () => {
    expect(
      squashRejectionSummary({ exitCode: 2, stderr: "", stdout: " \n" }),
    ).toBe("git commit exited with 2");
  });
});
