const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

// Escapes text for an HTML element or a quoted attribute; pure.
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

// A safe token for a class name: lower-case letters, digits, `_` and `-` only.
export function classToken(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9_-]/g, "-");
}

// A relative link to a repo file: each path segment percent-encoded, so no name can break out of the attribute.
export function hrefOf(relative: string): string {
  return relative.split("/").map(encodeURIComponent).join("/");
}
