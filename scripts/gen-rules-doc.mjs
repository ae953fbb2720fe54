#!/usr/bin/env node
// Writes docs/rules.md from the built rule table (run `npm run build` first).
// With --schemas it also writes scaffold/schemas/{plan,gate,wu}-frontmatter.schema.json from src/schemas/.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = (p) => import(path.join(root, "dist", p));

const { renderRulesDoc } = await dist("lint/render-rules-doc.js");
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
    writeFileSync(out, `${JSON.stringify((await dist(file))[key], null, 2)}\n`);
    console.log(`wrote ${path.relative(root, out)}`);
  }
}
