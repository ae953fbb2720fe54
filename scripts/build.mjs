#!/usr/bin/env node
// `npm run build`: bundles src/ into dist/ with esbuild (docs/build.md). Type checking is `npm run typecheck`;
// this script only emits.
//
// One entry, dist/cli/main.cjs. Every dynamic import() in the sources (main's lazy start, the command
// registry's loaders) becomes its own chunk under dist/chunks/, shared code split out, so a command loads
// only its own code and `--version` loads one small file; a new command in src/cli/program.ts needs no
// change here. The runtime dependencies are bundled too, except `yaml`, which parse-yaml.ts requires from
// node_modules on first use.
//
// Two steps, because esbuild splits code only in ESM: (1) bundle and split as ESM; (2) convert each chunk to
// CommonJS (.cjs), dynamic import() included. The bins then start without Node's ESM loader, which costs
// 7–8 ms of CPU per process on Node 20 (docs/build.md has the figures).
//
// Flags: --analyze prints, for each lazily loaded chunk, how many files and bytes it brings in.
import {
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIST = path.join(ROOT, "dist");
const NOTICES = "THIRD-PARTY-NOTICES.md";
const TARGET = "node20.19";
// What `import.meta.url` becomes in a CommonJS chunk (build-context.ts and parse-yaml.ts read it).
const META_URL = "__specfuseImportMetaUrl";
const META_URL_BANNER = `const ${META_URL} = require("node:url").pathToFileURL(__filename).href;`;

// commander requires node:child_process when it loads, only to run executable subcommands (specfuse has
// none); that require alone compiles Node's child_process, net and dgram internals in every process. It gets
// a stand-in that loads the real module on first use.
const lazyChildProcessForCommander = {
  name: "lazy-child-process-for-commander",
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: "child_process", namespace: "lazy-builtin" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, () => ({
      contents:
        'let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require("node:child_process"))[key] });',
      loader: "js",
    }));
  },
};

/** The options of step 1: bundle and split src/cli/main.ts as ESM, in memory. */
export function bundleOptions() {
  return {
    absWorkingDir: ROOT,
    entryPoints: { "cli/main": "src/cli/main.ts" },
    outdir: DIST,
    chunkNames: "chunks/[name]-[hash]",
    outExtension: { ".js": ".cjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: TARGET,
    // A CommonJS chunk has no import.meta: these become the chunk's own file (every chunk is one folder
    // below dist/, see checkDepth); any other import.meta use fails step 2.
    define: {
      "import.meta.url": META_URL,
      "import.meta.dirname": "__dirname",
      "import.meta.filename": "__filename",
    },
    legalComments: "eof",
    metafile: true,
    write: false,
    logLevel: "warning",
    plugins: [lazyChildProcessForCommander],
  };
}

// Step 2: one ESM chunk to CommonJS; import() becomes a lazy require(), so no chunk needs the ESM loader.
async function toCommonJs(code) {
  const out = await esbuild.transform(code, {
    format: "cjs",
    platform: "node",
    target: TARGET,
    supported: { "dynamic-import": false },
    legalComments: "eof",
    logLevel: "warning",
    logOverride: { "empty-import-meta": "error" },
  });
  return out.code.includes(META_URL)
    ? `${META_URL_BANNER}\n${out.code}`
    : out.code;
}

// build-context.ts finds the package root two levels above its own file: true of every output file.
function checkDepth(files) {
  for (const file of files) {
    const rel = path.relative(DIST, file);
    if (rel.split(path.sep).length !== 2)
      throw new Error(
        `build: ${rel} is not exactly one folder below dist/ (the package-root lookup needs that)`,
      );
  }
}

// The bundled packages (name → folder), from the inputs esbuild read under node_modules.
function bundledPackages(metafile) {
  const found = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m === null) continue;
    const dir = input.slice(0, m.index + m[0].length - 1);
    found.set(m[1], path.resolve(ROOT, dir));
  }
  return [...found.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function licenseText(dir) {
  const file = ["LICENSE", "LICENSE.md", "LICENSE.txt", "license", "LICENCE"]
    .map((n) => path.join(dir, n))
    .find((p) => existsSync(p));
  return file === undefined ? null : readFileSync(file, "utf8").trim();
}

// The licences of the code bundled into dist/, which their MIT/ISC/BSD terms ask to ship with it.
function writeNotices(metafile) {
  const parts = [
    "# Third-party notices",
    "",
    "dist/ bundles the following packages; their licences follow.",
    "",
  ];
  for (const [name, dir] of bundledPackages(metafile)) {
    const pkg = JSON.parse(
      readFileSync(path.join(dir, "package.json"), "utf8"),
    );
    const text = licenseText(dir);
    parts.push(`## ${name} ${pkg.version} (${pkg.license ?? "see below"})`, "");
    if (text === null) parts.push("(no licence file in the package)", "");
    else parts.push("```", text, "```", "");
  }
  writeFileSync(path.join(DIST, NOTICES), parts.join("\n"));
}

// For --analyze: the static closure of an output file, i.e. what loading it also loads.
function closure(metafile, file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const imp of metafile.outputs[file]?.imports ?? [])
    if (imp.kind === "import-statement" && !imp.external)
      closure(metafile, imp.path, seen);
  return seen;
}

function analyze(metafile) {
  const outputs = Object.keys(metafile.outputs);
  const kb = (files) =>
    [...files].reduce((n, f) => n + metafile.outputs[f].bytes, 0) / 1024;
  const entry = outputs.find((f) => f.endsWith("cli/main.cjs"));
  const start = outputs.find((f) => /\/run-invocation-[^/]*\.cjs$/.test(f));
  const base = closure(metafile, entry);
  const withStart = closure(metafile, start, new Set(base));
  console.log("what each invocation loads (before conversion to CommonJS):");
  const row = (name, files) =>
    console.log(
      `  ${name.padEnd(22)} ${String(files.size).padStart(3)} files ${kb(files).toFixed(0).padStart(5)} KB`,
    );
  row("--version", base);
  row("--help, usage errors", withStart);
  for (const file of outputs) {
    const source = metafile.outputs[file].entryPoint;
    if (source === undefined || !source.startsWith("src/commands/")) continue;
    const name = path.basename(source, ".ts");
    row(name, closure(metafile, file, new Set(withStart)));
  }
}

async function main(argv) {
  const result = await esbuild.build(bundleOptions());
  rmSync(DIST, { recursive: true, force: true });
  const files = [];
  for (const out of result.outputFiles) {
    mkdirSync(path.dirname(out.path), { recursive: true });
    writeFileSync(out.path, await toCommonJs(out.text));
    files.push(out.path);
  }
  checkDepth(files);
  writeNotices(result.metafile);
  if (argv.includes("--analyze")) analyze(result.metafile);
}

if (path.resolve(process.argv[1] ?? "") === fileURLToPath(import.meta.url))
  await main(process.argv.slice(2));
