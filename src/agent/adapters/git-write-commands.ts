// The git subcommands that write (driver D-DISP-1 order); each backend denies them its own way (AG-GIT-1).
export const GIT_WRITE_SUBCOMMANDS: readonly string[] = [
  "add",
  "commit",
  "push",
  "pull",
  "fetch",
  "merge",
  "rebase",
  "reset",
  "checkout",
  "switch",
  "restore",
  "stash",
  "clean",
  "branch",
  "tag",
  "cherry-pick",
  "revert",
  "am",
  "rm",
  "mv",
  "update-ref",
  "worktree",
  "config",
];

// `git <sub>` for every write subcommand, in order.
export function gitWriteCommands(): string[] {
  return GIT_WRITE_SUBCOMMANDS.map((sub) => `git ${sub}`);
}
