import { describe, expect, it } from "vitest";
import {
  configCheck,
  legacyCheck,
  lockCheck,
  modifiedCheck,
  pluginEntries,
  verificationCheck,
  versionCheck,
  wiringCheck,
  errorDetail,
} from "../../src/doctor/decide-workspace.js";
import {
  IGNORE_PROBES,
  type IgnoreAnswer,
} from "../../src/doctor/ignore-probe.js";
import { SpecfuseError } from "../../src/errors/specfuse-error.js";
import { fileOp, type FileOp } from "../../src/scaffold/file-op.js";
import type { ScaffoldPlan } from "../../src/scaffold/plan-types.js";
import { scaffoldDrift } from "../../src/status/scaffold-drift.js";
import type { Verification } from "../../src/types/config.js";

const plan = (ops: FileOp[]): { ok: true; value: ScaffoldPlan } => ({
  ok: true,
  value: { ops, kept: [], warnings: [], leftovers: [], example: null },
});
const sets = (
  entries: Record<string, number>,
): { ok: true; value: Verification } => ({
  ok: true,
  value: {
    cost_tracking: true,
    sets: new Map(
      Object.entries(entries).map(([k, n]) => [
        k,
        Array.from({ length: n }, (_, i) => ({
          name: `c${i}`,
          command: "true",
          timeout_seconds: 900,
        })),
      ]),
    ),
  },
});
const holder = {
  pid: 9,
  host: "h",
  started_at: "2026-11-22T02:00:00Z",
  feature: "FEAT-2026-0042",
  command: "run",
  version: "0.4.0",
};

describe("doctor workspace checks (cli.md C-DOCTOR-1)", () => {
  it.each([
    ["0.4.0", "ok"],
    ["0.3.1", "warn"],
    ["9.0.0", "warn"],
    [null, "warn"],
    ["nope", "fail"],
  ])("scaffold-version %j → %s", (text, status) => {
    expect(versionCheck(scaffoldDrift(text, "0.4.0")).status).toBe(status);
  });

  it("scaffold-modified: kept and missing versioned files warn; seeds and unchanged files are fine", () => {
    expect(
      modifiedCheck(
        plan([
          fileOp(".specfuse/rules/a.md", "unchanged", "scaffold"),
          fileOp(".specfuse/config.yml", "create", "scaffold", "x"),
        ]),
      ).status,
    ).toBe("ok");
    const c = modifiedCheck(
      plan([
        fileOp(
          ".specfuse/rules/a.md",
          "keep",
          "scaffold",
          null,
          "locally modified",
        ),
        fileOp(".specfuse/docs/b.md", "create", "scaffold", "x"),
      ]),
    );
    expect(c.status).toBe("warn");
    expect(c.detail).toBe(
      "kept: .specfuse/rules/a.md (locally modified)\nmissing: .specfuse/docs/b.md",
    );
    const bad = new SpecfuseError({
      code: "scaffold_manifest_invalid",
      message: "manifest broken",
    });
    expect(modifiedCheck({ ok: false, error: bad })).toMatchObject({
      status: "fail",
      code: "scaffold_manifest_invalid",
    });
  });

  it("wiring: missing .gitignore lines fail, other wiring gaps warn, a bad settings.json fails", () => {
    expect(
      wiringCheck(plan([fileOp(".gitignore", "unchanged", "wiring")])).status,
    ).toBe("ok");
    expect(
      wiringCheck(plan([fileOp(".gitignore", "append", "wiring", "x")])).status,
    ).toBe("fail");
    const warn = wiringCheck(
      plan([
        fileOp(".claude/settings.json", "merge", "wiring", "x"),
        fileOp(
          ".claude/commands/arm-gate.md",
          "keep",
          "command",
          null,
          "locally modified",
        ),
      ]),
    );
    expect(warn.status).toBe("warn");
    expect(warn.detail).toMatch(/allowlist/);
    expect(warn.detail).toMatch(
      /differs from the shipped version: .claude\/commands\/arm-gate.md/,
    );
    const bad = new SpecfuseError({
      code: "settings_invalid",
      message: "settings broken",
    });
    expect(wiringCheck({ ok: false, error: bad })).toMatchObject({
      status: "fail",
      code: "settings_invalid",
    });
  });

  it("issue 17 point 6: with git's answers, the .gitignore lines' spelling does not matter; wrong answers fail", () => {
    const right: IgnoreAnswer[] = IGNORE_PROBES.map((probe) => ({
      probe,
      rule: probe.isIgnored ? ".gitignore:1: work/" : null,
    }));
    const appendWanted = plan([fileOp(".gitignore", "append", "wiring", "x")]);
    expect(wiringCheck(appendWanted, right).status).toBe("ok");
    const wrong = right.map((a) =>
      a.probe.path === ".specfuse/.loop.lock"
        ? { ...a, rule: null }
        : a.probe.path.endsWith("/PLAN.md")
          ? { ...a, rule: ".gitignore:3: .specfuse/" }
          : a,
    );
    const failed = wiringCheck(appendWanted, wrong);
    expect(failed.status).toBe("fail");
    expect(failed.detail?.split("\n")).toStrictEqual([
      "not ignored: the lock (.specfuse/.loop.lock)",
      "ignored by .gitignore:3: .specfuse/: feature folders (.specfuse/features/FEAT-0000-0000-probe/PLAN.md) must be committed",
    ]);
  });

  it("issue 17 point 6: an error's detail carries its location and the quoted line", () => {
    const e = new SpecfuseError({
      code: "yaml_error",
      message: "x is not valid YAML",
      file: ".specfuse/config.yml",
      line: 3,
      excerpt: "  command: [oops",
      detail: "Flow sequence must end with ]",
    });
    expect(errorDetail(e)).toBe(
      "--> .specfuse/config.yml:3\n3 |   command: [oops\nFlow sequence must end with ]",
    );
  });

  it("verification: doc and plannext are required; no code check only warns (init.md I-STACK-4)", () => {
    expect(
      verificationCheck(sets({ code: 1, doc: 1, plannext: 1 })).status,
    ).toBe("ok");
    expect(
      verificationCheck(sets({ code: 0, doc: 1, plannext: 1 })).status,
    ).toBe("warn");
    expect(verificationCheck(sets({ code: 1, doc: 1 }))).toMatchObject({
      status: "fail",
      code: "verification_set_missing",
    });
    const bad = new SpecfuseError({
      code: "yaml_error",
      message: "does not parse",
    });
    expect(verificationCheck({ ok: false, error: bad })).toMatchObject({
      status: "fail",
      code: "yaml_error",
    });
  });

  it("config: valid, unknown keys warn, invalid fails", () => {
    expect(configCheck({ ok: true, value: [] }, false).summary).toMatch(
      /defaults apply/,
    );
    expect(
      configCheck(
        {
          ok: true,
          value: [
            {
              code: "config_unknown_key",
              key: "x",
              message: "x is unknown",
              file: "f",
              line: 1,
            },
          ],
        },
        true,
      ).status,
    ).toBe("warn");
    const bad = new SpecfuseError({
      code: "config_invalid",
      message: "max_attempts: 11",
    });
    expect(configCheck({ ok: false, error: bad }, true)).toMatchObject({
      status: "fail",
      code: "config_invalid",
    });
  });

  it.each<[Parameters<typeof lockCheck>[0], string, RegExp]>([
    [
      {
        state: "free",
        holder: null,
        isHolderAlive: null,
        refreshedMsAgo: null,
        hasLegacyFile: false,
      },
      "ok",
      /^free$/,
    ],
    [
      {
        state: "held",
        holder,
        isHolderAlive: true,
        refreshedMsAgo: 5,
        hasLegacyFile: false,
      },
      "ok",
      /held by specfuse run \(pid 9/,
    ],
    [
      {
        state: "dead",
        holder,
        isHolderAlive: false,
        refreshedMsAgo: 5,
        hasLegacyFile: false,
      },
      "warn",
      /no longer running/,
    ],
    [
      {
        state: "stale",
        holder,
        isHolderAlive: null,
        refreshedMsAgo: 60_000,
        hasLegacyFile: false,
      },
      "warn",
      /stale: not refreshed for 1m 0s/,
    ],
    [
      {
        state: "free",
        holder: null,
        isHolderAlive: null,
        refreshedMsAgo: null,
        hasLegacyFile: true,
      },
      "warn",
      /regular file/,
    ],
  ])("lock %#", (state, status, summary) => {
    const c = lockCheck(state);
    expect(c.status).toBe(status);
    expect(c.summary).toMatch(summary);
  });

  it("legacy: reference leftovers and specfuse plugin entries in settings.json", () => {
    expect(legacyCheck([], '{"permissions": {}}').status).toBe("ok");
    const settings = JSON.stringify({
      enabledPlugins: { "specfuse-loop@specfuse": true, "other@x": true },
      extraKnownMarketplaces: { specfuse: {} },
    });
    expect(pluginEntries(settings)).toEqual([
      "enabledPlugins.specfuse-loop@specfuse",
      "extraKnownMarketplaces.specfuse",
    ]);
    const c = legacyCheck([".specfuse/scripts/", ".specfuse/config"], settings);
    expect(c.status).toBe("warn");
    expect(c.detail?.split("\n")).toHaveLength(4);
    expect(pluginEntries("not json")).toEqual([]);
  });
});
