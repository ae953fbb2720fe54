// A scripted model server on 127.0.0.1 for genuine agent CLIs run offline (docs/agents-offline.md):
// Anthropic Messages, OpenAI Responses, OpenAI chat completions and the Gemini API, each answering from a script of turns.
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import {
  anthropicMessage,
  anthropicStream,
  chatStream,
  errorBody,
  geminiResponse,
  geminiStream,
  responsesStream,
  type Turn,
} from "./protocols.js";

/** The API a request spoke. */
export type ModelApi = "anthropic" | "responses" | "chat" | "gemini";

/** One request the server received, as recorded. */
export interface RecordedRequest {
  api: ModelApi | "other";
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body, or null. */
  body: Record<string, unknown> | null;
}

/** Picks the answer to one request: `index` counts the requests of that API so far (0-based). */
export type Script = (request: RecordedRequest, index: number) => Turn;

/** A running server. */
export interface ModelServer {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const ROUTES: Array<[RegExp, ModelApi]> = [
  [/^\/(v1\/)?messages(\?|$)/, "anthropic"],
  [/^\/(v1\/)?responses(\?|$)/, "responses"],
  [/^\/(v1\/)?chat\/completions(\?|$)/, "chat"],
  [/^\/v1(beta)?\/models\/[^/:]+:(stream)?[gG]enerateContent(\?|$)/, "gemini"],
];

const defaultScript: Script = () => ({ text: "ok" });

async function readBody(
  req: IncomingMessage,
): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    return typeof value === "object" && value !== null
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

// The streamed (or, where the request asked for none, whole) answer of one turn in the request's API.
function body(api: ModelApi, turn: Turn, request: RecordedRequest, n: number) {
  const model =
    typeof request.body?.model === "string"
      ? request.body.model
      : "scripted-model";
  if (api === "gemini")
    return request.url.includes(":stream")
      ? { isStream: true, text: geminiStream(turn) }
      : { isStream: false, text: JSON.stringify(geminiResponse(turn)) };
  if (api === "anthropic")
    return request.body?.stream === true
      ? { isStream: true, text: anthropicStream(turn, model, n) }
      : {
          isStream: false,
          text: JSON.stringify(anthropicMessage(turn, model, n)),
        };
  if (api === "responses")
    return { isStream: true, text: responsesStream(turn, model, n) };
  return { isStream: true, text: chatStream(turn, model, n) };
}

function answer(
  res: ServerResponse,
  api: ModelApi,
  turn: Turn,
  request: RecordedRequest,
  n: number,
): void {
  if (turn.errorStatus !== undefined) {
    res.writeHead(turn.errorStatus, {
      "content-type": "application/json",
      "retry-after": "1",
    });
    res.end(JSON.stringify(errorBody(api, turn)));
    return;
  }
  const reply = body(api, turn, request, n);
  res.writeHead(200, {
    "content-type": reply.isStream ? "text/event-stream" : "application/json",
    "cache-control": "no-cache",
  });
  res.end(reply.text);
}

// Starts the server on 127.0.0.1:0; each API answers from its own script (default: the text "ok").
export async function startModelServer(
  scripts: Partial<Record<ModelApi, Script>> = {},
): Promise<ModelServer> {
  const requests: RecordedRequest[] = [];
  const counts: Record<ModelApi, number> = {
    anthropic: 0,
    responses: 0,
    chat: 0,
    gemini: 0,
  };
  const server = createServer((req, res) => {
    void (async () => {
      const url = req.url ?? "/";
      const api = ROUTES.find(([pattern]) => pattern.test(url))?.[1];
      const recorded: RecordedRequest = {
        api: api ?? "other",
        method: req.method ?? "GET",
        url,
        headers: req.headers,
        body: req.method === "POST" ? await readBody(req) : null,
      };
      requests.push(recorded);
      if (api === undefined || req.method !== "POST") {
        const isHead = req.method === "HEAD";
        res.writeHead(isHead ? 200 : 404, {
          "content-type": "application/json",
        });
        res.end(
          isHead
            ? undefined
            : JSON.stringify({ error: { message: `no route for ${url}` } }),
        );
        return;
      }
      const n = counts[api];
      counts[api] += 1;
      answer(
        res,
        api,
        (scripts[api] ?? defaultScript)(recorded, n),
        recorded,
        n,
      );
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// A script that plays turns in order and repeats the last one.
export function turns(...list: Turn[]): Script {
  return (_request, index) =>
    list[Math.min(index, list.length - 1)] ?? { text: "ok" };
}
