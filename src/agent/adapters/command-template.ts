// The `command` backend's argv template (agents.md AG-BE-8): placeholders in braces, `{{ }}` for literal braces.

// The placeholders a template may use.
export const TEMPLATE_PLACEHOLDERS = [
  "model",
  "effort",
  "prompt_file",
  "cwd",
  "unit_id",
] as const;

/** A placeholder name. */
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

/** One piece of a parsed template element. */
export type TemplatePart =
  | { kind: "text"; text: string }
  | { kind: "placeholder"; name: TemplatePlaceholder };

/** A template element parsed, or why it cannot be. */
export type TemplateParse =
  | { isValid: true; parts: TemplatePart[] }
  | { isValid: false; problem: string };

const isPlaceholder = (name: string): name is TemplatePlaceholder =>
  (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);

// Parses one argv element: `{name}` placeholders, `{{`/`}}` literal braces; any other brace is a problem.
export function parseTemplateElement(element: string): TemplateParse {
  const parts: TemplatePart[] = [];
  let text = "";
  const pattern = /\{\{|\}\}|\{([^{}]*)\}|[{}]/g;
  let last = 0;
  for (const match of element.matchAll(pattern)) {
    text += element.slice(last, match.index);
    last = match.index + match[0].length;
    if (match[0] === "{{" || match[0] === "}}") {
      text += match[0][0];
      continue;
    }
    const name = match[1];
    if (name === undefined)
      return {
        isValid: false,
        problem: `a lone "${match[0]}"; write {{ or }} for a literal brace`,
      };
    if (!isPlaceholder(name))
      return {
        isValid: false,
        problem: `unknown placeholder {${name}}; the placeholders are ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(" ")}`,
      };
    if (text !== "") parts.push({ kind: "text", text });
    text = "";
    parts.push({ kind: "placeholder", name });
  }
  text += element.slice(last);
  if (text !== "") parts.push({ kind: "text", text });
  return { isValid: true, parts };
}

/** The values a template is filled with. */
export type TemplateValues = Record<TemplatePlaceholder, string>;

// Fills a template; an element whose {model}/{effort} is empty is dropped, with a preceding `-…` element
// when it was nothing but that placeholder. Elements that do not parse are kept verbatim (config validates them).
export function expandTemplate(
  template: readonly string[],
  values: TemplateValues,
): string[] {
  const out: string[] = [];
  for (const element of template) {
    const parse = parseTemplateElement(element);
    if (!parse.isValid) {
      out.push(element);
      continue;
    }
    const optional = parse.parts.filter(
      (p) =>
        p.kind === "placeholder" && (p.name === "model" || p.name === "effort"),
    );
    if (
      optional.some((p) => p.kind === "placeholder" && values[p.name] === "")
    ) {
      const isAlone = parse.parts.length === 1;
      if (isAlone && out.length > 0 && (out.at(-1) ?? "").startsWith("-"))
        out.pop();
      continue;
    }
    out.push(
      parse.parts
        .map((p) => (p.kind === "text" ? p.text : values[p.name]))
        .join(""),
    );
  }
  return out;
}
