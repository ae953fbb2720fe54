import { describe, expect, it } from "vitest";
import { driftAdvice, scaffoldDrift } from "../../src/status/scaffold-drift.js";

describe("scaffold version against the package (cli.md C-RUN-2)", () => {
  it.each([
    ["0.4.0\n", "none", null],
    ["0.3.1\n", "tree_older", /run `specfuse upgrade`/],
    ["v0.5\n", "tree_newer", /upgrade the CLI/],
    ["0.4.0-rc.1\n", "tree_older", /upgrade/],
    [null, "unversioned", /no .specfuse\/VERSION/],
    ["  \n", "unversioned", /no .specfuse\/VERSION/],
    ["banana\n", "invalid", /does not hold a version/],
  ])("%j → %s", (text, drift, advice) => {
    const info = scaffoldDrift(text, "0.4.0");
    expect(info.drift).toBe(drift);
    if (advice === null) expect(driftAdvice(info)).toBeNull();
    else expect(driftAdvice(info)).toMatch(advice);
  });
});
