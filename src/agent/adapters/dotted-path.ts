import { isJsonObject } from "./json-lines.js";

// Looks up a dotted path (`a.0.b`, `-1` for the last element) in parsed JSON; undefined when absent (AG-BE-8).
export function lookupPath(value: unknown, dotted: string): unknown {
  if (dotted === "") return value;
  let node = value;
  for (const step of dotted.split(".")) {
    if (Array.isArray(node)) {
      if (!/^-?\d+$/.test(step)) return undefined;
      const index = Number(step);
      node = node[index < 0 ? node.length + index : index];
    } else if (isJsonObject(node)) {
      node = Object.hasOwn(node, step) ? node[step] : undefined;
    } else {
      return undefined;
    }
  }
  return node;
}
