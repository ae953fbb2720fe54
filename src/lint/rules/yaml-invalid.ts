import type { FileDoc } from "../facts.js";
import type { Finding, Rule } from "../rule.js";
import type { YamlIssue } from "../../yaml/parse-yaml.js";

function hintFor(reason: string): string {
  if (reason.startsWith("frontmatter not closed"))
    return 'add a line with only "---" after the last frontmatter key.';
  if (reason.startsWith("duplicate key"))
    return "keep one of the two lines with that key and delete the other.";
  if (reason.startsWith("more than one YAML document"))
    return 'remove the extra "---" (or "...") line inside the frontmatter.';
  if (reason.startsWith("frontmatter must be a mapping"))
    return 'write the frontmatter as "key: value" lines.';
  if (reason.startsWith("cannot read the file"))
    return "make the file readable, UTF-8 text.";
  return 'fix the YAML on that line; quote a value that contains ": " or starts with a special character, e.g. title: "A: B".';
}

function finding(
  file: string,
  what: string,
  issue: YamlIssue,
  gate: number | string | null,
): Finding {
  const quoted =
    issue.excerpt.trim() === ""
      ? ""
      : ` (line ${issue.line}: ${JSON.stringify(issue.excerpt.trim())})`;
  return {
    rule: "yaml-invalid",
    file,
    line: issue.line,
    column: issue.column,
    gate,
    message: `${what} cannot be read: ${issue.reason}${quoted}.`,
    hint: hintFor(issue.reason),
  };
}

function issueOf(doc: FileDoc): YamlIssue {
  return (
    doc.fm.issue ?? {
      reason: "the frontmatter is not valid YAML",
      line: 1,
      column: null,
      excerpt: "",
    }
  );
}

// A frontmatter or an early PLAN yaml block that cannot be read (lint.md §4.2, L-EVAL-2/3).
export const yamlInvalid: Rule = {
  code: "yaml-invalid",
  plan(ctx) {
    const { facts } = ctx;
    if (facts.planState === "unreadable") {
      const reason =
        facts.plan.kind === "unreadable" ? facts.plan.reason : "unknown error";
      ctx.report(
        finding(
          facts.planFile,
          "PLAN.md",
          {
            reason: `cannot read the file (${reason})`,
            line: 1,
            column: null,
            excerpt: "",
          },
          null,
        ),
      );
      return "stop";
    }
    const issue = facts.planDoc?.fm.issue ?? null;
    if (
      issue === null ||
      (facts.planState !== "unclosed" && facts.planState !== "invalid")
    )
      return undefined;
    ctx.report(finding(facts.planFile, "The PLAN frontmatter", issue, null));
    return facts.planState === "unclosed" ? "stop" : undefined;
  },
  graph(ctx) {
    for (const issue of ctx.facts.planDoc?.search.earlierIssues ?? []) {
      const f = finding(
        ctx.facts.planFile,
        "A fenced yaml block of PLAN.md (at or before the task graph)",
        issue,
        null,
      );
      ctx.report({
        ...f,
        hint: `${f.hint} If the block is only an example, fence it as \`\`\`text instead.`,
      });
    }
    return undefined;
  },
  gate(ctx, gate) {
    const doc = gate.file?.doc ?? null;
    if (gate.file === null || doc === null || doc.isReadable) return undefined;
    ctx.report(
      finding(gate.file.display, "The GATE frontmatter", issueOf(doc), null),
    );
    return "skip";
  },
  unit(ctx, unit) {
    if (unit.doc.isReadable) return undefined;
    ctx.report(
      finding(unit.file, "The WU frontmatter", issueOf(unit.doc), null),
    );
    ctx.state.suppressedGates.add(unit.entry.gate);
    ctx.state.hasInvalidUnitFile = true;
    return "skip";
  },
};
