#!/usr/bin/env node
// Writes docs/rules.md from the rule table in src/ (loaded through load-source.mjs; no build needed).
// With --schemas it also writes scaffold/schemas/{plan,gate,wu}-frontmatter.schema.json from src/schemas/.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadSource } from "./load-source.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const { renderRulesDoc } = await loadSource("lint/render-rules-doc.ts");
writeFileSync(path.join(root, "docs", "rules.md"), renderRulesDoc());
console.log("wrote docs/rules.md");

if (process.argv.includes("--schemas")) {
  const schemas = [
    ["plan", "schemas/plan-frontmatter.js", "PLAN_FRONTMATTER_SCHEMA"],
    ["gate", "schemas/gate-frontmatter.js", "GATE_FRONTMATTER_SCHEMA"],
    ["wu", "schemas/wu-frontmatter.js", "WU_FRONTMATTER_SCHEMA"],
  ];
  for (const [name, file, key] of schemas) {
    const out = path.join(
      root,
      "scaffold",
      "schemas",
      `${name}-frontmatter.schema.json`,
    );
    writeFileSync(
      out,
      `${JSON.stringify((await loadSource(file))[key], null, 2)}\n`,
    );
    console.log(`wrote ${path.relative(root, out)}`);
  }
}
