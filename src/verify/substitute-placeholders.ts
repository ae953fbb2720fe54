// Characters no shell gives a meaning to, in any quoting context: a value made of them is substituted as is
// (formats.md F-VER-3: "no quoting"), which every valid feature folder is.
const INERT = /^[A-Za-z0-9._/@%+=:,-]*$/;
// cmd.exe expands %VAR% even inside quotes, so there `%` is not inert.
const INERT_CMD = /^[A-Za-z0-9._/\\@+=:,-]*$/;
const PLACEHOLDER = "{feature_dir}";

/** Where a placeholder stands in a POSIX shell command. */
type Context = "plain" | "single" | "double";

// The value quoted for its context: '…' unquoted, backslash escapes inside "…", '\'' splices inside '…'.
function quoteFor(value: string, context: Context): string {
  if (context === "double") return value.replace(/[$`"\\]/g, "\\$&");
  const spliced = value.replaceAll("'", "'\\''");
  return context === "single" ? spliced : `'${spliced}'`;
}

// Replaces each `{feature_dir}` with the repo-relative feature folder (formats.md F-VER-3, driver D-VER-3).
// A folder name with shell characters (`$(…)`, `;`, backticks, quotes; lint feature-dir-name rejects them)
// is quoted for where the placeholder stands, so it reaches the command as data and never runs (issue 9).
export function substituteFeatureDir(
  command: string,
  featureDir: string,
  platform: NodeJS.Platform = "linux",
): string {
  const value = featureDir.replace(/\/+$/, "");
  if (platform === "win32")
    return command.replaceAll(
      PLACEHOLDER,
      INERT_CMD.test(value) ? value : `"${value.replace(/"/g, '""')}"`,
    );
  if (INERT.test(value) || !command.includes(PLACEHOLDER))
    return command.replaceAll(PLACEHOLDER, value);
  let out = "";
  let context: Context = "plain";
  for (let i = 0; i < command.length; i++) {
    if (command.startsWith(PLACEHOLDER, i)) {
      out += quoteFor(value, context);
      i += PLACEHOLDER.length - 1;
      continue;
    }
    const c = command[i] as string;
    out += c;
    if (context === "single") {
      if (c === "'") context = "plain";
    } else if (c === "\\") {
      // An escaped character is literal in plain text and inside "…"; copy it as is.
      if (i + 1 < command.length) out += command[++i] as string;
    } else if (c === '"') context = context === "double" ? "plain" : "double";
    else if (c === "'" && context === "plain") context = "single";
  }
  return out;
}
