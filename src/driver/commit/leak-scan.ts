import { createHash } from "node:crypto";

const SECRET =
  /(?<![\w-])(email|user-path|private-host|denylist): (?:'([^'\n]*)'|"([^"\n]*)")/g;

// Hides the tokens a leak-scan hook quotes (driver D-GIT-6 step 4): `<label>: '<redacted:XXXXXXXX>'`, X = SHA-256(tok) prefix.
export function redactLeakScan(summary: string): string {
  if (!summary.includes("leak-scan")) return summary;
  return summary.replace(
    SECRET,
    (_m, label: string, single?: string, double?: string) => {
      const token = single ?? double ?? "";
      const digest = createHash("sha256").update(token, "utf8").digest("hex");
      return `${label}: '<redacted:${digest.slice(0, 8)}>'`;
    },
  );
}
