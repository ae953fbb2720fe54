/** What the scaffold does to one path; the verbs of init.md I-INIT-6 and I-UPG-11. */
export type FileAction =
  | "create"
  | "append"
  | "merge"
  | "replace"
  | "update"
  | "remove"
  | "keep"
  | "unchanged";

/** Which part of the tree a path belongs to; decides where and how it is written. */
export type FileGroup = "scaffold" | "wiring" | "command" | "workflow";

/** One planned operation on one path. */
export interface FileOp {
  /** Target-relative path with `/` separators. */
  path: string;
  action: FileAction;
  /** Why, when the verb alone does not say it (e.g. `locally modified`). */
  reason: string | null;
  /** The complete new content for writing actions; null for keep, unchanged and remove. */
  content: string | null;
  group: FileGroup;
}

/** A warning the user sees on stderr and in `--json` (`warnings[]`). */
export interface ScaffoldWarning {
  code: string;
  message: string;
}

// Whether an action writes the path (create, append, merge, replace, update).
export function isWriteAction(action: FileAction): boolean {
  return (
    action === "create" ||
    action === "append" ||
    action === "merge" ||
    action === "replace" ||
    action === "update"
  );
}

// Builds an operation; `content` only for writing actions.
export function fileOp(
  path: string,
  action: FileAction,
  group: FileGroup,
  content: string | null = null,
  reason: string | null = null,
): FileOp {
  return {
    path,
    action,
    reason,
    content: isWriteAction(action) ? content : null,
    group,
  };
}
