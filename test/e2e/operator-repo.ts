import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { onTestFinished } from "vitest";
import { serializeJson } from "../../src/events/format-event.js";
import { gitRepo, type GitRepo } from "../helpers/git-repo.js";
import { PROJECT_ROOT } from "../helpers/run-cli.js";
import type { Tree } from "../helpers/write-tree.js";
import {
  DIR,
  featureFiles,
  type GateSpec,
} from "../operator/feature-fixture.js";

const GITIGNORE = [
  "# specfuse (managed by specfuse init/upgrade)",
  "!.specfuse/",
  ".specfuse/**/work/",
  ".specfuse/.loop.lock*",
  "*.specfuse-tmp-*",
  "",
].join("\n");

const VERIFICATION = [
  "code:",
  "  - name: tests",
  '    command: "true"',
  "doc:",
  "  - name: docs",
  '    command: "true"',
  "plannext:",
  "  - name: plan-lint",
  '    command: "true"',
  "",
].join("\n");

// A committed repository with a workspace and one feature folder (test/operator/feature-fixture.ts).
export function operatorRepo(
  gates: GateSpec[],
  planStatus = "active",
  extra: Tree = {},
): GitRepo {
  const tree: Tree = {
    ".gitignore": GITIGNORE,
    ".specfuse/VERSION": "0.4.0\n",
    ".specfuse/verification.yml": VERIFICATION,
    ...extra,
  };
  for (const [name, text] of Object.entries(featureFiles(gates, planStatus)))
    tree[`${DIR}/${name}`] = text;
  return gitRepo(tree);
}

// An event line as the driver writes it (formats.md F-EV-2).
export function eventLine(
  timestamp: string,
  correlationId: string,
  type: string,
  payload: Record<string, unknown> = {},
): string {
  return `${serializeJson({ timestamp, correlation_id: correlationId, event_type: type, source: "driver", source_version: "0.4.0", payload })}\n`;
}

// Holds the repository's lock from another process (the built lock module) until the test ends.
export async function holdLock(root: string): Promise<ChildProcess> {
  const holder = path.join(PROJECT_ROOT, "test", "lock", "hold-lock.mjs");
  const child = spawn(process.execPath, [holder, root, "FEAT-2026-0042"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null)
      child.kill("SIGKILL");
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => {
      if (d.toString().includes("locked")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`holder exited ${code}`)));
  });
  return child;
}
