import { hasActiveCodeCheck, type StackDetection } from "./detect-stack.js";
import { fileOp, type FileOp, type ScaffoldWarning } from "./file-op.js";
import {
  codePointOrder,
  keyOfTargetPath,
  renderManifest,
  sha256Hex,
} from "./manifest.js";
import { WIRING_PATHS } from "./plan-wiring.js";
import type { CurrentTree } from "./plan-types.js";
import {
  VERSION_TOKEN,
  WORKFLOWS_DIR,
  type ScaffoldAssets,
} from "./scaffold-assets.js";

/** A managed file's shipped text and where it belongs. */
export interface Managed {
  content: string;
  group: "scaffold" | "command" | "workflow";
}

// Every file specfuse manages (VERSION, versioned assets, slash commands, and with `hasWorkflows` the GitHub workflows), target-relative, with its shipped text.
export function managedFiles(
  version: string,
  assets: ScaffoldAssets,
  hasWorkflows = false,
): Map<string, Managed> {
  const map = new Map<string, Managed>();
  map.set(".specfuse/VERSION", { content: `${version}\n`, group: "scaffold" });
  for (const [key, text] of assets.versioned)
    map.set(`.specfuse/${key}`, { content: text, group: "scaffold" });
  for (const [name, text] of assets.commands)
    map.set(`.claude/commands/${name}`, { content: text, group: "command" });
  if (hasWorkflows)
    for (const [name, text] of assets.workflows)
      map.set(`${WORKFLOWS_DIR}/${name}`, {
        content: text.replaceAll(VERSION_TOKEN, version),
        group: "workflow",
      });
  return map;
}

// Whether a manifest lists the GitHub workflows, so a plain `upgrade` refreshes them (GH-CI-1).
export function manifestHasWorkflows(keys: Iterable<string>): boolean {
  for (const key of keys)
    if (key.startsWith(`../${WORKFLOWS_DIR}/`)) return true;
  return false;
}

// The manifest of what ships: every managed path with the hash of its shipped bytes (I-MAN-1, I-UPG-6).
export function shippedManifest(managed: Map<string, Managed>): string {
  const entries = new Map<string, string>();
  for (const [path, m] of managed)
    entries.set(keyOfTargetPath(path), sha256Hex(m.content));
  return renderManifest(entries);
}

// The §7.2 table for one managed path; `isForceWire` turns a keep into a replace (I-UPG-4, I-CMD-5).
export function tableOp(
  path: string,
  content: string,
  cur: Uint8Array | undefined,
  oldHash: string | undefined,
  group: "scaffold" | "command" | "workflow",
  kept: string[],
  isForceWire: boolean,
): FileOp {
  if (cur === undefined) return fileOp(path, "create", group, content);
  if (sameBytes(cur, content)) return fileOp(path, "unchanged", group);
  if (oldHash !== undefined && sha256Hex(cur) === oldHash)
    return fileOp(path, "update", group, content);
  if (isForceWire) return fileOp(path, "replace", group, content, "--force-wire");
  kept.push(path);
  const why = oldHash !== undefined ? "locally modified" : "unmanaged, differs";
  return fileOp(
    path,
    "keep",
    group,
    null,
    group === "scaffold" ? why : `${why}; --force-wire replaces it`,
  );
}

// The I-STACK-4 warning (and I-EX-2's for the example) when no `code` check is active.
export function codeCheckWarnings(
  detection: StackDetection,
  isExample: boolean,
): ScaffoldWarning[] {
  if (hasActiveCodeCheck(detection)) return [];
  const out: ScaffoldWarning[] = [
    {
      code: "no_code_check",
      message:
        "no test, lint or type-check command was detected, so .specfuse/verification.yml has no active `code` check; implementation units will fail verification until you add one",
    },
  ];
  if (isExample)
    out.push({
      code: "example_needs_code_check",
      message:
        "`specfuse run` will refuse the example feature (verification_set_missing) until .specfuse/verification.yml has an active `code` check",
    });
  return out;
}

// One warning per kept path (I-UPG-11, I-CMD-5).
export function keptWarnings(ops: FileOp[]): ScaffoldWarning[] {
  return ops
    .filter((op) => op.action === "keep")
    .map((op) => {
      if (op.reason === "no longer shipped")
        return {
          code: "file_kept",
          message: `${op.path} is no longer shipped but was edited, so it was kept; delete it when you no longer need it`,
        };
      if (op.group === "workflow")
        return {
          code: "workflow_kept",
          message: `${op.path} differs from the shipped workflow and was kept (use --force-wire to replace it)`,
        };
      return op.group === "command"
        ? {
            code: "command_kept",
            message: `${op.path} differs from the shipped command and was kept (use --force-wire to replace it)`,
          }
        : {
            code: "file_kept",
            message: `${op.path} was kept (${op.reason ?? "differs"}); the shipped version was not written`,
          };
    });
}

const RANK: Record<string, number> = {
  [WIRING_PATHS.gitignore]: 1,
  [WIRING_PATHS.claudeMd]: 2,
  [WIRING_PATHS.settings]: 3,
};

function rankOf(op: FileOp): number {
  if (op.path.startsWith(".specfuse/")) return 0;
  return RANK[op.path] ?? 4;
}

// Report order (I-INIT-6): `.specfuse/` paths sorted, then `.gitignore`, the two `.claude` files, the commands sorted.
export function sortOps(ops: FileOp[]): FileOp[] {
  return [...ops].sort(
    (a, b) => rankOf(a) - rankOf(b) || codePointOrder(a.path, b.path),
  );
}

// Whether the bytes on disk equal some text written as UTF-8.
export function sameBytes(cur: Uint8Array, content: string): boolean {
  return Buffer.from(content, "utf8").equals(cur);
}

// Decodes bytes as UTF-8.
export function decode(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("utf8");
}

// Reads a current file as text, or null when absent.
export function textReader(current: CurrentTree): (path: string) => string | null {
  return (path) => {
    const bytes = current.files.get(path);
    return bytes === undefined ? null : decode(bytes);
  };
}
