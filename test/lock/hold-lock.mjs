// Holds the specfuse lock of a working tree until killed: a second "driver" for contention tests.
// Usage: node hold-lock.mjs <root> <feature>; prints "locked" once the sidecar is written.
import { hostname } from "node:os";
import { loadSource } from "../../scripts/load-source.mjs";

const { acquireLock } = await loadSource("lock/acquire-lock.ts");

const [root, feature] = process.argv.slice(2);
const ctx = {
  host: hostname(),
  pid: process.pid,
  now: () => new Date(),
  version: "0.0.0-holder",
  log: { warn: () => undefined, info: () => undefined },
  cleanup: { add: () => () => undefined },
};
const held = await acquireLock({ root, feature, command: "run" }, ctx);
process.on("SIGTERM", () => {
  void held.release().then(() => process.exit(0));
});
process.stdout.write("locked\n");
setInterval(() => undefined, 60_000);
