import path from "node:path";
import { SpecfuseError } from "../errors/specfuse-error.js";
import type { EventRecord } from "../events/event-types.js";
import {
  prepareFrontmatterUpdate,
  type PreparedFrontmatterUpdate,
} from "../workspace/update-frontmatter.js";
import type { FrontmatterChange } from "../yaml/edit-frontmatter.js";
import {
  allowEveryChange,
  type Actor,
  type StatusChange,
  type StatusWrite,
  type Step,
  type StepEvent,
  type Subscriber,
  type Validator,
} from "./change.js";
import type { EventLog } from "./event-log.js";
import { statusOf } from "./status-of.js";

/** Changes written but not yet announced: the pass write of D-PASS-1, settled by `task_completed` (audit.md AU-TR-1). */
export interface StagedChanges {
  changes: readonly StatusChange[];
}

/** What a step did. */
export interface AppliedStep {
  changes: readonly StatusChange[];
  /** The appended line (without its newline), or null for a step without an event. */
  line: string | null;
}

/** Per-call options of a write. */
export interface WriteOptions {
  /** The directory the files are relative to (a lane's cwd); the service's root by default. */
  root?: string;
  /** Called before each file is written (a command checks for a pending signal here). */
  beforeWrite?: (file: string) => void;
}

/**
 * The one writer of `status` and the one appender of events (audit.md AU-TR-1): per step it checks each change,
 * writes the frontmatter atomically, appends the typed event, then tells the subscribers.
 */
export interface Transitions {
  /** The feature's event log (its copy is what restores write back). */
  readonly log: EventLog;
  /** Writes, appends and announces one step. */
  apply(step: Step, options?: WriteOptions): Promise<AppliedStep>;
  /** Checks and writes now, announces later with `record(event, staged)`; a restore cancels it without trace. */
  stage(
    writes: readonly StatusWrite[],
    options?: WriteOptions,
  ): Promise<StagedChanges>;
  /** Appends an event, announcing staged changes with it when given. */
  record(event: StepEvent, staged?: StagedChanges): AppliedStep;
  /** Writes keys that are not `status` (attempts, costs, the re-arm fold); not a transition. */
  writeKeys(
    file: string,
    keys: ReadonlyArray<FrontmatterChange>,
    options?: WriteOptions,
  ): Promise<void>;
  /** Re-applies remembered driver keys after a restore, `status` included; not a transition (AU-TR-1). */
  reapply(
    file: string,
    keys: ReadonlyArray<FrontmatterChange>,
    options?: WriteOptions,
  ): Promise<void>;
  /** Adds an in-process subscriber; returns the function that removes it. */
  subscribe(subscriber: Subscriber): () => void;
}

/** How a command's service is built. */
export interface TransitionsInput {
  /** The checkout every path is relative to. */
  root: string;
  log: EventLog;
  /** The command making the changes. */
  by: Actor;
  /** The transition table (audit.md AU-TAB-1); allows everything by default. */
  validate?: Validator;
}

// Builds the transition service of one command run.
export function createTransitions(input: TransitionsInput): Transitions {
  const { log, by } = input;
  const validate = input.validate ?? allowEveryChange;
  const subscribers = new Set<Subscriber>();
  const notify = (
    line: string | null,
    event: EventRecord | null,
    changes: readonly StatusChange[],
  ) => {
    for (const s of subscribers) s(line, event, changes);
  };
  const writeStatus = async (
    writes: readonly StatusWrite[],
    options: WriteOptions,
  ): Promise<StatusChange[]> => {
    const root = options.root ?? input.root;
    const prepared = await Promise.all(writes.map((w) => prepare(root, w)));
    const changes: StatusChange[] = [];
    prepared.forEach((p, i) => {
      const w = writes[i] as StatusWrite;
      const change = changeOf(w, p);
      if (change === null) return;
      refuseIllegal(validate(change, w.by ?? by), change, w.by ?? by);
      changes.push(change);
    });
    for (const [i, p] of prepared.entries()) {
      options.beforeWrite?.((writes[i] as StatusWrite).file);
      await p.write();
    }
    return changes;
  };
  return {
    log,
    async apply(step, options = {}) {
      const changes = await writeStatus(step.writes, options);
      if (step.event === null) {
        // A step that changed nothing and appended nothing (a re-applied status) has nothing to announce.
        if (changes.length > 0) notify(null, null, changes);
        return { changes, line: null };
      }
      const appended = log.append(step.event);
      notify(appended.line, appended.record, changes);
      return { changes, line: appended.line };
    },
    async stage(writes, options = {}) {
      return { changes: await writeStatus(writes, options) };
    },
    record(event, staged) {
      const changes = staged?.changes ?? [];
      const appended = log.append(event);
      notify(appended.line, appended.record, changes);
      return { changes, line: appended.line };
    },
    async writeKeys(file, keys, options = {}) {
      if (keys.some(([k]) => k === "status"))
        throw new Error(
          `${file}: status is written only through a transition step`,
        );
      await writeKeys(options.root ?? input.root, file, keys);
    },
    async reapply(file, keys, options = {}) {
      if (keys.length > 0)
        await writeKeys(options.root ?? input.root, file, keys);
    },
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
  };
}

function prepare(
  root: string,
  w: StatusWrite,
): Promise<PreparedFrontmatterUpdate> {
  return prepareFrontmatterUpdate(
    path.join(root, w.file),
    [["status", w.to], ...(w.keys ?? [])],
    {
      display: w.file,
      ...(w.stubGate !== undefined ? { stubGate: w.stubGate } : {}),
    },
  );
}

// A write whose status already holds `to` is no change (a re-applied in_progress, say).
function changeOf(
  w: StatusWrite,
  p: PreparedFrontmatterUpdate,
): StatusChange | null {
  const from = statusOf(w.entity, p.before);
  return from === w.to ? null : { entity: w.entity, id: w.id, from, to: w.to };
}

async function writeKeys(
  root: string,
  file: string,
  keys: ReadonlyArray<FrontmatterChange>,
): Promise<void> {
  const prepared = await prepareFrontmatterUpdate(path.join(root, file), keys, {
    display: file,
  });
  await prepared.write();
}

// audit.md AU-TR-2: a forbidden change writes nothing of its step and is an internal error (exit 70).
function refuseIllegal(
  violation: string | null,
  change: StatusChange,
  by: Actor,
): void {
  if (violation === null) return;
  throw new SpecfuseError({
    code: "internal_error",
    message: `illegal transition ${change.entity} ${change.id}: ${change.from ?? "∅"} → ${change.to} (by ${by})`,
    detail: violation,
  });
}
