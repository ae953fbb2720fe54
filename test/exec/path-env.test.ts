import { describe, expect, it } from "vitest";
import {
  pathKey,
  prependPath,
  toolDirs,
  withoutKeys,
} from "../../src/exec/path-env.js";
import { shellInvocation } from "../../src/exec/shell-command.js";
import {
  isGroupAlive,
  isProcessAlive,
  killProcessGroup,
} from "../../src/exec/kill-group.js";

describe("prependPath (README resolved point 6)", () => {
  it("puts the CLI bin dir, then the repo's node_modules/.bin, before the existing PATH", () => {
    const env = prependPath(
      { PATH: "/usr/bin:/bin", HOME: "/h" },
      toolDirs("/pkg", "/repo"),
      "linux",
    );
    expect(env.PATH).toBe("/pkg/bin:/repo/node_modules/.bin:/usr/bin:/bin");
    expect(env.HOME).toBe("/h");
  });

  it("moves a dir already on PATH to the front instead of repeating it, and copes with no PATH", () => {
    expect(prependPath({ PATH: "/a:/b:/c" }, ["/c", "/a"], "linux").PATH).toBe(
      "/c:/a:/b",
    );
    expect(prependPath({}, ["/x"], "linux").PATH).toBe("/x");
  });

  it("keeps the Windows spelling of Path and uses ;", () => {
    expect(pathKey({ Path: "C:\\a" }, "win32")).toBe("Path");
    expect(prependPath({ Path: "C:\\a" }, ["C:\\b"], "win32")).toStrictEqual({
      Path: "C:\\b;C:\\a",
    });
  });
});

describe("withoutKeys", () => {
  it("drops keys exactly on POSIX and case-insensitively on Windows, and drops undefined values", () => {
    const env = {
      CLAUDECODE: "1",
      claudecode: "x",
      KEEP: "y",
      GONE: undefined,
    };
    expect(withoutKeys(env, ["CLAUDECODE"], "linux")).toStrictEqual({
      claudecode: "x",
      KEEP: "y",
    });
    expect(withoutKeys(env, ["CLAUDECODE"], "win32")).toStrictEqual({
      KEEP: "y",
    });
  });
});

describe("shellInvocation (D-VER-4)", () => {
  it("uses /bin/sh -c on POSIX and cmd.exe /d /s /c on Windows", () => {
    expect(shellInvocation("npm test", "linux")).toStrictEqual({
      file: "/bin/sh",
      args: ["-c", "npm test"],
      isVerbatim: false,
    });
    expect(shellInvocation("npm test", "win32")).toStrictEqual({
      file: "cmd.exe",
      args: ["/d", "/s", "/c", '"npm test"'],
      isVerbatim: true,
    });
    expect(shellInvocation("x", "win32", "C:\\cmd.exe").file).toBe(
      "C:\\cmd.exe",
    );
  });
});

describe("process-group guards", () => {
  it("refuses pids that would signal this group or every process", () => {
    for (const pid of [0, 1, -1, -5, Number.NaN, 2.5]) {
      expect(killProcessGroup(pid, "SIGTERM", "linux")).toBe(false);
      expect(isProcessAlive(pid)).toBe(false);
      expect(isGroupAlive(pid, "linux")).toBe(false);
    }
  });

  it("sees this process as alive", () => {
    expect(isProcessAlive(process.pid)).toBe(true);
  });
});
