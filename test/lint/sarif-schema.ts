// The parts of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json) that a specfuse log uses, written
// from the standard's requirements: required properties, enums and value constraints of each object.
const message = {
  type: "object",
  anyOf: [{ required: ["text"] }, { required: ["id"] }],
  properties: { text: { type: "string" }, id: { type: "string" } },
};

const artifactLocation = {
  type: "object",
  properties: { uri: { type: "string" }, uriBaseId: { type: "string" } },
};

const reportingDescriptor = {
  type: "object",
  required: ["id"],
  properties: {
    id: { type: "string" },
    shortDescription: {
      type: "object",
      required: ["text"],
      properties: { text: { type: "string" } },
    },
    defaultConfiguration: {
      type: "object",
      properties: {
        level: { enum: ["none", "note", "warning", "error"] },
        enabled: { type: "boolean" },
      },
    },
    properties: { type: "object" },
  },
};

// A focused SARIF 2.1.0 schema for structural validation in tests.
export const SARIF_SUBSET_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  required: ["version", "runs"],
  properties: {
    $schema: { type: "string" },
    version: { const: "2.1.0" },
    runs: {
      type: "array",
      items: {
        type: "object",
        required: ["tool"],
        properties: {
          tool: {
            type: "object",
            required: ["driver"],
            properties: {
              driver: {
                type: "object",
                required: ["name"],
                properties: {
                  name: { type: "string" },
                  version: { type: "string" },
                  informationUri: { type: "string" },
                  rules: {
                    type: "array",
                    uniqueItems: true,
                    items: reportingDescriptor,
                  },
                },
              },
            },
          },
          originalUriBaseIds: {
            type: "object",
            additionalProperties: artifactLocation,
          },
          invocations: {
            type: "array",
            items: {
              type: "object",
              required: ["executionSuccessful"],
              properties: { executionSuccessful: { type: "boolean" } },
            },
          },
          results: {
            type: "array",
            items: {
              type: "object",
              required: ["message"],
              properties: {
                ruleId: { type: "string" },
                ruleIndex: { type: "integer", minimum: -1 },
                level: { enum: ["none", "note", "warning", "error"] },
                message,
                locations: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: {
                      physicalLocation: {
                        type: "object",
                        anyOf: [
                          { required: ["address"] },
                          { required: ["artifactLocation"] },
                        ],
                        properties: {
                          artifactLocation,
                          region: {
                            type: "object",
                            properties: {
                              startLine: { type: "integer", minimum: 1 },
                            },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;
