import type { ConfigWarning } from "../config/normalize-config.js";
import type { SpecfuseError } from "../errors/specfuse-error.js";
import type { LockState } from "../lock/read-lock-state.js";
import { formatAge } from "../lock/lock-held-error.js";
import type { ScaffoldPlan } from "../scaffold/plan-types.js";
import { SEEDS, GITKEEP } from "../scaffold/plan-types.js";
import { isWriteAction } from "../scaffold/file-op.js";
import { MANIFEST_PATH } from "../scaffold/manifest.js";
import { driftAdvice, type ScaffoldInfo } from "../status/scaffold-drift.js";
import type { Verification } from "../types/config.js";
import { check, type Check } from "./check.js";
import { ignoreProblems, type IgnoreAnswer } from "./ignore-probe.js";

// An error's location, quoted line and detail as check detail lines, so a hint such as "fix the line above"
// has the line above it (issue 17 point 6).
export function errorDetail(error: SpecfuseError): string | null {
  const lines: string[] = [];
  if (error.file !== undefined)
    lines.push(
      `--> ${error.file}${error.line === undefined ? "" : `:${error.line}`}`,
    );
  if (error.excerpt !== undefined)
    lines.push(
      `${error.line === undefined ? "" : error.line} | ${error.excerpt.slice(0, 160)}`,
    );
  if (error.detail !== undefined && error.detail !== "")
    lines.push(error.detail);
  return lines.length === 0 ? null : lines.join("\n");
}

/** A read that either worked or failed with a stable error. */
export type Outcome<T> =
  { ok: true; value: T } | { ok: false; error: SpecfuseError };

// `scaffold-version`: VERSION against the package (cli.md C-RUN-2); pure.
export function versionCheck(info: ScaffoldInfo): Check {
  const advice = driftAdvice(info);
  switch (info.drift) {
    case "none":
      return check(
        "scaffold-version",
        "ok",
        `scaffold ${info.version ?? ""} matches specfuse ${info.package_version}`,
      );
    case "invalid":
      return check("scaffold-version", "fail", advice ?? "", {
        code: "scaffold_version_invalid",
        hint: "write the version that created this tree into .specfuse/VERSION, or empty it and run `specfuse upgrade`",
      });
    case "tree_newer":
      return check(
        "scaffold-version",
        "warn",
        `scaffold ${info.version ?? ""} is newer than specfuse ${info.package_version}`,
        {
          hint: `upgrade the CLI: npm i -D specfuse@${info.version ?? "latest"}`,
        },
      );
    default:
      return check(
        "scaffold-version",
        "warn",
        `scaffold ${info.version ?? "unversioned"} is older than specfuse ${info.package_version}`,
        {
          hint: "specfuse upgrade",
        },
      );
  }
}

const SEED_PATHS = new Set<string>([
  ...Object.values(SEEDS),
  GITKEEP,
  MANIFEST_PATH,
]);

// `scaffold-modified`: versioned files kept because they differ, or missing (init.md §7.2, via upgrade's planner); pure.
export function modifiedCheck(plan: Outcome<ScaffoldPlan>): Check {
  if (!plan.ok)
    return check("scaffold-modified", "fail", plan.error.message, {
      code: plan.error.code,
      hint: plan.error.hint ?? null,
    });
  const scaffold = plan.value.ops.filter((o) => o.group === "scaffold");
  const kept = scaffold.filter((o) => o.action === "keep");
  const missing = scaffold.filter(
    (o) => o.action === "create" && !SEED_PATHS.has(o.path),
  );
  if (kept.length === 0 && missing.length === 0)
    return check(
      "scaffold-modified",
      "ok",
      "every versioned file is as shipped or up to date",
    );
  const detail = [
    ...kept.map(
      (o) => `kept: ${o.path}${o.reason === null ? "" : ` (${o.reason})`}`,
    ),
    ...missing.map((o) => `missing: ${o.path}`),
  ].join("\n");
  const parts = [
    kept.length > 0 ? `${kept.length} locally modified` : null,
    missing.length > 0 ? `${missing.length} missing` : null,
  ].filter((p) => p !== null);
  return check(
    "scaffold-modified",
    "warn",
    `versioned files: ${parts.join(", ")}`,
    {
      detail,
      hint:
        missing.length > 0
          ? "specfuse upgrade restores missing files; to adopt a new version of a kept file, delete it and run `specfuse upgrade`"
          : "to adopt the shipped version of a kept file, delete it and run `specfuse upgrade`, then `git diff`",
    },
  );
}

// `wiring`: what git ignores (fail: runs would trip over work/), the CLAUDE.md block, the allowlist and the command
// files; pure. With git's answers (`ignore`), any spelling of the ignore rules passes; without them (no git work
// tree) the .gitignore lines are compared as `upgrade` would.
export function wiringCheck(
  plan: Outcome<ScaffoldPlan>,
  ignore: readonly IgnoreAnswer[] | null = null,
): Check {
  if (!plan.ok)
    return check("wiring", "fail", plan.error.message, {
      code: plan.error.code,
      hint: plan.error.hint ?? null,
    });
  const ignoreDetail = ignore === null ? [] : ignoreProblems(ignore);
  const ops = plan.value.ops.filter(
    (o) =>
      o.group !== "scaffold" && (ignore === null || o.path !== ".gitignore"),
  );
  const missing = ops.filter((o) => isWriteAction(o.action));
  const kept = ops.filter((o) => o.action === "keep");
  if (ignoreDetail.length > 0)
    return check(
      "wiring",
      "fail",
      "git does not ignore what specfuse needs ignored (or ignores what must be committed)",
      {
        detail: ignoreDetail.join("\n"),
        hint: "specfuse upgrade adds specfuse's lines to .gitignore; or fix your own rules so `git check-ignore` agrees",
      },
    );
  if (missing.length === 0 && kept.length === 0)
    return check(
      "wiring",
      "ok",
      ".gitignore lines, CLAUDE.md rules block, allowlist and slash commands are in place",
    );
  const gitignore = missing.some((o) => o.path === ".gitignore");
  const detail = [
    ...missing.map(
      (o) =>
        `${WHAT[o.path] ?? `missing: ${o.path}`} (upgrade would ${o.action} it)`,
    ),
    ...kept.map((o) => `differs from the shipped version: ${o.path}`),
  ].join("\n");
  return check(
    "wiring",
    gitignore ? "fail" : "warn",
    gitignore
      ? ".gitignore lacks specfuse's lines: work/ folders and the lock would show up as untracked files"
      : `${missing.length + kept.length} wiring item${missing.length + kept.length === 1 ? "" : "s"} missing or changed`,
    {
      detail,
      hint:
        missing.length > 0
          ? "specfuse upgrade   (merges the wiring additively)"
          : "specfuse upgrade --force-wire replaces changed command files",
    },
  );
}

const WHAT: Record<string, string> = {
  ".gitignore": "missing .gitignore lines",
  ".claude/CLAUDE.md": "missing rules block in .claude/CLAUDE.md",
  ".claude/settings.json": "missing allowlist entries in .claude/settings.json",
};

// `verification`: parses; `doc` and `plannext` present and non-empty; warn without an active `code` check (init.md I-STACK-4); pure.
export function verificationCheck(v: Outcome<Verification>): Check {
  if (!v.ok)
    return check("verification", "fail", v.error.message, {
      code: v.error.code,
      detail: errorDetail(v.error),
      hint: v.error.hint ?? null,
    });
  const size = (name: string) => v.value.sets.get(name)?.length ?? 0;
  const missing = ["doc", "plannext"].filter((s) => size(s) === 0);
  const counts = ["code", "doc", "plannext"]
    .map((s) => `${s}: ${size(s)}`)
    .join(", ");
  if (missing.length > 0)
    return check(
      "verification",
      "fail",
      `.specfuse/verification.yml has no checks in ${missing.join(" and ")}`,
      {
        code: "verification_set_missing",
        detail: counts,
        hint: 'add the sets closing units need, e.g. `plannext:` with `- name: plan-lint` and `command: "specfuse lint {feature_dir}"` (see .specfuse/verification.yml.example)',
      },
    );
  if (size("code") === 0)
    return check(
      "verification",
      "warn",
      "no active `code` check: implementation units will fail verification",
      {
        detail: counts,
        hint: "add your test command under `code:` in .specfuse/verification.yml, then commit it",
      },
    );
  return check("verification", "ok", `checks per set: ${counts}`);
}

// `config`: config.yml validates (formats.md §8); unknown keys are a warning; pure.
export function configCheck(
  all: Outcome<ConfigWarning[]>,
  exists: boolean,
): Check {
  // An `on` matching no event type belongs to the hooks check.
  const c: Outcome<ConfigWarning[]> = all.ok
    ? {
        ok: true,
        value: all.value.filter((w) => w.code === "config_unknown_key"),
      }
    : all;
  if (!c.ok)
    return check("config", "fail", c.error.message, {
      code: c.error.code,
      detail: errorDetail(c.error),
      hint: c.error.hint ?? null,
    });
  if (c.value.length > 0)
    return check(
      "config",
      "warn",
      `${c.value.length} unknown key${c.value.length === 1 ? "" : "s"} in .specfuse/config.yml (ignored)`,
      {
        detail: c.value.map((w) => w.message).join("\n"),
        hint: "remove or fix the keys; `.specfuse/docs/` lists the valid ones",
      },
    );
  return check(
    "config",
    "ok",
    exists
      ? ".specfuse/config.yml is valid"
      : "no .specfuse/config.yml: the defaults apply",
  );
}

// `lock`: free, held by a live process, or left by a dead one (from the sidecar); pure.
export function lockCheck(s: LockState): Check {
  const h = s.holder;
  const who =
    h === null
      ? "an unknown process"
      : `specfuse ${h.command || "?"} (pid ${h.pid} on ${h.host}${h.feature === null ? "" : `, ${h.feature}`})`;
  if (s.hasLegacyFile)
    return check(
      "lock",
      "warn",
      ".specfuse/.loop.lock is a regular file left by specfuse-loop 0.3.1",
      {
        hint: "the next specfuse command removes it; do not run both tools in one tree at once",
      },
    );
  switch (s.state) {
    case "free":
      return check("lock", "ok", "free");
    case "held":
      return check("lock", "ok", `held by ${who}`, {
        detail:
          h === null
            ? "no sidecar names the holder"
            : `started ${h.started_at}`,
        hint: "`specfuse status` shows what it is doing; `--dry-run` modes still work",
      });
    case "dead":
      return check(
        "lock",
        "warn",
        `left by ${who}, which is no longer running`,
        {
          hint: "the next command that takes the lock breaks it",
        },
      );
    case "stale":
      return check(
        "lock",
        "warn",
        `stale: not refreshed for ${formatAge(s.refreshedMsAgo ?? 0)}`,
        {
          detail: `last holder: ${who}`,
          hint: "the next command that takes the lock takes it over",
        },
      );
  }
}

// `legacy`: leftovers of specfuse-loop 0.3.1 (init.md I-UPG-10) and its plugin entries in .claude/settings.json; pure.
export function legacyCheck(
  leftovers: readonly string[],
  settingsText: string | null,
): Check {
  const plugins = pluginEntries(settingsText);
  const found = [
    ...leftovers,
    ...plugins.map((p) => `.claude/settings.json: ${p}`),
  ];
  if (found.length === 0)
    return check("legacy", "ok", "no specfuse-loop 0.3.1 leftovers");
  return check(
    "legacy",
    "warn",
    `${found.length} leftover${found.length === 1 ? "" : "s"} from specfuse-loop 0.3.1`,
    {
      detail: found.join("\n"),
      hint: "specfuse never reads them; delete them once nothing calls them (docs: migrating from specfuse-loop)",
    },
  );
}

// Plugin and marketplace entries that name specfuse in settings.json (`enabledPlugins`, `extraKnownMarketplaces`).
export function pluginEntries(settingsText: string | null): string[] {
  if (settingsText === null) return [];
  let root: unknown;
  try {
    root = JSON.parse(settingsText.replace(/^\uFEFF/, ""));
  } catch {
    return [];
  }
  if (root === null || typeof root !== "object" || Array.isArray(root))
    return [];
  const out: string[] = [];
  for (const key of ["enabledPlugins", "extraKnownMarketplaces"]) {
    const value = (root as Record<string, unknown>)[key];
    const names = Array.isArray(value)
      ? value.filter((v): v is string => typeof v === "string")
      : value !== null && typeof value === "object"
        ? Object.keys(value)
        : [];
    for (const name of names)
      if (/specfuse/i.test(name)) out.push(`${key}.${name}`);
  }
  return out;
}
