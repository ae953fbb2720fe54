import { describe, expect, it } from "vitest";
import { check } from "../../src/doctor/check.js";
import { renderDoctor, summaryLine } from "../../src/doctor/render-doctor.js";
import { makePaint } from "../../src/output/color.js";

const checks = [
  check("node", "ok", "Node 20.19.1"),
  check("agent", "fail", 'agent "claude" was not found', {
    detail: "not on PATH",
    hint: "install it",
  }),
  check("lock", "warn", "stale", { hint: "wait" }),
];

describe("doctor report (cli.md C-DOCTOR-1, C-COLOR-2)", () => {
  it("one row per check; detail and hint under failures and warnings; a summary line", () => {
    expect(
      renderDoctor(checks, {
        paint: makePaint(false),
        isTTY: false,
        version: "0.4.0",
      }),
    ).toBe(
      [
        "specfuse doctor 0.4.0",
        "  ok    node   Node 20.19.1",
        '  FAIL  agent  agent "claude" was not found',
        "               not on PATH",
        "               hint: install it",
        "  warn  lock   stale",
        "               hint: wait",
        "1 check failed, 1 warning",
        "",
      ].join("\n"),
    );
  });

  it("issue 17 point 6: a multi-line hint (an example file) stays in the hint column", () => {
    const text = renderDoctor(
      [
        check("config", "fail", "not valid YAML", {
          hint: "fix the line above; a valid file looks like:\nversion: 1\nagent:\n  command: claude",
        }),
      ],
      { paint: makePaint(false), isTTY: false, version: "0.4.0" },
    );
    expect(text).toContain(
      [
        "                hint: fix the line above; a valid file looks like:",
        "                      version: 1",
        "                      agent:",
        "                        command: claude",
      ].join("\n"),
    );
  });

  it("C-COLOR-2 a TTY gets symbols next to the words", () => {
    const text = renderDoctor(checks, {
      paint: makePaint(false),
      isTTY: true,
      version: "0.4.0",
    });
    expect(text).toContain("✓ ok");
    expect(text).toContain("✗ FAIL");
    expect(text).toContain("! warn");
  });

  it("all passing", () => {
    expect(summaryLine([check("node", "ok", "x")])).toBe("all 1 check passed");
  });
});
