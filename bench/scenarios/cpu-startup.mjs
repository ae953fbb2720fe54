// cpu-startup (issue 15, docs/build.md): CPU time (user + system, all threads) of whole cold processes, the
// median of 9 interleaved rounds, next to `node -e 0` measured in the same rounds. No Python reference runs in
// CI, so the figures are absolute and relative to Node's own start. Targets: --version within 10 ms of
// `node -e 0`; lint of a realistic 12-unit feature within 1.3x of it; lint of 2,000 units at most 245 ms
// (a quarter of the reference's 0.98 s). `--against <dir>` adds the same commands run from another built
// checkout (e.g. a worktree of main), for before/after figures in one run.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runBin, runCommand } from "../child.mjs";
import { generateFeature } from "../fixtures/gen-feature.mjs";
import { generateRealisticFeature } from "../fixtures/gen-realistic-feature.mjs";

function commandsFor(root, label, dirs) {
  const at = (name) => (label === "" ? name : `${label}: ${name}`);
  const bin = (name, args) => () => runBin(name, args, { root });
  return [
    {
      name: at("specfuse --version"),
      run: bin("specfuse", ["--version"]),
      target: label === "" ? { maxOverNodeMs: 10 } : undefined,
    },
    { name: at("specfuse --help"), run: bin("specfuse", ["--help"]) },
    {
      name: at("lint, 12 units"),
      run: bin("specfuse-lint", [dirs.small]),
      target: label === "" ? { maxVsNode: 1.3 } : undefined,
    },
    {
      name: at("lint, 2,000 units"),
      run: bin("specfuse-lint", [dirs.large]),
      target: label === "" ? { maxCpuMs: 245 } : undefined,
    },
  ];
}

export const cpuStartup = {
  name: "cpu-startup",
  description:
    "CPU of --version, --help, lint of 12 and of 2,000 units vs node -e 0 (interleaved rounds)",
  kind: "group",
  rounds: 9,
  async setup({ against } = {}) {
    const parent = mkdtempSync(path.join(tmpdir(), "specfuse-bench-"));
    const dirs = {
      small: generateRealisticFeature(parent, { seed: 1 }).dir,
      large: generateFeature(path.join(parent, "large"), {
        units: 2000,
        gates: 10,
        width: 50,
        deps: 3,
        seed: 42,
      }).dir,
    };
    const commands = [
      {
        name: "node -e 0",
        run: () => runCommand(process.execPath, ["-e", "0"]),
      },
      ...commandsFor(undefined, "", dirs),
      ...(against === undefined
        ? []
        : commandsFor(path.resolve(against), "before", dirs)),
    ];
    return {
      commands,
      async teardown() {
        rmSync(parent, { recursive: true, force: true });
      },
    };
  },
};
