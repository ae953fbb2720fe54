/** Whether a process on this host exists. */
export type PidLiveness = "alive" | "dead" | "unknown";

// `kill(pid, 0)`: ESRCH means dead, EPERM means alive but not ours (D-LOCK-4).
export function pidLiveness(pid: number): PidLiveness {
  if (!Number.isInteger(pid) || pid <= 0) return "unknown";
  try {
    process.kill(pid, 0);
    return "alive";
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ESRCH") return "dead";
    if (code === "EPERM") return "alive";
    return "unknown";
  }
}
