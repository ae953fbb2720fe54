#!/usr/bin/env node
// Function lengths (architecture.md §4: functions short enough to read at once, <= 80 lines).
// Prints the longest functions under the given folders (default src/driver), longest first.
// Usage: node scripts/function-lengths.mjs [--top N] [--json] [folder...]
// A function's length is its line span, first to last line inclusive; nested functions count in their parent too.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith(".ts") ? [p] : [];
  });
}

function nameOf(node, sf) {
  if (node.name !== undefined) return node.name.getText(sf);
  const parent = node.parent;
  if (parent !== undefined && ts.isVariableDeclaration(parent))
    return parent.name.getText(sf);
  if (parent !== undefined && ts.isPropertyAssignment(parent))
    return parent.name.getText(sf);
  return "(anonymous)";
}

// Every function-like node of the files under `folders`, with its line span.
export function functionLengths(folders) {
  const out = [];
  for (const folder of folders) {
    for (const file of walk(path.resolve(ROOT, folder))) {
      const text = readFileSync(file, "utf8");
      const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
      const visit = (node) => {
        if (
          ts.isFunctionLike(node) &&
          "body" in node &&
          node.body !== undefined
        ) {
          const start = sf.getLineAndCharacterOfPosition(
            node.getStart(sf),
          ).line;
          const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
          out.push({
            file: path.relative(ROOT, file).split(path.sep).join("/"),
            line: start + 1,
            name: nameOf(node, sf),
            lines: end - start + 1,
          });
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
  }
  return out.sort((a, b) => b.lines - a.lines);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const t = args.indexOf("--top");
  const top = t >= 0 ? Number(args[t + 1]) : 10;
  const folders = args.filter(
    (a, i) => !a.startsWith("--") && args[i - 1] !== "--top",
  );
  const found = functionLengths(folders.length > 0 ? folders : ["src/driver"]);
  if (args.includes("--json"))
    process.stdout.write(`${JSON.stringify(found.slice(0, top), null, 2)}\n`);
  else
    for (const f of found.slice(0, top))
      process.stdout.write(
        `${String(f.lines).padStart(4)}  ${f.file}:${f.line}  ${f.name}\n`,
      );
}
