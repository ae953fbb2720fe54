import { fileOp, type FileOp, type ScaffoldWarning } from "./file-op.js";
import {
  mergeClaudeBlock,
  mergeGitignore,
  mergeSettings,
  type WiringMerge,
} from "./merge-wiring.js";

// The shared wiring files, in report order (I-INIT-6).
export const WIRING_PATHS = {
  gitignore: ".gitignore",
  claudeMd: ".claude/CLAUDE.md",
  rootClaudeMd: "CLAUDE.md",
  settings: ".claude/settings.json",
} as const;

// Directories that must be directories for the wiring to be written (I-CMD-5).
export const WIRING_DIRS = [".claude", ".claude/commands"] as const;

/** The wiring part of a plan. */
export interface WiringPlan {
  ops: FileOp[];
  warnings: ScaffoldWarning[];
}

// Plans the three additive merges (§5.1–§5.3) from the files' current text.
export function planWiring(
  textOf: (path: string) => string | null,
  claudeBlock: string,
): WiringPlan {
  const merges: Array<[string, WiringMerge]> = [
    [WIRING_PATHS.gitignore, mergeGitignore(textOf(WIRING_PATHS.gitignore))],
    [
      WIRING_PATHS.claudeMd,
      mergeClaudeBlock(
        {
          claudeMd: textOf(WIRING_PATHS.claudeMd),
          rootClaudeMd: textOf(WIRING_PATHS.rootClaudeMd),
        },
        claudeBlock,
      ),
    ],
    [WIRING_PATHS.settings, mergeSettings(textOf(WIRING_PATHS.settings))],
  ];
  const warnings: ScaffoldWarning[] = [];
  const ops = merges.map(([path, m]) => {
    if (m.warning !== null)
      warnings.push({ code: "claude_block_unterminated", message: m.warning });
    return fileOp(path, m.action, "wiring", m.text, m.reason);
  });
  return { ops, warnings };
}
