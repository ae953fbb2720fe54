// Scripts that make a genuine agent CLI do one unit's work against the model server: try a git write
// (which its deny mechanism must refuse), write a file with its own file tool, then answer with a RESULT block.
import path from "node:path";
import type { ModelApi, RecordedRequest, Script } from "./model-server.js";
import type { ToolCall } from "./protocols.js";

/** What the scripted unit does. */
export interface UnitPlan {
  /** Absolute working directory of the agent. */
  cwd: string;
  /** Repo-relative file the agent writes. */
  file: string;
  content: string;
  /** The final answer (carry the RESULT block here). */
  finalText: string;
  /** A shell command tried first, which the CLI must deny (e.g. `git commit --allow-empty -m x`). */
  deniedCommand?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

// How many tool results the request carries back: the step the conversation is at.
export function toolResultCount(
  api: ModelApi,
  request: RecordedRequest,
): number {
  const body = request.body ?? {};
  if (api === "anthropic")
    return list(body.messages)
      .flatMap((m) => (isObject(m) ? list(m.content) : []))
      .filter((b) => isObject(b) && b.type === "tool_result").length;
  if (api === "responses")
    return list(body.input).filter(
      (i) => isObject(i) && /_call_output$/.test(String(i.type)),
    ).length;
  if (api === "chat")
    return list(body.messages).filter((m) => isObject(m) && m.role === "tool")
      .length;
  return list(body.contents)
    .flatMap((c) => (isObject(c) ? list(c.parts) : []))
    .filter((p) => isObject(p) && "functionResponse" in p).length;
}

// Whether the request offers tools at all (titles, topic checks and next-speaker checks do not).
function hasTools(request: RecordedRequest): boolean {
  return list(request.body?.tools).length > 0;
}

// Each CLI's own shell and file-writing tools.
function calls(
  api: ModelApi,
  plan: UnitPlan,
): { shell: (cmd: string) => ToolCall; write: ToolCall } {
  const abs = path.join(plan.cwd, plan.file);
  if (api === "anthropic")
    return {
      shell: (command) => ({
        name: "Bash",
        input: { command, description: "run" },
      }),
      write: {
        name: "Write",
        input: { file_path: abs, content: plan.content },
      },
    };
  if (api === "responses") {
    const patch = [
      "*** Begin Patch",
      `*** Add File: ${plan.file}`,
      ...plan.content
        .replace(/\n$/, "")
        .split("\n")
        .map((l) => `+${l}`),
      "*** End Patch",
      "",
    ].join("\n");
    return {
      shell: (cmd) => ({
        name: "exec_command",
        input: { cmd, workdir: plan.cwd },
      }),
      write: { name: "apply_patch", input: patch },
    };
  }
  if (api === "chat")
    return {
      shell: (command) => ({
        name: "bash",
        input: { command, description: "run" },
      }),
      write: { name: "write", input: { filePath: abs, content: plan.content } },
    };
  return {
    shell: (command) => ({ name: "run_shell_command", input: { command } }),
    write: {
      name: "write_file",
      input: { file_path: abs, content: plan.content },
    },
  };
}

// The script of one unit for the API a CLI speaks.
export function unitScript(api: ModelApi, plan: UnitPlan): Script {
  const tools = calls(api, plan);
  const steps = [
    ...(plan.deniedCommand === undefined
      ? []
      : [{ toolCalls: [tools.shell(plan.deniedCommand)] }]),
    { toolCalls: [tools.write] },
    { text: plan.finalText },
  ];
  return (request) => {
    if (!hasTools(request))
      return {
        text:
          api === "gemini"
            ? '{"reasoning":"done","next_speaker":"user"}'
            : "Unit work",
      };
    return (
      steps[Math.min(toolResultCount(api, request), steps.length - 1)] ?? {
        text: plan.finalText,
      }
    );
  };
}
