// Imports one module of src/ (TypeScript) from a plain Node script: the doc generators and the test helpers
// that run in a child process. dist/ holds only the CLI bundle, which exports no modules, so esbuild bundles
// the module on demand (dependencies stay external) into node_modules/.cache/specfuse-src/ and it is imported
// from there. See docs/build.md.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CACHE = path.join(ROOT, "node_modules", ".cache", "specfuse-src");

/**
 * Bundles and imports `src/<rel>` (e.g. "cli/program.ts"; a ".js" ending is read as ".ts").
 * @param {string} rel
 * @returns {Promise<Record<string, unknown>>}
 */
export async function loadSource(rel) {
  const ts = rel.replace(/\.js$/, ".ts");
  const out = path.join(CACHE, ts.replace(/\.ts$/, ".mjs"));
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [path.join(ROOT, "src", ts)],
    outfile: out,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20.19",
    packages: "external",
    write: false,
    logLevel: "warning",
  });
  // Several processes may load the same module at once: write a private file, then rename it into place.
  mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, result.outputFiles[0].text);
  renameSync(tmp, out);
  return import(pathToFileURL(out).href);
}
