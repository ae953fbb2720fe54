import { escapesFolder, isAbsolutePath } from "../../workspace/paths.js";
import type { FileFacts } from "../facts.js";
import type { Finding, Rule } from "../rule.js";

function check(
  file: FileFacts | null,
  planFile: string,
  line: number | null,
  gate: number | string,
): Finding | null {
  if (file === null || !escapesFolder(file.path)) return null;
  const base = file.path.split(/[\\/]/).pop() ?? file.path;
  return {
    rule: "path-escape",
    file: planFile,
    line,
    gate,
    message: isAbsolutePath(file.path)
      ? `file ${JSON.stringify(file.path)} is an absolute path; graph files are relative to the feature folder.`
      : `file ${JSON.stringify(file.path)} leads outside the feature folder.`,
    hint: `move the file into the feature folder and write "file: ${base}".`,
  };
}

// A gate or WU `file` that is absolute or climbs out of the folder (formats.md F-GRAPH-5; new).
export const pathEscape: Rule = {
  code: "path-escape",
  gate(ctx, gate) {
    const f = check(
      gate.file,
      ctx.facts.planFile,
      gate.raw.fileLine ?? gate.raw.line,
      gate.label,
    );
    if (f !== null) ctx.report(f);
    return undefined;
  },
  entry(ctx, entry) {
    const f = check(
      entry.file,
      ctx.facts.planFile,
      entry.raw.fileLine ?? entry.raw.line,
      entry.gate.label,
    );
    if (f !== null) ctx.report(f);
    return undefined;
  },
};
