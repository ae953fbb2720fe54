// Reads a corpus case (test/fixtures/evidence/<runner>/<case>/) through the built engine as the driver would:
// output.txt cut and cleaned (EV-CAP-1), the case's JUnit reports (EV-CAP-2), one check named "verify".
// Shared by test/evidence/corpus.test.ts and `scripts/capture-evidence --show`.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
);

/** Every XML file under a case's reports/ folder, with its repo-relative path. */
export function caseReports(dir) {
  const base = path.join(dir, "reports");
  if (!existsSync(base)) return [];
  const walk = (d) =>
    readdirSync(d)
      .sort()
      .flatMap((n) => {
        const p = path.join(d, n);
        return statSync(p).isDirectory() ? walk(p) : [p];
      });
  return walk(base)
    .filter((p) => p.endsWith(".xml"))
    .map((p) => ({
      path: path.relative(base, p).split(path.sep).join("/"),
      text: readFileSync(p, "utf8"),
    }));
}

/** The check run the driver would hand the engine for a case. */
export function caseRun(dir, meta, cutCapture) {
  const cut = cutCapture(readFileSync(path.join(dir, "output.txt")));
  return {
    name: meta.check ?? "verify",
    command: meta.command,
    timeoutSeconds: meta.timeout_seconds ?? 300,
    capture: {
      text: cut.text,
      exitCode: meta.exit_code,
      signal: meta.signal,
      isTimedOut: meta.timed_out === true,
      durationMs: meta.duration_ms ?? 0,
      elidedBytes: cut.elidedBytes,
    },
    reports: caseReports(dir),
  };
}

/** The findings, count and signature a case yields, in expected.json's shape. */
export async function analyzeCorpusCase(dir, meta, engine) {
  const e =
    engine ??
    (await import(
      pathToFileURL(path.join(ROOT, "scripts", "load-source.mjs")).href
    ).then((m) => m.loadSource("evidence/index.ts")));
  const run = caseRun(dir, meta, e.cutCapture);
  const evidence = e.analyzeAttempt({
    attempt: 1,
    root: meta.cwd,
    checks: [run],
  });
  const check = evidence.checks[0];
  return {
    result: check.result,
    findings: check.findings,
    ...(check.fallback.length > 0 ? { fallback: check.fallback } : {}),
    ...(check.diagnostics.length > 0 ? { diagnostics: check.diagnostics } : {}),
    count: check.count,
    signature: evidence.signature,
    failure_class: evidence.failureClass,
    fail_line: e.failLine(evidence),
  };
}
