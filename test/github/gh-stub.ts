import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../helpers/run-cli.js";
import { tempDir } from "../helpers/temp-dir.js";

/** One canned answer of the stand-in gh (github.md GH-TEST-1). */
export interface GhFixture {
  argv: string[];
  stdout?: string;
  stderr?: string;
  exit?: number;
  sleep_ms?: number;
}

/** One recorded call of the stand-in gh. */
export interface GhCall {
  argv: string[];
  stdin: string | null;
  env: { GH_PROMPT_DISABLED: string | null; NO_COLOR: string | null };
}

/** The stand-in gh on PATH, its fixtures and its log. */
export interface GhStub {
  /** Environment that puts the stand-in first on PATH. */
  env: Record<string, string>;
  calls(): GhCall[];
  answer(fixtures: GhFixture[]): void;
}

// The directory holding the stand-in `gh` (test/fixtures/bin).
export const STUB_DIR = path.join(PROJECT_ROOT, "test", "fixtures", "bin");

// A stand-in gh with its own log and fixtures in a temp dir.
export function ghStub(fixtures: GhFixture[] = []): GhStub {
  const dir = tempDir("specfuse-gh-");
  const log = path.join(dir, "calls.jsonl");
  const file = path.join(dir, "fixtures.json");
  writeFileSync(log, "");
  writeFileSync(file, JSON.stringify(fixtures));
  return {
    env: {
      PATH: `${STUB_DIR}${path.delimiter}${process.env.PATH ?? ""}`,
      GH_STUB_LOG: log,
      GH_STUB_FIXTURES: file,
    },
    calls: () =>
      readFileSync(log, "utf8")
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l) as GhCall),
    answer: (next) => writeFileSync(file, JSON.stringify(next)),
  };
}

// gh's JSON for one issue, as `gh issue view --json number,title,body,labels,url,state` prints it.
export function issueJson(fields: {
  number?: number;
  title?: string;
  body?: string;
  labels?: string[];
  state?: string;
  url?: string;
}): string {
  const number = fields.number ?? 12;
  return `${JSON.stringify({
    number,
    title: fields.title ?? "Rate limits",
    body: fields.body ?? "- [ ] requests over the limit get 429",
    labels: (fields.labels ?? []).map((name) => ({
      id: `L_${name}`,
      name,
      description: "",
      color: "ededed",
    })),
    state: fields.state ?? "OPEN",
    url: fields.url ?? `https://github.com/octo/widgets/issues/${number}`,
  })}\n`;
}
