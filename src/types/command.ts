/** What a command hands back to cli/main on success. */
export interface CommandResult {
  /** The `--json` schema name (`specfuse.<command>/1`); absent for commands that print their own JSON. */
  schema?: string;
  /** The `--json` body, merged into the envelope (cli.md C-JSON-1). */
  body?: Record<string, unknown>;
}
