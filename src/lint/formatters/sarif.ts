import { RULE_TABLE } from "../rule-table.js";
import type { FeatureReport } from "../lint-feature.js";
import { compareCodePoints } from "../sort-diagnostics.js";

/** What the SARIF log needs besides the reports. */
export interface SarifMeta {
  version: string;
  /** Absolute working directory: `%SRCROOT%` (passed in, never read from the process). */
  cwd: string;
}

// Where users find the rules.
export const INFORMATION_URI = "https://www.npmjs.com/package/specfuse";

const SORTED_RULES = [...RULE_TABLE].sort((a, b) =>
  compareCodePoints(a.code, b.code),
);
const RULE_INDEX = new Map<string, number>(
  SORTED_RULES.map((r, i) => [r.code, i]),
);

function encodePath(p: string): string {
  return p
    .split("/")
    .map((s) => encodeURIComponent(s))
    .join("/");
}

// A directory as a `file:` URI ending in `/`.
export function directoryUri(dir: string): string {
  const posix = dir.replace(/\\/g, "/");
  const withRoot = posix.startsWith("/") ? posix : `/${posix}`;
  const uri = `file://${encodePath(withRoot)}`;
  return uri.endsWith("/") ? uri : `${uri}/`;
}

function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  // An absolute display path becomes an absolute file URI, which SARIF forbids to combine with uriBaseId.
  if (file.startsWith("/")) return { uri: `file://${encodePath(file)}` };
  return { uri: encodePath(file), uriBaseId: "%SRCROOT%" };
}

// The SARIF 2.1.0 log of L-OUT-4: one run, every rule sorted by id, one result per diagnostic.
export function buildSarif(
  reports: readonly FeatureReport[],
  meta: SarifMeta,
): Record<string, unknown> {
  const results = reports.flatMap((r) =>
    r.diagnostics.map((d) => {
      const physicalLocation: Record<string, unknown> = {
        artifactLocation: artifactLocation(d.file),
      };
      if (d.line !== null) physicalLocation.region = { startLine: d.line };
      const index = RULE_INDEX.get(d.rule);
      return {
        ruleId: d.rule,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: d.severity,
        message: { text: `${d.message} Fix: ${d.hint}` },
        locations: [{ physicalLocation }],
      };
    }),
  );
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "specfuse-lint",
            version: meta.version,
            informationUri: INFORMATION_URI,
            rules: SORTED_RULES.map((r) => ({
              id: r.code,
              shortDescription: { text: r.description },
              defaultConfiguration: { level: r.severity },
              properties: { reference: r.ref, pass: r.pass },
            })),
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { uri: directoryUri(meta.cwd) } },
        invocations: [{ executionSuccessful: true }],
        results,
      },
    ],
  };
}

// The SARIF log as text, indented 2 spaces, ending with a newline.
export function formatSarif(
  reports: readonly FeatureReport[],
  meta: SarifMeta,
): string {
  return `${JSON.stringify(buildSarif(reports, meta), null, 2)}\n`;
}
