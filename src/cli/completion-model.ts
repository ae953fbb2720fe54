import type { Command, Option } from "commander";
import type {
  CompletionModel,
  CompletionOption,
  PositionalKind,
} from "./completion-script.js";

// Option values that name a directory.
const DIRECTORY_VALUES = new Set(["<dir>"]);

function optionOf(o: Option): CompletionOption {
  const value = /<[^>]+>|\[[^\]]+\]/.exec(o.flags)?.[0] ?? null;
  return {
    short: o.short ?? null,
    long: o.long ?? null,
    takesValue: o.required || o.optional,
    choices: o.argChoices ?? null,
    isDirectory: value !== null && DIRECTORY_VALUES.has(value),
    description: o.description,
  };
}

function positionalOf(cmd: Command): PositionalKind {
  const first = cmd.registeredArguments[0];
  if (first === undefined) return "none";
  if (first.argChoices !== undefined) return { choices: first.argChoices };
  return first.name() === "dir" || first.name() === "dirs"
    ? "directories"
    : "none";
}

// What the completion scripts need from the commander registry: global flags, commands, their flags and arguments.
export function completionModel(root: Command): CompletionModel {
  const visible = (options: readonly Option[]) =>
    options.filter((o) => !o.hidden).map(optionOf);
  return {
    globals: [
      {
        short: "-h",
        long: "--help",
        takesValue: false,
        choices: null,
        isDirectory: false,
        description: "show help",
      },
      ...visible(root.options),
    ],
    commands: root.commands
      .filter((c) => c.name() !== "help")
      .map((c) => ({
        name: c.name(),
        description: c.description(),
        options: visible(c.options),
        positional: positionalOf(c),
      })),
  };
}
