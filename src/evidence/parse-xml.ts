// A small XML reader for JUnit reports (EV-CAP-2): elements, attributes, text and CDATA, with entity decoding.
// It never throws: text that is not well-formed XML gives an error with its 1-based line.

/** An element of a parsed document. */
export interface XmlElement {
  name: string;
  attributes: Map<string, string>;
  children: XmlElement[];
  /** The element's own text and CDATA, decoded, in order. */
  text: string;
}

/** A parse result: the root element, or an error with its line. */
export type XmlResult =
  | { isOk: true; root: XmlElement }
  | { isOk: false; line: number; message: string };

const NAME = /[A-Za-z_:][\w.:-]*/y;
const ATTRIBUTE = /\s+([A-Za-z_:][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const ENTITIES: Record<string, string> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
};

// Parses a document; the first problem stops it.
export function parseXml(source: string): XmlResult {
  const text = source.replace(/^\uFEFF/, "");
  const stack: XmlElement[] = [];
  const opened: number[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  const fail = (message: string, at = i): XmlResult => ({
    isOk: false,
    line: lineAt(text, at),
    message,
  });
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    const chunk = text.slice(i, lt < 0 ? text.length : lt);
    const top = stack[stack.length - 1];
    if (chunk.trim() !== "") {
      if (top === undefined) return fail("text outside the root element");
      const decoded = decode(chunk);
      if (decoded === undefined) return fail("unknown or malformed entity");
      top.text += decoded;
    }
    if (lt < 0) break;
    i = lt;
    const step = readMarkup(text, i, stack);
    if (typeof step === "string") return fail(step);
    if (step.element !== undefined) {
      if (stack.length === 0 && root !== undefined)
        return fail("a second root element");
      const parent = stack[stack.length - 1];
      if (parent !== undefined) parent.children.push(step.element);
      else root = step.element;
      if (!step.isClosed) {
        stack.push(step.element);
        opened.push(i);
      }
    }
    if (step.isEnd) {
      stack.pop();
      opened.pop();
    }
    i = step.next;
  }
  if (stack.length > 0)
    return fail(
      `<${stack[stack.length - 1]?.name}> is never closed`,
      opened[opened.length - 1],
    );
  if (root === undefined) return fail("no root element", 0);
  return { isOk: true, root };
}

interface Step {
  next: number;
  element?: XmlElement;
  isClosed?: boolean;
  isEnd?: boolean;
}

// One markup construct at text[at] === "<"; a string is an error message.
function readMarkup(
  text: string,
  at: number,
  stack: XmlElement[],
): Step | string {
  const skip = (open: string, close: string): Step | string => {
    const end = text.indexOf(close, at + open.length);
    return end < 0 ? `unclosed ${open}` : { next: end + close.length };
  };
  if (text.startsWith("<?", at)) return skip("<?", "?>");
  if (text.startsWith("<!--", at)) return skip("<!--", "-->");
  if (text.startsWith("<!DOCTYPE", at)) return skip("<!DOCTYPE", ">");
  if (text.startsWith("<![CDATA[", at)) {
    const end = text.indexOf("]]>", at);
    const top = stack[stack.length - 1];
    if (end < 0) return "unclosed <![CDATA[";
    if (top === undefined) return "CDATA outside the root element";
    top.text += text.slice(at + 9, end);
    return { next: end + 3 };
  }
  if (text.startsWith("</", at)) {
    NAME.lastIndex = at + 2;
    const name = NAME.exec(text)?.[0];
    const close = text.indexOf(">", at);
    const top = stack[stack.length - 1];
    if (name === undefined || close < 0) return "malformed end tag";
    if (top?.name !== name)
      return top === undefined
        ? `unexpected </${name}>`
        : `</${name}> closes <${top.name}>`;
    return { next: close + 1, isEnd: true };
  }
  return readStartTag(text, at);
}

function readStartTag(text: string, at: number): Step | string {
  NAME.lastIndex = at + 1;
  const name = NAME.exec(text)?.[0];
  if (name === undefined) return "a `<` that starts no tag (escape it as &lt;)";
  const attributes = new Map<string, string>();
  let i = at + 1 + name.length;
  for (;;) {
    ATTRIBUTE.lastIndex = i;
    const m = ATTRIBUTE.exec(text);
    if (m === null) break;
    const value = decode(m[2] ?? m[3] ?? "");
    if (value === undefined) return `malformed entity in attribute ${m[1]}`;
    attributes.set(m[1] ?? "", value);
    i = ATTRIBUTE.lastIndex;
  }
  const rest = /\s*(\/?)>/y;
  rest.lastIndex = i;
  const end = rest.exec(text);
  if (end === null) return `malformed tag <${name}>`;
  const element: XmlElement = { name, attributes, children: [], text: "" };
  return { next: rest.lastIndex, element, isClosed: end[1] === "/" };
}

// Decodes entities; undefined for an unknown one or a bare `&`.
function decode(text: string): string | undefined {
  if (!text.includes("&")) return text;
  let isBad = false;
  const out = text.replace(
    /&(#x[0-9a-fA-F]+|#\d+|\w+);|&/g,
    (all, ref?: string) => {
      if (ref === undefined) {
        isBad = true;
        return all;
      }
      if (ref.startsWith("#x")) return codePoint(parseInt(ref.slice(2), 16));
      if (ref.startsWith("#")) return codePoint(Number(ref.slice(1)));
      const named = ENTITIES[ref];
      if (named === undefined) isBad = true;
      return named ?? all;
    },
  );
  return isBad ? undefined : out;
}

function codePoint(n: number): string {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff
    ? String.fromCodePoint(n)
    : "\uFFFD";
}

function lineAt(text: string, at: number): number {
  let line = 1;
  for (let k = 0; k < at && k < text.length; k++)
    if (text.charCodeAt(k) === 10) line += 1;
  return line;
}
