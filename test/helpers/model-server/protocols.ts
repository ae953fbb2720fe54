// Streaming response bodies of the three model APIs the agent CLIs speak, from one protocol-neutral turn.
// Shapes: Anthropic Messages streaming (message_start … message_stop), OpenAI Responses streaming
// (response.output_item.done, response.completed) and OpenAI chat completions chunks (… usage, [DONE]).

/** One tool call the scripted model makes. */
export interface ToolCall {
  name: string;
  /** Arguments object (function tools), or the raw input string of a Responses `custom` tool (apply_patch). */
  input: Record<string, unknown> | string;
}

/** What the scripted model answers to one request. */
export interface Turn {
  text?: string;
  toolCalls?: ToolCall[];
  /** Token counts reported with the answer. @default {input: 100, output: 20} */
  usage?: { input: number; output: number; cacheRead?: number };
  /** Answer with this HTTP error status instead (429 for a rate limit). */
  errorStatus?: number;
  errorMessage?: string;
  /** Gemini API only: `error.details` (google.rpc.QuotaFailure, RetryInfo, …). */
  errorDetails?: unknown[];
}

const sse = (event: string | null, data: unknown): string =>
  `${event === null ? "" : `event: ${event}\n`}data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`;

const usageOf = (turn: Turn) => turn.usage ?? { input: 100, output: 20 };

// Anthropic Messages streaming events (for Claude Code through ANTHROPIC_BASE_URL).
export function anthropicStream(turn: Turn, model: string, n: number): string {
  const usage = usageOf(turn);
  const calls = turn.toolCalls ?? [];
  const parts: string[] = [
    sse("message_start", {
      type: "message_start",
      message: {
        id: `msg_${n}`,
        type: "message",
        role: "assistant",
        model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: {
          input_tokens: usage.input,
          output_tokens: 1,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: usage.cacheRead ?? 0,
        },
      },
    }),
  ];
  let index = 0;
  if (turn.text !== undefined) {
    parts.push(
      sse("content_block_start", {
        type: "content_block_start",
        index,
        content_block: { type: "text", text: "" },
      }),
      sse("content_block_delta", {
        type: "content_block_delta",
        index,
        delta: { type: "text_delta", text: turn.text },
      }),
      sse("content_block_stop", { type: "content_block_stop", index }),
    );
    index += 1;
  }
  for (const call of calls) {
    const id = `toolu_${n}_${index}`;
    parts.push(
      sse("content_block_start", {
        type: "content_block_start",
        index,
        content_block: { type: "tool_use", id, name: call.name, input: {} },
      }),
      sse("content_block_delta", {
        type: "content_block_delta",
        index,
        delta: {
          type: "input_json_delta",
          partial_json: JSON.stringify(call.input),
        },
      }),
      sse("content_block_stop", { type: "content_block_stop", index }),
    );
    index += 1;
  }
  parts.push(
    sse("message_delta", {
      type: "message_delta",
      delta: {
        stop_reason: calls.length > 0 ? "tool_use" : "end_turn",
        stop_sequence: null,
      },
      usage: { output_tokens: usage.output },
    }),
    sse("message_stop", { type: "message_stop" }),
  );
  return parts.join("");
}

// A non-streaming Anthropic message, for the odd request that does not ask for a stream.
export function anthropicMessage(
  turn: Turn,
  model: string,
  n: number,
): unknown {
  const usage = usageOf(turn);
  const content: unknown[] = [];
  if (turn.text !== undefined) content.push({ type: "text", text: turn.text });
  for (const [i, call] of (turn.toolCalls ?? []).entries())
    content.push({
      type: "tool_use",
      id: `toolu_${n}_${i}`,
      name: call.name,
      input: call.input,
    });
  return {
    id: `msg_${n}`,
    type: "message",
    role: "assistant",
    model,
    content,
    stop_reason: (turn.toolCalls ?? []).length > 0 ? "tool_use" : "end_turn",
    stop_sequence: null,
    usage: { input_tokens: usage.input, output_tokens: usage.output },
  };
}

// The output items of a Responses turn: a message, then function or custom tool calls.
function responsesItems(turn: Turn, n: number): unknown[] {
  const items: unknown[] = [];
  if (turn.text !== undefined)
    items.push({
      type: "message",
      id: `msg_${n}`,
      role: "assistant",
      status: "completed",
      content: [{ type: "output_text", text: turn.text, annotations: [] }],
    });
  for (const [i, call] of (turn.toolCalls ?? []).entries())
    items.push(
      typeof call.input === "string"
        ? {
            type: "custom_tool_call",
            id: `ctc_${n}_${i}`,
            call_id: `call_${n}_${i}`,
            name: call.name,
            input: call.input,
            status: "completed",
          }
        : {
            type: "function_call",
            id: `fc_${n}_${i}`,
            call_id: `call_${n}_${i}`,
            name: call.name,
            arguments: JSON.stringify(call.input),
            status: "completed",
          },
    );
  return items;
}

// OpenAI Responses streaming events (for Codex through a custom model provider).
export function responsesStream(turn: Turn, model: string, n: number): string {
  const usage = usageOf(turn);
  const items = responsesItems(turn, n);
  const response = {
    id: `resp_${n}`,
    object: "response",
    created_at: 0,
    model,
    status: "in_progress",
    output: [] as unknown[],
  };
  return [
    sse("response.created", {
      type: "response.created",
      sequence_number: 0,
      response,
    }),
    ...items.map((item, i) =>
      sse("response.output_item.done", {
        type: "response.output_item.done",
        sequence_number: i + 1,
        output_index: i,
        item,
      }),
    ),
    sse("response.completed", {
      type: "response.completed",
      sequence_number: items.length + 1,
      response: {
        ...response,
        status: "completed",
        output: items,
        usage: {
          input_tokens: usage.input,
          input_tokens_details: { cached_tokens: usage.cacheRead ?? 0 },
          output_tokens: usage.output,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: usage.input + usage.output,
        },
      },
    }),
  ].join("");
}

// OpenAI chat completions chunks (for opencode through @ai-sdk/openai-compatible).
export function chatStream(turn: Turn, model: string, n: number): string {
  const usage = usageOf(turn);
  const base = {
    id: `chatcmpl-${n}`,
    object: "chat.completion.chunk",
    created: 0,
    model,
  };
  const chunk = (delta: unknown, finish: string | null) =>
    sse(null, {
      ...base,
      choices: [{ index: 0, delta, finish_reason: finish }],
    });
  const calls = turn.toolCalls ?? [];
  const parts = [chunk({ role: "assistant", content: "" }, null)];
  if (turn.text !== undefined) parts.push(chunk({ content: turn.text }, null));
  for (const [i, call] of calls.entries())
    parts.push(
      chunk(
        {
          tool_calls: [
            {
              index: i,
              id: `call_${n}_${i}`,
              type: "function",
              function: {
                name: call.name,
                arguments: JSON.stringify(call.input),
              },
            },
          ],
        },
        null,
      ),
    );
  parts.push(
    chunk({}, calls.length > 0 ? "tool_calls" : "stop"),
    sse(null, {
      ...base,
      choices: [],
      usage: {
        prompt_tokens: usage.input,
        completion_tokens: usage.output,
        total_tokens: usage.input + usage.output,
      },
    }),
    sse(null, "[DONE]"),
  );
  return parts.join("");
}

// One Gemini API response (a GenerateContentResponse): text and function calls in one candidate.
export function geminiResponse(turn: Turn): unknown {
  const usage = usageOf(turn);
  const parts: unknown[] = [];
  if (turn.text !== undefined) parts.push({ text: turn.text });
  for (const call of turn.toolCalls ?? [])
    parts.push({ functionCall: { name: call.name, args: call.input } });
  return {
    candidates: [
      { content: { role: "model", parts }, finishReason: "STOP", index: 0 },
    ],
    usageMetadata: {
      promptTokenCount: usage.input,
      candidatesTokenCount: usage.output,
      cachedContentTokenCount: usage.cacheRead ?? 0,
      totalTokenCount: usage.input + usage.output,
    },
    modelVersion: "scripted-model",
  };
}

// Gemini API streaming (`:streamGenerateContent?alt=sse`), for the Gemini CLI through GOOGLE_GEMINI_BASE_URL.
export function geminiStream(turn: Turn): string {
  return sse(null, geminiResponse(turn));
}

// The JSON error body of each API, for a scripted HTTP error (429: a rate limit).
export function errorBody(api: string, turn: Turn): unknown {
  const message = turn.errorMessage ?? "scripted error";
  const isRateLimit = turn.errorStatus === 429;
  if (api === "anthropic")
    return {
      type: "error",
      error: { type: isRateLimit ? "rate_limit_error" : "api_error", message },
    };
  if (api === "gemini")
    return {
      error: {
        code: turn.errorStatus,
        message,
        status: isRateLimit ? "RESOURCE_EXHAUSTED" : "INTERNAL",
        ...(turn.errorDetails === undefined
          ? {}
          : { details: turn.errorDetails }),
      },
    };
  return {
    error: {
      message,
      type: isRateLimit ? "rate_limit_exceeded" : "server_error",
      code: null,
    },
  };
}
