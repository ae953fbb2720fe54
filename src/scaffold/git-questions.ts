/** What `init` needs to know about git in the target (init.md I-INIT-4). */
export interface GitState {
  isWorkTree: boolean;
  hasCommits: boolean;
  /** Absolute top level of the work tree, or null outside one. */
  topLevel: string | null;
}

/** The ignore rule that matches a path (`git check-ignore -v`). */
export interface IgnoreRule {
  /** The file that holds the rule, as git prints it. */
  source: string;
  line: number;
  pattern: string;
}

/** The two read-only git questions `init` asks; implemented in src/git/git-probe.ts. */
export interface GitQuestions {
  state(dir: string): Promise<GitState>;
  /** The rule that ignores `relPath` (relative to `dir`), or null when it is not ignored. */
  ignoredBy(dir: string, relPath: string): Promise<IgnoreRule | null>;
}

// A sample path inside a feature folder, probed for shadowing ignore rules (I-WIRE-3).
export const IGNORE_SAMPLE_PATH =
  ".specfuse/features/FEAT-0000-0000-sample/PLAN.md";

// Parses one `git check-ignore -v` line (`<source>:<line>:<pattern>\t<path>`); a negated match does not ignore.
export function parseCheckIgnore(stdout: string): IgnoreRule | null {
  const line = stdout.split("\n").find((l) => l.trim() !== "");
  if (line === undefined) return null;
  const m = /^(.*):(\d+):(.*)\t/.exec(line);
  if (m === null) return null;
  const pattern = m[3] ?? "";
  if (pattern.startsWith("!") || m[1] === "") return null;
  return { source: m[1] ?? "", line: Number(m[2]), pattern };
}

// Whether a rule that ignores the sample today still hides feature folders once `!.specfuse/` is in place (dry-run estimate).
export function isStillIgnoredAfterMerge(pattern: string): boolean {
  const p = pattern
    .replace(/^\/+/, "")
    .replace(/^(\*\*\/)+/, "")
    .replace(/\/+$/, "");
  // an anchored path pattern reaches below `.specfuse/` unless it names `.specfuse` itself
  if (p.includes("/")) return !/^\.specfuse$/.test(p);
  const re = new RegExp(
    `^${p.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`,
  );
  return ["features", "FEAT-0000-0000-sample", "PLAN.md"].some((c) =>
    re.test(c),
  );
}
