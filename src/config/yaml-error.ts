import { SpecfuseError } from "../errors/specfuse-error.js";
import type { YamlIssue } from "../yaml/parse-yaml.js";

// The `yaml_error` (65) for a YAML file that does not parse (formats.md F-YAML-4), with a minimal valid example.
export function yamlError(
  file: string,
  issue: YamlIssue,
  example: string,
): SpecfuseError {
  return new SpecfuseError({
    code: "yaml_error",
    message: `${file} is not valid YAML`,
    file,
    line: issue.line,
    excerpt: issue.excerpt,
    detail: issue.reason,
    hint: [
      "fix the line above; a valid file looks like:",
      ...example.split("\n"),
    ].join("\n"),
  });
}
