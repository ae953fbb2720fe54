import { parseXml, type XmlElement } from "../parse-xml.js";
import { repoPath } from "../repo-path.js";
import type { EvidenceDiagnostic, RawFinding, ReportFile } from "../types.js";
import { expectedButWas, placed } from "./text.js";

/** What the JUnit XML files of a check yield. */
export interface JunitResult {
  findings: RawFinding[];
  diagnostics: EvidenceDiagnostic[];
}

// JUnit XML (EV-REC-1, EV-CAP-2): each `<testcase>` holding a `<failure>` or `<error>`. A file that is not XML
// gives a diagnostic naming its line, never an exception. Findings are placed after every capture line.
export function readJunitReports(
  check: string,
  reports: readonly ReportFile[],
  root: string,
  after: number,
): JunitResult {
  const findings: RawFinding[] = [];
  const diagnostics: EvidenceDiagnostic[] = [];
  for (const report of reports) {
    const parsed = parseXml(report.text);
    if (!parsed.isOk) {
      diagnostics.push({
        check,
        file: report.path,
        line: parsed.line,
        message: `not well-formed XML: ${parsed.message}; its failures are not in this evidence`,
      });
      continue;
    }
    for (const testcase of testcases(parsed.root))
      for (const problem of testcase.children)
        if (problem.name === "failure" || problem.name === "error")
          findings.push(
            caseFinding(after + findings.length, testcase, problem, root),
          );
  }
  return { findings, diagnostics };
}

function testcases(element: XmlElement): XmlElement[] {
  if (element.name === "testcase") return [element];
  return element.children.flatMap(testcases);
}

function caseFinding(
  at: number,
  testcase: XmlElement,
  problem: XmlElement,
  root: string,
): RawFinding {
  const owner = testcase.attributes.get("classname") ?? "";
  const name = testcase.attributes.get("name") ?? "";
  const test = [owner, name].filter((n) => n !== "").join(" > ");
  const body = problem.text.trim();
  const message =
    problem.attributes.get("message")?.trim() ||
    body.split("\n")[0]?.trim() ||
    problem.attributes.get("type") ||
    problem.name;
  const file = testcase.attributes.get("file");
  const line = Number(testcase.attributes.get("line"));
  return placed(
    {
      at,
      runner: "junit-xml",
      ...(test === "" ? {} : { test }),
      message,
      ...expectedButWas(message),
    },
    {
      file: file === undefined ? undefined : repoPath(file, root),
      ...(Number.isInteger(line) && line > 0 ? { line } : {}),
    },
  );
}
