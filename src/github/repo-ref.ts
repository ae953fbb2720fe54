/** A GitHub repository: its host (lowercase) and `owner/name`. */
export interface RepoRef {
  host: string;
  owner: string;
  name: string;
}

// The host gh treats as the default; other hosts are named in `--repo` (github.md GH-GH-1).
export const DEFAULT_HOST = "github.com";

const SEGMENT = /^[A-Za-z0-9_.-]+$/;

// owner/name from a path like `/o/r.git/`, or null.
function ownerAndName(pathname: string): [string, string] | null {
  const parts = pathname
    .replace(/^\/+/, "")
    .replace(/\/+$/, "")
    .replace(/\.git$/, "")
    .split("/");
  if (parts.length !== 2) return null;
  const [owner = "", name = ""] = parts;
  if (!SEGMENT.test(owner) || !SEGMENT.test(name)) return null;
  if ([owner, name].some((s) => s === "." || s === "..")) return null;
  return [owner, name];
}

function normalizeHost(host: string): string {
  const h = host.toLowerCase().replace(/:\d+$/, "");
  return h === "ssh.github.com" || h === "www.github.com" ? DEFAULT_HOST : h;
}

// Reads a git remote URL (https, `ssh://`, `git://`, or scp-like `git@host:o/r.git`); null when it names no owner/name.
export function parseRemoteUrl(url: string): RepoRef | null {
  const text = url.trim();
  const scheme =
    /^(?:https?|ssh|git|git\+ssh):\/\/(?:[^@/]*@)?([^/]+)(\/.*)$/i.exec(text);
  if (scheme !== null) {
    const pair = ownerAndName(scheme[2] ?? "");
    return pair === null
      ? null
      : { host: normalizeHost(scheme[1] ?? ""), owner: pair[0], name: pair[1] };
  }
  const scp = /^(?:[^@/:\s]+@)?([^/:\s]+):(?!\/\/)(.+)$/.exec(text);
  if (scp === null) return null;
  const pair = ownerAndName(scp[2] ?? "");
  return pair === null
    ? null
    : { host: normalizeHost(scp[1] ?? ""), owner: pair[0], name: pair[1] };
}

// Reads `--repo` as `owner/name` or `host/owner/name`; null when it is neither.
export function parseRepoOption(value: string): RepoRef | null {
  const parts = value.trim().split("/");
  if (parts.length === 2) {
    const pair = ownerAndName(value);
    return pair === null
      ? null
      : { host: DEFAULT_HOST, owner: pair[0], name: pair[1] };
  }
  if (parts.length !== 3 || !/^[A-Za-z0-9.-]+(?::\d+)?$/.test(parts[0] ?? ""))
    return null;
  const pair = ownerAndName(parts.slice(1).join("/"));
  return pair === null
    ? null
    : { host: normalizeHost(parts[0] ?? ""), owner: pair[0], name: pair[1] };
}

// The value gh takes for `--repo`: `owner/name` on github.com, `HOST/OWNER/REPO` elsewhere (GH-GH-1).
export function repoArg(ref: RepoRef): string {
  return ref.host === DEFAULT_HOST
    ? `${ref.owner}/${ref.name}`
    : `${ref.host}/${ref.owner}/${ref.name}`;
}

// Whether two references name the same repository (GitHub names ignore case).
export function isSameRepo(a: RepoRef, b: RepoRef): boolean {
  return (
    a.host === b.host &&
    a.owner.toLowerCase() === b.owner.toLowerCase() &&
    a.name.toLowerCase() === b.name.toLowerCase()
  );
}

// A URL printed without its userinfo (`https://user:token@host/…` → `https://host/…`; GH-GH-4).
export function redactUrl(url: string): string {
  return redactCredentials(url);
}

// Text (git or gh output) with every `scheme://user[:password]@` reduced to `scheme://`.
export function redactCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, "$1");
}
