import { createHash, createHmac } from "node:crypto";

// `X-Specfuse-Delivery`: 32 hex of the SHA-256 of `<feature dir>\n<line>`, the same on every retry (AU-HOOK-4).
export function deliveryId(featureDir: string, line: string): string {
  return createHash("sha256")
    .update(`${featureDir}\n${line}`)
    .digest("hex")
    .slice(0, 32);
}

// `X-Specfuse-Signature-256`: `sha256=` and the hex HMAC-SHA256 of the exact body bytes (AU-HOOK-4).
export function signBody(key: string, body: string): string {
  return `sha256=${createHmac("sha256", key).update(body).digest("hex")}`;
}
