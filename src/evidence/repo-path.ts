// Paths as findings hold them: repo-relative, `/`-separated, and never a runtime frame (EV-FIND-3).

const RUNTIME =
  /(?:^|\/)(?:node_modules|site-packages|dist-packages)\/|^node:|^internal\/|^<[^>]*>$|^\.\.(?:\/|$)/;

// Whether a path (as printed) is a runtime frame: a `node:` URL, node_modules/, site-packages/.
export function isRuntimePath(file: string): boolean {
  return RUNTIME.test(file.replace(/\\/g, "/"));
}

// The repo-relative form of a printed path, or undefined for a runtime frame or a path outside the repo.
// Accepts `file://` URLs, absolute paths under root, and relative paths (taken as relative to the root).
export function repoPath(printed: string, root: string): string | undefined {
  let file = printed.trim().replace(/^['"(]|['")]$/g, "");
  if (file === "" || file.startsWith("node:")) return undefined;
  if (file.startsWith("file://")) file = fileUrlPath(file);
  file = file.replace(/\\/g, "/");
  const base = root.replace(/\\/g, "/").replace(/\/+$/, "");
  if (isAbsolute(file)) {
    if (base === "" || !file.startsWith(`${base}/`)) return undefined;
    file = file.slice(base.length + 1);
  }
  file = normalize(file);
  if (file === "" || isRuntimePath(file)) return undefined;
  return file;
}

function isAbsolute(file: string): boolean {
  return file.startsWith("/") || /^[A-Za-z]:\//.test(file);
}

function fileUrlPath(url: string): string {
  const rest = url.slice("file://".length).replace(/^\/([A-Za-z]:\/)/, "$1");
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
}

// Drops `./` and resolves `..` segments that stay inside the path; a path escaping the root keeps its `..`.
function normalize(file: string): string {
  const out: string[] = [];
  for (const part of file.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && out.length > 0 && out[out.length - 1] !== "..")
      out.pop();
    else out.push(part);
  }
  return out.join("/");
}

/** A source position read from a stack frame. */
export interface FramePosition {
  file: string;
  line: number;
  column?: number;
}

const JS_FRAME = /^\s*at (?:.*? \()?((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?$/;
const PY_FRAME = /^\s*File "([^"]+)", line (\d+)/;

// The position of a JavaScript (`at f (file:l:c)`) or Python (`File "f", line l`) frame in the repo.
export function repoFrame(
  line: string,
  root: string,
): FramePosition | undefined {
  const js = JS_FRAME.exec(line);
  if (js !== null) {
    const file = repoPath(js[1] ?? "", root);
    return file === undefined
      ? undefined
      : { file, line: Number(js[2]), column: Number(js[3]) };
  }
  const py = PY_FRAME.exec(line);
  if (py === null) return undefined;
  const file = repoPath(py[1] ?? "", root);
  return file === undefined ? undefined : { file, line: Number(py[2]) };
}

// The first repo frame among lines (EV-REC-2: mocha and unittest take file and line from it).
export function firstRepoFrame(
  lines: readonly string[],
  root: string,
): FramePosition | undefined {
  for (const line of lines) {
    const frame = repoFrame(line, root);
    if (frame !== undefined) return frame;
  }
  return undefined;
}

// A `file:line:col` location (as TAP's `location` or vitest's `❯`) split, with its path made repo-relative.
export function repoLocation(
  text: string,
  root: string,
): FramePosition | undefined {
  const m = /^(.*?):(\d+)(?::(\d+))?$/.exec(text.trim());
  if (m === null) return undefined;
  const file = repoPath(m[1] ?? "", root);
  if (file === undefined) return undefined;
  return m[3] === undefined
    ? { file, line: Number(m[2]) }
    : { file, line: Number(m[2]), column: Number(m[3]) };
}
