import type { AttemptRecord } from "../../types/outcome.js";
import type { AttemptOutcomePayload } from "../../events/event-types.js";
import type { OutcomeDecision } from "./decide-outcome.js";

/** What the agent reported about itself, recorded but never acted on (driver D-DISP-6). */
export interface AgentReport {
  is_error?: boolean;
  subtype?: string;
  session_id?: string;
  /** Tool names only. */
  permission_denials?: string[];
  exit_code?: number | null;
}

/** Everything an `attempt_outcome` payload is built from (driver D-EVT-5). */
export interface AttemptOutcomeInput {
  decision: OutcomeDecision;
  /** The attempt's usage record (D-COST-1); its `attempt` is the payload's. */
  record: AttemptRecord;
  model: string;
  effort: string;
  /** `failed` only: the excerpt from verify/evidence (D-SPIN-4). */
  failureExcerpt: string | null;
  /** Taken before any restore (D-GIT-10). */
  filesTouched: readonly string[];
  /** The real on-disk value (Fix 7). */
  reArmCount: number;
  /** SHAs the agent committed, when it moved HEAD (D-GIT-5). */
  agentCommits?: readonly string[];
  agent?: AgentReport;
}

// The `attempt_outcome` payload: fixed keys in F-EV-4 order, then the extras that apply.
export function attemptOutcomePayload(
  input: AttemptOutcomeInput,
): AttemptOutcomePayload {
  const { decision: d, record: r } = input;
  const failure = d.outcome === "failed" ? d.failure : null;
  const payload: AttemptOutcomePayload = {
    attempt: r.attempt,
    outcome: d.outcome,
    duration_seconds: r.duration_seconds,
    cost_usd: r.cost_usd ?? 0,
    input_tokens: r.input_tokens ?? 0,
    output_tokens: r.output_tokens ?? 0,
    cache_read_input_tokens: r.cache_read_input_tokens ?? 0,
    cache_creation_input_tokens: r.cache_creation_input_tokens ?? 0,
    model: input.model,
    effort: input.effort,
    failure_class: failure?.failure_class ?? null,
    failure_signature: failure?.failure_signature ?? null,
    failure_excerpt: failure === null ? null : input.failureExcerpt,
    files_touched: [...input.filesTouched],
    agent_status: d.agentStatus,
    agent_blocked_reason: d.agentBlockedReason,
    re_arm_count: input.reArmCount,
  };
  const e = d.extras;
  if (e.summary !== undefined) payload.summary = e.summary;
  if (e.assertion !== undefined) payload.assertion = e.assertion;
  if (e.missing !== undefined) payload.missing = [...e.missing];
  if (e.unchanged_paths !== undefined)
    payload.unchanged_paths = [...e.unchanged_paths];
  if (e.protected_paths !== undefined)
    payload.protected_paths = [...e.protected_paths];
  if (e.timeout_kind !== undefined) payload.timeout_kind = e.timeout_kind;
  if (e.limit_seconds !== undefined) payload.limit_seconds = e.limit_seconds;
  if (e.interrupt_reason !== undefined)
    payload.interrupt_reason = e.interrupt_reason;
  if (e.counted !== undefined) payload.counted = e.counted;
  if (input.agentCommits !== undefined && input.agentCommits.length > 0)
    payload.agent_commits = [...input.agentCommits];
  const a = input.agent ?? {};
  if (a.is_error !== undefined) payload.agent_is_error = a.is_error;
  if (a.subtype !== undefined) payload.agent_subtype = a.subtype;
  if (a.session_id !== undefined) payload.agent_session_id = a.session_id;
  if (a.permission_denials !== undefined)
    payload.permission_denials = [...a.permission_denials];
  if (a.exit_code !== undefined) payload.agent_exit_code = a.exit_code;
  return payload;
}
