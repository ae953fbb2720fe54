import { describe, expect, it } from "vitest";
import { parseCgroup2Mount, parseOwnCgroup } from "../../src/exec/cgroup.js";
import { parseStat } from "../../src/exec/proc-table.js";

describe("/proc parsers (issue 9 containment)", () => {
  it("parseStat reads state, parent, group and session after the last `)`", () => {
    const text =
      "4242 (node (weird) name) S 4000 4100 4200 34816 4100 4194560 1 0 0 0 5 3 0 0 20 0 1 0 987654 1000 20\n";
    expect(parseStat(4242, text)).toStrictEqual({
      pid: 4242,
      ppid: 4000,
      pgid: 4100,
      sid: 4200,
      state: "S",
      startTicks: 987654,
    });
    expect(parseStat(1, "garbage")).toBeNull();
    expect(parseStat(1, "1 (x) R a b c")).toBeNull();
  });

  it("parseCgroup2Mount finds the cgroup2 mount (pure v2 and hybrid layouts) and unescapes it", () => {
    const hybrid = [
      "30 25 0:26 / /sys/fs/cgroup ro,nosuid - tmpfs tmpfs ro,mode=755",
      "35 30 0:31 / /sys/fs/cgroup/unified rw,nosuid - cgroup2 cgroup2 rw",
      "36 30 0:32 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory",
    ].join("\n");
    expect(parseCgroup2Mount(hybrid)).toStrictEqual({
      mountPoint: "/sys/fs/cgroup/unified",
      root: "/",
    });
    const spaced =
      "40 1 0:40 /user.slice /mnt/cg\\040two rw shared:1 - cgroup2 cgroup2 rw";
    expect(parseCgroup2Mount(spaced)).toStrictEqual({
      mountPoint: "/mnt/cg two",
      root: "/user.slice",
    });
    expect(
      parseCgroup2Mount(
        "36 30 0:32 / /sys/fs/cgroup/memory rw - cgroup cgroup rw",
      ),
    ).toBeNull();
  });

  it("parseOwnCgroup takes the unified (0::) line", () => {
    expect(
      parseOwnCgroup(
        "4:memory:/x\n0::/user.slice/user-1000.slice/session-2.scope\n",
      ),
    ).toBe("/user.slice/user-1000.slice/session-2.scope");
    expect(parseOwnCgroup("4:memory:/x\n")).toBeNull();
  });
});
