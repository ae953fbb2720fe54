import { gitWriteCommands } from "./git-write-commands.js";

// The policy-engine rule that denies every git write to run_shell_command (AG-BE-3; gemini-cli docs/reference/policy-engine.md).
export function geminiPolicyToml(): string {
  const prefixes = gitWriteCommands()
    .map((c) => `  "${c}",`)
    .join("\n");
  return [
    "# Written by specfuse for one attempt: the driver owns version control.",
    "[[rule]]",
    'toolName = "run_shell_command"',
    "commandPrefix = [",
    prefixes,
    "]",
    'decision = "deny"',
    "priority = 999",
    'denyMessage = "specfuse owns version control: git commands that write are denied; read-only ones are fine."',
    "",
  ].join("\n");
}
