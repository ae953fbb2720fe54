// How much of an issue body a unit quotes (github.md GH-ADOPT-6).
export const QUOTE_CAP = 20_000;
const MAX_ITEMS = 50;
const MAX_ITEM_CHARS = 500;

// Control characters other than tab, which would corrupt the Markdown or the terminal.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

function clean(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(CONTROL, " ");
}

// The issue body as a block quote, every line behind `> `, capped, so its headings and fences open nothing (GH-ADOPT-6, I-RULE-4).
export function quoteBody(body: string, cap = QUOTE_CAP): string {
  const text = clean(body).trim();
  if (text === "") return "> (the issue has no description)";
  const isCut = text.length > cap;
  const kept = isCut ? text.slice(0, cap) : text;
  const lines = kept.split("\n").map((l) => (l.trim() === "" ? ">" : `> ${l}`));
  if (isCut)
    lines.push(
      ">",
      `> (cut at ${cap.toLocaleString("en-US")} of ${text.length.toLocaleString("en-US")} characters; the issue holds the rest)`,
    );
  return lines.join("\n");
}

const FENCE = /^\s*(```|~~~)/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*)$/;
const BOLD_LINE = /^\s*\*\*([^*]+)\*\*/;
const ITEM = /^\s*(?:[-*+]|[0-9]+[.)])\s+(.*)$/;
const TASK = /^\s*[-*+]\s+\[[ xX]\]\s+(.*)$/;

/** One line of the body outside code fences, with what it is. */
interface Line {
  text: string;
  heading: string | null;
}

function proseLines(body: string): Line[] {
  const out: Line[] = [];
  let isInFence = false;
  for (const text of clean(body).split("\n")) {
    if (FENCE.test(text)) {
      isInFence = !isInFence;
      continue;
    }
    if (isInFence) continue;
    const h = HEADING.exec(text) ?? BOLD_LINE.exec(text);
    out.push({ text, heading: h === null ? null : (h[1] ?? "").trim() });
  }
  return out;
}

function itemText(raw: string): string {
  const text = raw
    .replace(/^\[[ xX]\]\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > MAX_ITEM_CHARS
    ? `${text.slice(0, MAX_ITEM_CHARS - 1)}…`
    : text;
}

// The criteria of an issue: the items under a heading or bold line starting with `Acceptance`, else its task-list items, else `TODO` (GH-ADOPT-6).
export function acceptanceItems(body: string): string[] {
  const lines = proseLines(body);
  const start = lines.findIndex(
    (l) => l.heading !== null && /^acceptance/i.test(l.heading),
  );
  let items: string[] = [];
  if (start >= 0) {
    for (const l of lines.slice(start + 1)) {
      if (l.heading !== null) break;
      const m = ITEM.exec(l.text);
      if (m !== null) items.push(itemText(m[1] ?? ""));
    }
  }
  if (items.filter((i) => i !== "").length === 0)
    items = lines
      .map((l) => TASK.exec(l.text))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => itemText(m[1] ?? ""));
  items = items.filter((i) => i !== "").slice(0, MAX_ITEMS);
  return items.length === 0 ? ["TODO"] : items;
}
