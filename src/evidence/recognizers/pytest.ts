import { repoPath } from "../repo-path.js";
import type { RawFinding, RecognizeInput, Recognizer } from "../types.js";
import { placed } from "./text.js";

const SUMMARY = /^=+ short test summary info =+$/;
const ENTRY = /^(FAILED|ERROR) (\S+?)(?: - (.*))?$/;
const RULE = /^=+( .* )?=+$/;
const SECTION = /^_{3,} (.+?) _{3,}$/;
const LOCATION = /^([^\s:][^:]*\.py):(\d+):(?: (.*))?$/;

interface Section {
  name: string;
  errors: string[];
  locations: Array<{ file: string; line: number }>;
}

// pytest (EV-REC-1): `FAILED <file>::<test> - <msg>` and `ERROR <file>[::<test>]` of the short test summary, with
// the full `E` lines and the `<file>:<l>: <Error>` location of the matching FAILURES or ERRORS section.
export const pytest: Recognizer = {
  runner: "pytest",
  recognize(input) {
    if (!input.text.includes("short test summary info")) return [];
    const { lines } = input;
    const start = lines.findIndex((l) => SUMMARY.test(l));
    if (start < 0) return [];
    const sections = readSections(lines.slice(0, start), input.root);
    const found: RawFinding[] = [];
    for (let i = start + 1; i < lines.length; i++) {
      const line = lines[i] ?? "";
      if (RULE.test(line)) break;
      const m = ENTRY.exec(line);
      if (m !== null) found.push(entry(input, i, m, sections));
    }
    return found;
  },
};

function readSections(lines: readonly string[], root: string): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  for (const line of lines) {
    if (
      !line.startsWith("___") &&
      !line.startsWith("E ") &&
      !line.includes(".py:")
    )
      continue;
    const head = SECTION.exec(line);
    if (head !== null && !/^[_ ]+$/.test(head[1] ?? "")) {
      current = { name: head[1] ?? "", errors: [], locations: [] };
      sections.push(current);
      continue;
    }
    if (current === undefined) continue;
    const e = /^E {1,}(.*)$/.exec(line);
    if (e !== null) current.errors.push((e[1] ?? "").trim());
    const loc = LOCATION.exec(line);
    const file = loc === null ? undefined : repoPath(loc[1] ?? "", root);
    if (loc !== null && file !== undefined)
      current.locations.push({ file, line: Number(loc[2]) });
  }
  return sections;
}

function entry(
  { root }: RecognizeInput,
  at: number,
  m: RegExpExecArray,
  sections: readonly Section[],
): RawFinding {
  const [path = "", ...names] = (m[2] ?? "").split("::");
  const file = repoPath(path, root);
  const wanted =
    names.length === 0 ? `ERROR collecting ${path}` : names.join(".");
  const section = sections.find(
    (s) => s.name === wanted || s.name === `ERROR at setup of ${names.at(-1)}`,
  );
  const summary = (m[3] ?? "").trim();
  const message =
    section !== undefined && section.errors.length > 0
      ? section.errors.filter((l) => l !== "").join("\n")
      : summary || (m[1] === "ERROR" ? "error" : "failed");
  const where =
    section?.locations.find((l) => l.file === file) ??
    section?.locations.at(-1);
  return placed(
    {
      at,
      runner: "pytest",
      ...(names.length === 0 ? {} : { test: names.join(" > ") }),
      message,
    },
    where ?? { file },
  );
}
