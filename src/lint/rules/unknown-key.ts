import { closestName } from "../../config/closest-name.js";
import { lineOf } from "../../yaml/parse-yaml.js";
import type { FileDoc, LintFacts } from "../facts.js";
import { isKnownKey, KNOWN_KEYS, type KeyKind } from "../known-keys.js";
import type { Finding, Rule, RuleContext } from "../rule.js";
import { isMapping } from "../values.js";

const WHERE: Record<KeyKind, string> = {
  plan: "the PLAN frontmatter",
  gate: "the GATE frontmatter",
  unit: "the work unit's frontmatter",
  "graph-gate": "a task-graph gate entry",
  "graph-unit": "a task-graph unit entry",
};

// What ignoring a misspelled key costs, when that is worth saying.
const CONSEQUENCE: Record<string, string> = {
  "graph-unit depends_on":
    "so the graph has no edge here and the unit may run before the units it needs",
  "graph-gate work_units": "so this gate has no work units",
  "unit model": "so the type's default model is used",
  "unit effort": "so the type's default effort is used",
  "unit produces": "so no deliverable is checked after a pass",
  "unit extra_gates": "so no extra verification set runs",
  "unit timeout_minutes": "so the default time limit applies",
  "unit max_attempts": "so the default number of attempts applies",
  "gate cost_budget_usd": "so the gate has no budget",
  "plan auto_close_disabled": "so auto-close stays on",
};

// Files already checked in this pass: a file named by two graph entries is reported once.
const seen = new WeakMap<LintFacts, Set<string>>();

function isFirstVisit(facts: LintFacts, file: string): boolean {
  let files = seen.get(facts);
  if (files === undefined) {
    files = new Set();
    seen.set(facts, files);
  }
  if (files.has(file)) return false;
  files.add(file);
  return true;
}

/** Where a map sits, for one finding per unknown key. */
interface KeySite {
  kind: KeyKind;
  keys: readonly string[];
  file: string;
  gate: number | string | null;
  lineOf: (key: string) => number | null;
  fallbackLine: number | null;
}

// One warning per key the kind does not know, with a did-you-mean when a known key is within edit distance 2.
function reportUnknown(ctx: RuleContext, site: KeySite): void {
  for (const key of site.keys) {
    if (isKnownKey(site.kind, key)) continue;
    const near = closestName(key, KNOWN_KEYS[site.kind]);
    const cost =
      near === null ? undefined : CONSEQUENCE[`${site.kind} ${near}`];
    const finding: Finding = {
      rule: "unknown-key",
      file: site.file,
      line: site.lineOf(key) ?? site.fallbackLine,
      gate: site.gate,
      message: `Unknown key "${key}" in ${WHERE[site.kind]}${near === null ? ";" : `; did you mean "${near}"?`} specfuse ignores it${cost === undefined ? "" : `, ${cost}`}.`,
      hint:
        near === null
          ? `remove it, or check its spelling (known keys: ${KNOWN_KEYS[site.kind].slice(0, 12).join(", ")}, …).`
          : `rename it to "${near}".`,
    };
    ctx.report(finding);
  }
}

function docSite(kind: KeyKind, doc: FileDoc, file: string): KeySite | null {
  if (!doc.isReadable) return null;
  return {
    kind,
    keys: Object.keys(doc.data),
    file,
    gate: null,
    lineOf: (key) => doc.keyLine(key),
    fallbackLine: 1,
  };
}

function graphLine(
  facts: LintFacts,
  path: Array<string | number>,
): number | null {
  const yaml = facts.planDoc?.search.graph?.yaml;
  return yaml === undefined ? null : lineOf(yaml, path);
}

// New (warning): a key no version of specfuse or the reference reads, in a PLAN, GATE or WU frontmatter or a graph entry.
export const unknownKey: Rule = {
  code: "unknown-key",
  plan(ctx) {
    const { facts } = ctx;
    if (facts.planState !== "ok") return undefined;
    reportUnknown(ctx, {
      kind: "plan",
      keys: Object.keys(facts.planData),
      file: facts.planFile,
      gate: null,
      lineOf: (key) => facts.planKeyLine(key),
      fallbackLine: 1,
    });
    return undefined;
  },
  gate(ctx, gate) {
    const raw = gate.raw;
    if (raw.isMap && isMapping(raw.raw))
      reportUnknown(ctx, {
        kind: "graph-gate",
        keys: Object.keys(raw.raw),
        file: ctx.facts.planFile,
        gate: gate.label,
        lineOf: (key) => graphLine(ctx.facts, ["gates", raw.index, key]),
        fallbackLine: raw.line,
      });
    const doc = gate.file?.doc ?? null;
    if (gate.file !== null && doc !== null)
      if (isFirstVisit(ctx.facts, gate.file.display)) {
        const site = docSite("gate", doc, gate.file.display);
        if (site !== null) reportUnknown(ctx, site);
      }
    return undefined;
  },
  entry(ctx, entry) {
    const raw = entry.raw;
    if (!raw.isMap || !isMapping(raw.raw)) return undefined;
    reportUnknown(ctx, {
      kind: "graph-unit",
      keys: Object.keys(raw.raw),
      file: ctx.facts.planFile,
      gate: entry.gate.label,
      lineOf: (key) =>
        graphLine(ctx.facts, [
          "gates",
          raw.gateIndex,
          "work_units",
          raw.index,
          key,
        ]),
      fallbackLine: raw.line,
    });
    return undefined;
  },
  unit(ctx, unit) {
    if (!isFirstVisit(ctx.facts, unit.file)) return undefined;
    const site = docSite("unit", unit.doc, unit.file);
    if (site !== null) reportUnknown(ctx, site);
    return undefined;
  },
};
