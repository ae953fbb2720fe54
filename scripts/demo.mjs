#!/usr/bin/env node
// `npm run demo`: one whole specfuse cycle in a throwaway git repository, with the
// bundled demo agent standing in for Claude Code (cli.md C-README-4, docs/demo.md).
// No network, no API key. `npm run demo` builds first; this script builds nothing.
//
// Usage: node scripts/demo.mjs [--keep]
//   --keep   keep the repository and print its path (otherwise it is deleted)
// The repository is created under the OS temp directory (TMPDIR is honoured).
import { spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
  chmodSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CLI = path.join(ROOT, "bin", "specfuse");
const AGENT = path.join(ROOT, "scripts", "demo-agent.mjs");
const STEP_TIMEOUT_MS = 120_000;
const FEATURE = ".specfuse/features/FEAT-0000-0001-hello-greeting";
const NOTE = `${FEATURE}/work/FEAT-0000-0001_T02/attempt-1.md`;

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  process.stdout.write(
    "usage: node scripts/demo.mjs [--keep]\n\n" +
      "Runs specfuse init --example, lint, status, run --dry-run, run and status in a\n" +
      "throwaway git repository with the demo agent. --keep keeps the repository.\n",
  );
  process.exit(0);
}
const unknown = args.filter((a) => a !== "--keep");
if (unknown.length > 0) {
  process.stderr.write(
    `demo: unknown argument ${unknown[0]} (usage: node scripts/demo.mjs [--keep])\n`,
  );
  process.exit(64);
}
const isKeeping = args.includes("--keep");

const isColor =
  process.stdout.isTTY === true &&
  !process.env.NO_COLOR &&
  process.env.TERM !== "dumb";
const paint = (code) => (text) =>
  isColor ? `\u001b[${code}m${text}\u001b[0m` : text;
const bold = paint("1");
const dim = paint("2");
const red = paint("31");
const green = paint("32");
const out = (text = "") => process.stdout.write(`${text}\n`);

if (!existsSync(path.join(ROOT, "dist", "cli", "main.cjs"))) {
  process.stderr.write(
    "demo: the CLI is not built; run `npm run demo` (it builds first) or `npm run build`\n",
  );
  process.exit(1);
}

// The environment every step runs with: no inherited git redirections or agent
// session markers, the demo agent as the agent, and the built CLI first on PATH.
function stepEnv(shimDir) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (
      /^GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|PREFIX|CONFIG_PARAMETERS|AUTHOR_\w+|COMMITTER_\w+)$/.test(
        key,
      )
    )
      delete env[key];
    if (key.startsWith("SPECFUSE_") || key === "CLAUDECODE") delete env[key];
  }
  env.SPECFUSE_AGENT_CMD = AGENT;
  env.PATH = `${shimDir}${path.delimiter}${env.PATH ?? ""}`;
  if (isColor && env.FORCE_COLOR === undefined) env.FORCE_COLOR = "1";
  return env;
}

// Runs one command, echoing its output indented as it arrives; resolves with the exit code and the text.
function execute(file, argv, { cwd, env, isQuiet = false }) {
  return new Promise((resolve) => {
    const child = spawn(file, argv, {
      cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let text = "";
    const pending = { stdout: "", stderr: "" };
    const forward = (name, stream) => (chunk) => {
      const s = chunk.toString("utf8");
      text += s;
      if (isQuiet) return;
      const lines = (pending[name] + s).split("\n");
      pending[name] = lines.pop() ?? "";
      for (const line of lines) stream.write(`  ${line}\n`);
    };
    child.stdout.on("data", forward("stdout", process.stdout));
    child.stderr.on("data", forward("stderr", process.stderr));
    const timer = setTimeout(() => child.kill("SIGTERM"), STEP_TIMEOUT_MS);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ code: -1, text: `${text}${error.message}\n` });
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (!isQuiet) {
        if (pending.stdout !== "")
          process.stdout.write(`  ${pending.stdout}\n`);
        if (pending.stderr !== "")
          process.stderr.write(`  ${pending.stderr}\n`);
      }
      resolve({ code: code ?? (signal === null ? -1 : 128), text });
    });
  });
}

class StepFailed extends Error {}

let stepNumber = 0;
// Prints a step's heading and command, runs it, and fails the demo on an unexpected exit code.
async function step(title, display, file, argv, options) {
  stepNumber += 1;
  out();
  out(bold(`── ${stepNumber}. ${title}`));
  out(dim(`$ ${display}`));
  const started = Date.now();
  // A command that may be missing from this build runs quietly first, so its placeholder error is not shown.
  const isProbing = options.allowMissing === true;
  const result = await execute(file, argv, { ...options, isQuiet: isProbing });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const expected = options.expect ?? 0;
  if (isProbing && isNotImplemented(result)) {
    out(dim(`  (skipped: this build has no \`${argv[0]}\` command yet)`));
    return result;
  }
  if (isProbing)
    for (const line of result.text.replace(/\n$/, "").split("\n"))
      out(`  ${line}`);
  if (result.code !== expected) {
    out(red(`  exit ${result.code} after ${seconds} s (expected ${expected})`));
    throw new StepFailed(
      `\`${display}\` exited ${result.code}, expected ${expected}`,
    );
  }
  out(dim(`  exit ${result.code} · ${seconds} s`));
  return result;
}

// A command that a build without it answers with the placeholder usage error.
function isNotImplemented(result) {
  return (
    result.code === 64 && /is not implemented in this build/.test(result.text)
  );
}

async function main() {
  const started = Date.now();
  const base = mkdtempSync(path.join(os.tmpdir(), "specfuse-demo-"));
  const repo = path.join(base, "hello");
  const shimDir = path.join(base, "bin");
  mkdirSync(repo);
  mkdirSync(shimDir);
  const shim = path.join(shimDir, "specfuse");
  writeFileSync(
    shim,
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} "$@"\n`,
  );
  chmodSync(shim, 0o755);
  const env = stepEnv(shimDir);
  const at = { cwd: repo, env };
  const git = (...argv) => execute("git", argv, { ...at, isQuiet: true });

  out(bold("specfuse demo"));
  out(`A throwaway repository at ${repo}`);
  out(
    `The agent is the demo agent (${path.relative(ROOT, AGENT)}): no network, no API key.`,
  );

  let isFailed = false;
  try {
    for (const argv of [
      ["init", "-q", "-b", "main"],
      ["config", "user.name", "specfuse demo"],
      ["config", "user.email", "demo@example.invalid"],
      ["config", "commit.gpgsign", "false"],
      ["config", "tag.gpgsign", "false"],
      ["config", "core.hooksPath", ".git/hooks"],
    ]) {
      const r = await git(...argv);
      if (r.code !== 0)
        throw new StepFailed(`git ${argv.join(" ")} failed: ${r.text.trim()}`);
    }
    writeFileSync(
      path.join(repo, "package.json"),
      `${JSON.stringify({ name: "hello-demo", version: "0.0.0", private: true, scripts: { test: "node --test" } }, null, 2)}\n`,
    );
    await step(
      "A new project: one package.json, one commit",
      'git add package.json && git commit -m "chore: start the project"',
      "sh",
      [
        "-c",
        'git add package.json && git commit -q -m "chore: start the project" && git log --oneline',
      ],
      at,
    );
    await step(
      "Add specfuse, with the example feature",
      "specfuse init --example",
      "specfuse",
      ["init", "--example"],
      at,
    );
    await step(
      "Commit the scaffold",
      'git add .specfuse .claude .gitignore && git commit -m "chore: add specfuse"',
      "sh",
      [
        "-c",
        'git add .specfuse .claude .gitignore && git commit -q -m "chore: add specfuse" && git log --oneline -1',
      ],
      at,
    );
    const scaffoldCommit = (
      await git("rev-parse", "--short", "HEAD")
    ).text.trim();
    await step("Lint the plan", "specfuse lint", "specfuse", ["lint"], at);
    await step(
      "Where things stand",
      "specfuse status",
      "specfuse",
      ["status"],
      { ...at, allowMissing: true },
    );
    await step(
      "Walk the gate without an agent",
      "specfuse run --dry-run",
      "specfuse",
      ["run", "--dry-run"],
      at,
    );
    await step(
      "Run the gate (T02 fails once on purpose, then passes from the evidence)",
      "specfuse run",
      "specfuse",
      ["run"],
      at,
    );
    await step(
      "The commits specfuse made, with their trailers",
      `git log --reverse --format='%h %s%n%(trailers:only,unfold)' ${scaffoldCommit}..HEAD`,
      "git",
      [
        "log",
        "--reverse",
        "--format=%h %s%n%(trailers:only,unfold)",
        `${scaffoldCommit}..HEAD`,
      ],
      at,
    );
    await step(
      "Where things stand now (--all: the feature is done)",
      "specfuse status --all",
      "specfuse",
      ["status", "--all"],
      { ...at, allowMissing: true },
    );
    await step(
      "The whole history",
      "git log --oneline",
      "git",
      ["log", "--oneline"],
      at,
    );
  } catch (error) {
    isFailed = true;
    out();
    const message =
      error instanceof StepFailed
        ? error.message
        : String(error?.stack ?? error);
    process.stderr.write(red(`demo failed: ${message}\n`));
    process.stderr.write(`the repository is kept for inspection: ${repo}\n`);
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  out();
  if (isFailed) {
    process.exitCode = 1;
    return;
  }
  out(green(`demo finished in ${seconds} s`));
  if (isKeeping) {
    out(`kept: ${repo}`);
    out(
      dim(
        `  T02's failed attempt, as the retry saw it: ${path.join(repo, NOTE)}`,
      ),
    );
    out(
      dim(
        `  every event of the run: ${path.join(repo, FEATURE, "events.jsonl")}`,
      ),
    );
  } else {
    rmSync(base, { recursive: true, force: true });
    out(
      dim("the repository was deleted (keep it with `npm run demo -- --keep`)"),
    );
  }
}

try {
  await main();
} catch (error) {
  process.stderr.write(
    `demo failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
}
