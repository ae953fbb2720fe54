/** The example feature shipped in `scaffold/example/` (init.md §8). */
export interface ExampleAssets {
  /** Folder name under `.specfuse/features/`. */
  folder: string;
  featureId: string;
  /** File name → text, for the files of the feature folder. */
  files: ReadonlyMap<string, string>;
  /** The roadmap table row (one line). */
  roadmapRow: string;
  /** The roadmap detail section (`## <id> — <title>` and its text). */
  roadmapDetail: string;
}

/** Everything the package ships for `init` and `upgrade`, read from `templates/` and `scaffold/`. */
export interface ScaffoldAssets {
  /** Versioned files, keyed by their path relative to `.specfuse/` (`rules/never-touch.md`). */
  versioned: ReadonlyMap<string, string>;
  /** Slash-command file name (`arm-gate.md`) → text. */
  commands: ReadonlyMap<string, string>;
  /** The CLAUDE.md rules block (§5.2), markers included. */
  claudeBlock: string;
  /** The `LEARNINGS.md` seed. */
  learnings: string;
  /** The `roadmap.md` seed, with PROJECT_TOKEN where the project name goes. */
  roadmap: string;
  example: ExampleAssets;
  /** GitHub Actions workflow file name (`specfuse-run.yml`) → text with VERSION_TOKEN (github.md GH-CI-1). */
  workflows: ReadonlyMap<string, string>;
}

// Where the package version goes in the workflow templates (`npx --yes specfuse@<version>`).
export const VERSION_TOKEN = "__SPECFUSE_VERSION__";
// Where `--ci github` writes the workflows, target-relative.
export const WORKFLOWS_DIR = ".github/workflows";

// Where the project name goes in the roadmap seed's frontmatter.
export const PROJECT_TOKEN = "__SPECFUSE_PROJECT__";

// The extra verification set the example feature's implementation units declare (I-EX-2).
export const EXAMPLE_SET = {
  name: "example",
  checks: [
    {
      name: "hello-tests",
      command:
        "ls hello/*.test.mjs >/dev/null && node --test hello/*.test.mjs",
    },
  ],
} as const;
