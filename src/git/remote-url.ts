import type { Git } from "./git-api.js";

// The push URL (or with `isPush` false, the fetch URL) of a remote, or null when the remote does not exist or git is not there.
export async function pushUrlOf(
  git: Git,
  cwd: string,
  remote: string,
  isPush = true,
): Promise<string | null> {
  try {
    const r = await git.run(
      cwd,
      ["remote", "get-url", ...(isPush ? ["--push"] : []), "--", remote],
      [0, 2, 128],
    );
    const url = r.stdout.trim();
    return r.exitCode === 0 && url !== "" ? url : null;
  } catch {
    return null;
  }
}

// The git author as `Name <email>` (`git var GIT_AUTHOR_IDENT` without its date; audit.md AU-EV-1), or null when git has none.
export async function authorIdent(
  git: Git,
  cwd: string,
): Promise<string | null> {
  try {
    const r = await git.run(cwd, ["var", "GIT_AUTHOR_IDENT"], [0, 128]);
    if (r.exitCode !== 0) return null;
    const ident = r.stdout.trim().replace(/\s+-?\d+\s+[+-]\d{4}$/, "");
    return ident === "" ? null : ident;
  } catch {
    return null;
  }
}
