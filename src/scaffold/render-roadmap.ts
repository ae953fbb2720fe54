import { PROJECT_TOKEN, type ExampleAssets } from "./scaffold-assets.js";
import { yamlString } from "./yaml-scalar.js";

const SEPARATOR_ROW = /^\|(?:\s*:?-+:?\s*\|)+\s*$/;

// The roadmap seed with its project name (I-RMP-1) and, for `--example`, the example's row and detail section (I-RMP-2).
export function renderRoadmap(
  template: string,
  projectName: string,
  example: ExampleAssets | null,
): string {
  const text = template.replace(PROJECT_TOKEN, yamlString(projectName));
  if (example === null) return text;
  const lines = text.replace(/\n+$/, "").split("\n");
  const separator = lines.findIndex((l) => SEPARATOR_ROW.test(l));
  if (separator < 0) {
    throw new Error("roadmap seed has no table separator row");
  }
  let end = separator + 1;
  while (end < lines.length && (lines[end] ?? "").startsWith("|")) end++;
  lines.splice(end, 0, example.roadmapRow.replace(/\n+$/, ""));
  return `${lines.join("\n")}\n\n${example.roadmapDetail.replace(/\n+$/, "")}\n`;
}

// The project name: package.json `name`, else the target directory's name (I-RMP-1).
export function projectNameFor(
  packageName: string | null,
  dirName: string,
): string {
  return packageName ?? dirName;
}
