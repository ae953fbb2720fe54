import { SpecfuseError } from "../errors/specfuse-error.js";

/** An issue as `gh issue view --json number,title,body,labels,url,state` prints it. */
export interface GhIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  url: string;
  /** `OPEN` or `CLOSED`. */
  state: string;
}

/** One open issue of `gh issue list --json number,title,url`. */
export interface GhIssueSummary {
  number: number;
  title: string;
  url: string;
}

/** One pull request of `gh pr list --json number,url,isDraft,title,body`. */
export interface GhPullRequest {
  number: number;
  url: string;
  isDraft: boolean;
  title: string;
  body: string;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj =>
  typeof v === "object" && v !== null && !Array.isArray(v);

// gh printed something other than the JSON its --json fields promise (GH-GH-2: gh_failed).
export function malformed(command: string, why: string): SpecfuseError {
  return new SpecfuseError({
    code: "gh_failed",
    message: `${command} printed output specfuse cannot read: ${why}`,
    detail: "expected the JSON of gh's documented --json fields",
    hint: "run the command yourself to see its output; `gh --version` should be 2.x or newer",
  });
}

// Parses gh's stdout as JSON, or throws gh_failed naming the command.
export function parseGhJson(command: string, stdout: string): unknown {
  try {
    return JSON.parse(stdout) as unknown;
  } catch {
    throw malformed(command, "not valid JSON");
  }
}

function field<T>(
  command: string,
  obj: Obj,
  key: string,
  check: (v: unknown) => v is T,
  what: string,
): T {
  const value = obj[key];
  if (!check(value)) throw malformed(command, `"${key}" is not ${what}`);
  return value;
}

const isStr = (v: unknown): v is string => typeof v === "string";
const isNum = (v: unknown): v is number =>
  typeof v === "number" && Number.isInteger(v) && v > 0;
const isBool = (v: unknown): v is boolean => typeof v === "boolean";
const isArr = (v: unknown): v is unknown[] => Array.isArray(v);

// Reads `gh issue view --json number,title,body,labels,url,state`.
export function readIssue(command: string, stdout: string): GhIssue {
  const v = parseGhJson(command, stdout);
  if (!isObj(v)) throw malformed(command, "not a JSON object");
  const labels = field(command, v, "labels", isArr, "a list");
  return {
    number: field(command, v, "number", isNum, "a positive integer"),
    title: field(command, v, "title", isStr, "a string"),
    body: v.body === null ? "" : field(command, v, "body", isStr, "a string"),
    url: field(command, v, "url", isStr, "a string"),
    state: field(command, v, "state", isStr, "a string"),
    labels: labels.map((l) => {
      if (!isObj(l) || !isStr(l.name))
        throw malformed(command, "a label has no name");
      return l.name;
    }),
  };
}

// Reads `gh repo view --json defaultBranchRef` (the default branch's name).
export function readDefaultBranch(command: string, stdout: string): string {
  const v = parseGhJson(command, stdout);
  const ref = isObj(v) ? v.defaultBranchRef : undefined;
  if (!isObj(ref) || !isStr(ref.name) || ref.name === "")
    throw malformed(command, "no defaultBranchRef.name");
  return ref.name;
}

// Reads `gh issue list --json number,title,url`.
export function readIssueList(
  command: string,
  stdout: string,
): GhIssueSummary[] {
  const v = parseGhJson(command, stdout);
  if (!isArr(v)) throw malformed(command, "not a JSON list");
  return v.map((item) => {
    if (!isObj(item)) throw malformed(command, "an item is not an object");
    return {
      number: field(command, item, "number", isNum, "a positive integer"),
      title: field(command, item, "title", isStr, "a string"),
      url: field(command, item, "url", isStr, "a string"),
    };
  });
}

// Reads `gh pr list --json number,url,isDraft,title,body`.
export function readPrList(command: string, stdout: string): GhPullRequest[] {
  const v = parseGhJson(command, stdout);
  if (!isArr(v)) throw malformed(command, "not a JSON list");
  return v.map((item) => {
    if (!isObj(item)) throw malformed(command, "an item is not an object");
    return {
      number: field(command, item, "number", isNum, "a positive integer"),
      url: field(command, item, "url", isStr, "a string"),
      isDraft: field(command, item, "isDraft", isBool, "a boolean"),
      title: field(command, item, "title", isStr, "a string"),
      body:
        item.body === null
          ? ""
          : field(command, item, "body", isStr, "a string"),
    };
  });
}

// The pull request number at the end of the URL `gh pr create` prints.
export function readCreatedPr(
  command: string,
  stdout: string,
): { number: number; url: string } {
  const url =
    stdout
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => /^https?:\/\//.test(l))
      .pop() ?? "";
  const m = /\/pull\/([1-9][0-9]*)\/?$/.exec(url);
  if (m === null) throw malformed(command, "no pull request URL");
  return { number: Number(m[1]), url };
}
