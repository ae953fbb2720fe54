import type { BackendPlace, BackendUnit } from "../../../src/agent/backend.js";

// The attempt place every adapter test uses.
export const PLACE: BackendPlace = {
  cwd: "/repo",
  workDir: "/repo/.specfuse/features/f/work/g1_T01",
  attempt: 2,
  home: "/home/u",
};

// A unit with a model and effort, sandboxed.
export const UNIT: BackendUnit = {
  id: "f/T01",
  model: "m-1",
  effort: "high",
  isUnsandboxed: false,
};

// JSON lines from objects (strings pass through verbatim).
export const lines = (...objs: unknown[]): string =>
  objs.map((o) => (typeof o === "string" ? o : JSON.stringify(o))).join("\n");
