// The `error` member of every `--json` envelope (cli.md C-JSON-2): null, or the failure's public fields.
export const ENVELOPE_ERROR_SCHEMA = {
  anyOf: [
    { type: "null" },
    {
      type: "object",
      required: ["code", "message", "file", "line", "hint"],
      properties: {
        code: { type: "string" },
        message: { type: "string" },
        file: { type: ["string", "null"] },
        line: { type: ["integer", "null"] },
        hint: { type: ["string", "null"] },
      },
    },
  ],
} as const;
