import { describe, expect, it } from "vitest";
import { makePaint } from "../../src/output/color.js";
import {
  chooseProgressMode,
  startAttemptProgress,
  type ProgressOptions,
} from "../../src/output/progress.js";
import { bufferSink } from "../../src/output/streams.js";

function options(mode: ProgressOptions["mode"], clock: { t: number }) {
  const sink = bufferSink({ isTTY: mode === "tty", columns: 40 });
  const other = bufferSink({ isTTY: mode === "tty", columns: 40 });
  const opts: ProgressOptions = {
    mode,
    sink,
    others: [other],
    paint: makePaint(false),
    monotonicMs: () => clock.t,
    heartbeatMs: 20,
    redrawMs: 10_000,
  };
  return { opts, sink, other };
}

describe("progress display (cli.md §6, driver D-UI-2)", () => {
  it.each([
    [{ isTTY: true, isCI: false, isQuiet: false, term: "xterm" }, "tty"],
    [{ isTTY: true, isCI: true, isQuiet: false, term: "xterm" }, "line"],
    [{ isTTY: true, isCI: false, isQuiet: false, term: "dumb" }, "line"],
    [{ isTTY: false, isCI: false, isQuiet: false, term: "xterm" }, "line"],
    [{ isTTY: true, isCI: false, isQuiet: true, term: "xterm" }, "quiet"],
  ] as const)("C-PROG-1 chooses the mode for %j", (input, mode) => {
    expect(chooseProgressMode(input)).toBe(mode);
  });

  it("C-PROG-3 line mode: start line with limit, heartbeats, final line, no ANSI", async () => {
    const clock = { t: 0 };
    const { opts, sink } = options("line", clock);
    const p = startAttemptProgress(opts, "attempt 1/3", 2700);
    p.phase("verifying tests (1/2)");
    clock.t = 600_000;
    await new Promise((r) => setTimeout(r, 50));
    p.finish("  attempt 1/3 PASS 10:00");
    const text = sink.text();
    expect(text).toMatch(/^ {2}attempt 1\/3 started \(limit 45:00\)\n/);
    expect(text).toMatch(
      /attempt 1\/3 running 10:00 \(verifying tests \(1\/2\)\)\n/,
    );
    expect(text.endsWith("  attempt 1/3 PASS 10:00\n")).toBe(true);
    expect(text).not.toMatch(/\x1b/);
  });

  it("C-PROG-1/2 TTY mode: hides the cursor, clears before other output, redraws, restores the cursor", () => {
    const clock = { t: 0 };
    const { opts, sink, other } = options("tty", clock);
    const p = startAttemptProgress(opts, "attempt 2/3", 60);
    p.activity("Edit   src/a-very-long-file-name-that-will-not-fit.ts");
    other.write("warning: something\n");
    p.finish("  attempt 2/3 FAIL 0:00");
    const text = sink.text();
    expect(text.startsWith("\x1b[?25l")).toBe(true);
    expect(other.text()).toBe("warning: something\n");
    // the warning was preceded by a clear and followed by a redraw carrying the activity, cut to the width
    const redraw = text.split("\r\x1b[2K").find((s) => s.includes("Edit src/"));
    expect(redraw).toBeDefined();
    expect((redraw ?? "").length).toBeLessThanOrEqual(40);
    expect(text).toMatch(/\x1b\[\?25h {2}attempt 2\/3 FAIL 0:00\n$/);
    // after finish, other output is no longer intercepted
    other.write("after\n");
    expect(sink.text()).toBe(text);
  });

  it("quiet mode prints only the final line", () => {
    const { opts, sink } = options("quiet", { t: 0 });
    const p = startAttemptProgress(opts, "attempt 1/1", null);
    p.phase("committing");
    p.finish("done");
    expect(sink.text()).toBe("done\n");
  });
});
