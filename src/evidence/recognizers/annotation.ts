import { repoPath } from "../repo-path.js";
import type { RawFinding, Recognizer } from "../types.js";
import { placed } from "./text.js";

const ERROR = /^::error(?: ([^:]*))?::(.*)$/;

// Workflow-command annotations (EV-REC-1): `::error file=<f>,line=<l>[,col=<c>][,title=<t>]::<msg>`, the form
// recommended for custom scripts; the title is the rule. Properties and message use its %-escapes.
export const annotation: Recognizer = {
  runner: "annotation",
  recognize(input) {
    if (!input.text.includes("::error")) return [];
    const found: RawFinding[] = [];
    input.lines.forEach((text, at) => {
      if (!text.startsWith("::error")) return;
      const m = ERROR.exec(text);
      if (m === null) return;
      const props = new Map<string, string>();
      for (const pair of (m[1] ?? "").split(",")) {
        const eq = pair.indexOf("=");
        if (eq > 0)
          props.set(
            pair.slice(0, eq).trim(),
            unescape(pair.slice(eq + 1), true),
          );
      }
      const title = props.get("title");
      const line = Number(props.get("line"));
      const col = Number(props.get("col"));
      found.push(
        placed(
          {
            at,
            runner: "annotation",
            ...(title === undefined || title === "" ? {} : { rule: title }),
            message: unescape(m[2] ?? "", false) || "error",
          },
          {
            file: props.has("file")
              ? repoPath(props.get("file") ?? "", input.root)
              : undefined,
            ...(Number.isInteger(line) && line > 0 ? { line } : {}),
            ...(Number.isInteger(col) && col > 0 ? { column: col } : {}),
          },
        ),
      );
    });
    return found;
  },
};

function unescape(text: string, isProperty: boolean): string {
  let out = text.replace(/%0D/gi, "\r").replace(/%0A/gi, "\n");
  if (isProperty) out = out.replace(/%3A/gi, ":").replace(/%2C/gi, ",");
  return out.replace(/%25/g, "%");
}
