import { SpecfuseError } from "../errors/specfuse-error.js";
import { checkSettings } from "./merge-wiring.js";
import { WIRING_DIRS, WIRING_PATHS } from "./plan-wiring.js";
import { WORKFLOWS_DIR, type ScaffoldAssets } from "./scaffold-assets.js";

// The directories `--ci github` writes into (github.md GH-CI-1).
export const WORKFLOW_DIRS = [".github", WORKFLOWS_DIR] as const;

// The workflow files `--ci github` writes, target-relative.
export function workflowPaths(assets: ScaffoldAssets): string[] {
  return [...assets.workflows.keys()].map((n) => `${WORKFLOWS_DIR}/${n}`);
}

/** A path's kind, as read-target reports it. */
type Kind = "missing" | "file" | "dir" | "other";

/** What validation looks at: path kinds and the settings text. */
export interface WiringFacts {
  kinds: ReadonlyMap<string, Kind>;
  /** Target-relative paths of the slash-command (and workflow) files. */
  commandPaths: ReadonlyArray<string>;
  /** Directories that must be directories. @default WIRING_DIRS */
  dirs?: ReadonlyArray<string>;
  settingsText: string | null;
  /** How the target is printed, for messages. */
  display: string;
}

function shown(display: string, rel: string): string {
  return display === "." ? rel : `${display}/${rel}`;
}

// Refuses before any write (I-INIT-3 step 2): path conflicts (I-CMD-5) and an unmergeable settings.json (I-WIRE-7).
export function validateWiring(facts: WiringFacts): void {
  for (const dir of facts.dirs ?? WIRING_DIRS) {
    const kind = facts.kinds.get(dir) ?? "missing";
    if (kind !== "missing" && kind !== "dir")
      throw new SpecfuseError({
        code: "wiring_path_conflict",
        message: `${shown(facts.display, dir)} exists but is not a directory`,
        detail: dir.startsWith(".github")
          ? "specfuse writes its GitHub workflows there"
          : "specfuse writes its Claude Code settings and slash commands there",
        hint: `move ${shown(facts.display, dir)} aside, then run the command again`,
      });
  }
  const files = [
    WIRING_PATHS.gitignore,
    WIRING_PATHS.claudeMd,
    WIRING_PATHS.settings,
    ...facts.commandPaths,
  ];
  for (const file of files) {
    const kind = facts.kinds.get(file) ?? "missing";
    if (kind !== "missing" && kind !== "file")
      throw new SpecfuseError({
        code: "wiring_path_conflict",
        message: `${shown(facts.display, file)} exists but is not a regular file`,
        hint: `move ${shown(facts.display, file)} aside, then run the command again`,
      });
  }
  if (facts.settingsText === null) return;
  const problem = checkSettings(facts.settingsText);
  if (problem !== null)
    throw new SpecfuseError({
      code: "settings_invalid",
      message: `${shown(facts.display, WIRING_PATHS.settings)} cannot be merged: ${problem.reason}`,
      file: shown(facts.display, WIRING_PATHS.settings),
      detail:
        "expected a JSON object whose optional \"permissions\" is an object with an optional \"allow\" array",
      hint: 'fix the file (an empty one can hold just {}), then run the command again; nothing was written',
    });
}
