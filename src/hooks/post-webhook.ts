import http from "node:http";
import https from "node:https";

// The one module that opens network connections (architecture.md A-IO-1, extended for audit.md AU-HOOK-4).

/** How one POST ended: a status (the body is never read), the per-try timeout, or a network error code. */
export type PostResult =
  | { kind: "status"; status: number }
  | { kind: "timeout" }
  | { kind: "error"; code: string };

/** One webhook POST. */
export interface PostRequest {
  url: URL;
  headers: Readonly<Record<string, string>>;
  body: string;
  /** The whole try, connect to status line. */
  timeoutMs: number;
  /** Aborts the try (a killed command, AU-HOOK-7). */
  signal?: AbortSignal;
}

// POSTs once without following redirects or keeping the connection; resolves on the status line and drops the response body unread, so a hanging or huge answer costs at most the timeout.
export function postWebhook(request: PostRequest): Promise<PostResult> {
  const client = request.url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let isDone = false;
    const finish = (result: PostResult) => {
      if (isDone) return;
      isDone = true;
      clearTimeout(timer);
      request.signal?.removeEventListener("abort", onAbort);
      resolve(result);
    };
    const req = client.request(
      request.url,
      {
        method: "POST",
        agent: false,
        headers: {
          ...request.headers,
          "content-length": String(Buffer.byteLength(request.body)),
        },
      },
      (res) => {
        finish({ kind: "status", status: res.statusCode ?? 0 });
        res.destroy();
      },
    );
    const timer = setTimeout(() => {
      finish({ kind: "timeout" });
      req.destroy();
    }, request.timeoutMs);
    const onAbort = () => {
      finish({ kind: "error", code: "ABORTED" });
      req.destroy();
    };
    if (request.signal?.aborted === true) onAbort();
    request.signal?.addEventListener("abort", onAbort, { once: true });
    req.on("error", (error: NodeJS.ErrnoException) =>
      finish({ kind: "error", code: error.code ?? "ERR_NETWORK" }),
    );
    req.end(request.body);
  });
}
