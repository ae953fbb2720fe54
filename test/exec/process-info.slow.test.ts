import { describe, expect, it } from "vitest";
import { processCommandLine } from "../../src/exec/process-info.js";
import { runProcess } from "../../src/exec/run-process.js";

const TIMINGS = {
  killGraceMs: 200,
  pipeWaitMs: 200,
  orphanPipeMs: 300,
  resultLingerMs: 300,
};

describe("processCommandLine (D-REC-3)", () => {
  it("names a live process's command line, and null for a gone one or on Windows", async () => {
    let seen: string | null = "unset";
    const result = await runProcess(
      {
        file: "/bin/sh",
        args: ["-c", "exec sleep 1"],
        cwd: "/",
        env: { PATH: process.env.PATH },
        stdin: null,
      },
      {
        timings: TIMINGS,
        onSpawn: (pid) => {
          void processCommandLine(pid).then((c) => (seen = c));
        },
      },
    );
    expect(seen).toMatch(/^(\/bin\/sh -c exec )?sleep 1$/);
    expect(await processCommandLine(result.pid ?? 0)).toBeNull();
    expect(await processCommandLine(process.pid, "win32")).toBeNull();
    expect(await processCommandLine(-1)).toBeNull();
  });
});
