import { appendFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createGit } from "../../src/git/git.js";
import { openRepo } from "../../src/git/repo.js";
import { createTrailReader } from "../../src/log/trail-reader.js";
import { verifyTrail } from "../../src/log/verify-trail.js";
import { featureTree } from "../helpers/feature-tree.js";
import { gitRepo, type GitRepo } from "../helpers/git-repo.js";

const { tree, info } = featureTree({
  gates: [{ number: 1, units: [{ suffix: "T01" }, { suffix: "T02" }] }],
});
const FILE = `${info.dir}/events.jsonl`;
const T01 = `${info.featureId}/T01`;

function spaced(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(spaced).join(", ")}]`;
  if (typeof value === "object" && value !== null)
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${spaced(v)}`)
      .join(", ")}}`;
  return JSON.stringify(value);
}

function event(
  second: number,
  id: string,
  type: string,
  payload: Record<string, unknown>,
  version = "0.5.0",
): string {
  const s = String(second).padStart(2, "0");
  return `${spaced({ timestamp: `2026-11-22T02:00:${s}.000000+00:00`, correlation_id: id, event_type: type, source: "driver", source_version: version, payload })}\n`;
}

async function verify(repo: GitRepo) {
  const git = createGit({ env: { ...process.env, ...repo.env } });
  const reader = createTrailReader(await openRepo(git, repo.dir));
  return verifyTrail([{ file: FILE, rel: FILE, featureRel: info.dir }], reader);
}

function append(repo: GitRepo, text: string, message?: string): string {
  appendFileSync(path.join(repo.dir, FILE), text);
  return message === undefined ? "" : repo.commitAll(message);
}

const squash = (unit: string, attempts: number, model: string, cost?: string) =>
  [
    `feat: Do ${unit}`,
    "",
    `Feature: ${info.featureId}/${unit}`,
    "Work-Unit-Type: implementation",
    `Attempts: ${attempts}`,
    `Model: ${model}`,
    "Verified-By: tests",
    ...(cost === undefined ? [] : [`Cost-USD: ${cost}`]),
  ].join("\n");

describe("verifyTrail over crafted histories (AU-VER-1, AU-TEST-5)", () => {
  it("a reference-era events.jsonl with the reference's commits reads and verifies, as legacy lines", async () => {
    const repo = gitRepo(tree);
    append(
      repo,
      event(
        1,
        T01,
        "task_started",
        { type: "implementation", model: "claude-sonnet-4-6" },
        "0.2.0",
      ),
    );
    repo.write({ "src/a.txt": "a\n" });
    repo.git("add", "-A");
    repo.git(
      "commit",
      "-q",
      "-m",
      squash("T01", 1, "claude-sonnet-4-6", "0.41"),
    );
    append(
      repo,
      event(
        2,
        T01,
        "task_completed",
        {
          attempts: 1,
          attempts_usage: [
            {
              attempt: 1,
              duration_seconds: 216.217,
              cost_usd: 0.41,
              input_tokens: 21,
              output_tokens: 9703,
              cache_read_input_tokens: 1036015,
              cache_creation_input_tokens: 77224,
            },
          ],
        },
        "0.2.0",
      ) + event(3, info.featureId, "gate_reached", { gate: 1 }, "0.2.0"),
      `chore(loop): gate 1 awaiting_review\n\nFeature: ${info.featureId}`,
    );
    const report = await verify(repo);
    expect(report.violations).toStrictEqual([]);
    expect(report.files).toStrictEqual([
      {
        file: FILE,
        events: 3,
        versions: 2,
        legacy_events: 3,
        unknown_events: 0,
      },
    ]);
  });

  it("recorded transitions are checked against the table and each other; the commit that recorded the line is named", async () => {
    const repo = gitRepo(tree);
    const tr = (from: string | null, to: string) => ({
      transitions: [{ entity: "unit", id: T01, from, to }],
      actor: "driver",
      trigger: "run",
    });
    append(
      repo,
      event(1, T01, "task_started", {
        type: "implementation",
        model: "sonnet",
        effort: "medium",
        re_arm_count: 0,
        ...tr("pending", "in_progress"),
      }),
      "chore: start",
    );
    const illegal = append(
      repo,
      event(2, T01, "human_escalation", {
        reason: "agent_reported_blocked",
        blocked_reason: null,
        attempts: 1,
        attempts_usage: [],
        transitions: [
          { entity: "unit", id: T01, from: "in_progress", to: "abandoned" },
        ],
        actor: "driver",
        trigger: "run",
      }),
      "chore: escalate",
    );
    append(
      repo,
      event(3, T01, "wu_unblocked", {
        re_arm_count: 1,
        reason: "fixed",
        prior_status: "blocked_human",
        prior_attempts: 1,
        transitions: [
          { entity: "unit", id: T01, from: "blocked_human", to: "pending" },
        ],
        actor: "Test <test@example.com>",
        trigger: "unblock",
      }),
    );
    const report = await verify(repo);
    expect(
      report.violations.map((v) => [v.kind, v.line, v.commit]),
    ).toStrictEqual([
      ["transition_illegal", 2, illegal],
      ["transition_gap", 3, null],
    ]);
    expect(report.files[0]).toMatchObject({ events: 3, legacy_events: 0 });
  });

  it("an untracked events.jsonl is one working-tree version; a missing one is skipped", async () => {
    const repo = gitRepo(tree);
    expect((await verify(repo)).files).toStrictEqual([]);
    append(
      repo,
      event(1, info.featureId, "gate_reached", {
        gate: 1,
        transitions: [
          { entity: "gate", id: "1", from: "open", to: "awaiting_review" },
        ],
        actor: "driver",
        trigger: "run",
      }),
    );
    const report = await verify(repo);
    expect(report.violations).toStrictEqual([]);
    expect(report.files[0]).toMatchObject({ versions: 1, events: 1 });
  });
});
