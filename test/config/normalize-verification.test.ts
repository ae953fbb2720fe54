import { describe, expect, it } from "vitest";
import {
  missingSets,
  missingSetsError,
} from "../../src/config/missing-sets.js";
import { normalizeVerification } from "../../src/config/normalize-verification.js";
import {
  isSpecfuseError,
  type SpecfuseError,
} from "../../src/errors/specfuse-error.js";
import { dedent } from "../helpers/dedent.js";

const FILE = ".specfuse/verification.yml";

function failure(text: string): SpecfuseError {
  try {
    normalizeVerification(text, FILE);
  } catch (error) {
    if (isSpecfuseError(error)) return error;
    throw error;
  }
  throw new Error("expected a failure");
}

const sets = (text: string | null) =>
  Object.fromEntries(normalizeVerification(text, FILE).sets);

describe("normalizeVerification (formats.md §7)", () => {
  it("F-VER-1/2 reads sets in file order with the 900 s default timeout", () => {
    const v = normalizeVerification(
      dedent`
        cost_tracking: true
        plannext:
          - name: plan-lint
            command: "specfuse lint {feature_dir}"
        code:
          - name: tests
            command: "npm test"
            timeout_seconds: 600
          - name: lint
            command: npm run lint
            timeout_seconds: 0.5
            note: extra keys are ignored
        doc: []
      `,
      FILE,
    );
    expect(v.cost_tracking).toBe(true);
    expect([...v.sets.keys()]).toStrictEqual(["plannext", "code", "doc"]);
    expect(v.sets.get("code")).toStrictEqual([
      { name: "tests", command: "npm test", timeout_seconds: 600 },
      { name: "lint", command: "npm run lint", timeout_seconds: 0.5 },
    ]);
    expect(v.sets.get("plannext")?.[0]?.timeout_seconds).toBe(900);
    expect(v.sets.get("doc")).toStrictEqual([]);
  });

  it("F-VER-5 a missing file, an empty file and a comment-only file read as {}", () => {
    for (const text of [null, "", "# all commented\n"]) {
      expect(normalizeVerification(text, FILE)).toStrictEqual({
        cost_tracking: true,
        sets: new Map(),
      });
    }
  });

  it("reads a set left empty by commenting out its checks (`code:`) as an empty set", () => {
    expect(
      sets("code:\n  # - name: tests\n  #   command: npm test\n"),
    ).toStrictEqual({
      code: [],
    });
  });

  it.each<[string, boolean]>([
    ["cost_tracking: false", false],
    ["cost_tracking: true", true],
    ['cost_tracking: "false"', true],
    ["cost_tracking: no", true],
    ["cost_tracking: 0", true],
    ["cost_tracking:", true],
    ["code: []", true],
  ])(
    "F-VER-4 %s → cost tracking %s (on unless the boolean false)",
    (text, on) => {
      expect(normalizeVerification(text, FILE).cost_tracking).toBe(on);
    },
  );

  it("accepts set names with digits, `_` and `-`", () => {
    expect(Object.keys(sets("_x: []\nint-tests_2: []\n"))).toStrictEqual([
      "_x",
      "int-tests_2",
    ]);
  });
});

describe("normalizeVerification errors (README resolved point 1: verification_invalid, 65)", () => {
  it.each<[string, string, number, RegExp]>([
    ["a list root", "- name: x\n", 1, /mapping of set names/],
    ["a scalar root", "hello\n", 1, /mapping of set names/],
    [
      "a set that is not a list",
      "code: npm test\n",
      1,
      /list of checks under code/,
    ],
    ["a set of strings", "code:\n  - npm test\n", 2, /a check: a mapping/],
    [
      "a check without name",
      "code:\n  - command: npm test\n",
      2,
      /non-empty string naming/,
    ],
    [
      "an empty name",
      'code:\n  - name: ""\n    command: x\n',
      2,
      /non-empty string naming/,
    ],
    [
      "a numeric name",
      "code:\n  - name: 5\n    command: x\n",
      2,
      /non-empty string naming/,
    ],
    [
      "a check without command",
      "code:\n  - name: tests\n",
      2,
      /the shell command/,
    ],
    [
      "a zero timeout",
      "code:\n  - name: t\n    command: x\n    timeout_seconds: 0\n",
      4,
      /number > 0/,
    ],
    [
      "a string timeout",
      'code:\n  - name: t\n    command: x\n    timeout_seconds: "60"\n',
      4,
      /number > 0/,
    ],
    [
      "an infinite timeout",
      "code:\n  - name: t\n    command: x\n    timeout_seconds: .inf\n",
      4,
      /finite/,
    ],
    [
      "a duplicate name",
      "code:\n  - name: t\n    command: x\n  - name: t\n    command: y\n",
      4,
      /not used before in code/,
    ],
    ["an invalid set name", "code: []\n2fast: []\n", 2, /set name matching/],
    ["a set name with a space", "my set: []\n", 1, /set name matching/],
  ])("%s", (_name, text, line, expected) => {
    const error = failure(text);
    expect(error.code).toBe("verification_invalid");
    expect(error.file).toBe(FILE);
    expect(error.line).toBe(line);
    expect(error.detail).toMatch(expected);
    expect(error.hint).toBeTruthy();
  });

  it("the same name in two sets is fine", () => {
    expect(
      Object.keys(
        sets(
          "code:\n  - name: t\n    command: x\ndoc:\n  - name: t\n    command: y\n",
        ),
      ),
    ).toStrictEqual(["code", "doc"]);
  });

  it("a file that does not parse is yaml_error (65)", () => {
    const error = failure("code:\n  - name: [\n");
    expect(error.code).toBe("yaml_error");
    expect(error.hint).toMatch(/command: "npm test"/);
  });

  it("names whatever file label it is given (the blob at the pre-attempt HEAD, F-VER-6)", () => {
    let caught: unknown;
    try {
      normalizeVerification("code: 1\n", ".specfuse/verification.yml@abc1234");
    } catch (error) {
      caught = error;
    }
    expect(isSpecfuseError(caught) && caught.file).toBe(
      ".specfuse/verification.yml@abc1234",
    );
  });
});

describe("missingSets (driver D-LOAD-6)", () => {
  const v = normalizeVerification(
    "code:\n  - name: t\n    command: x\ndoc: []\nplannext:\n",
    FILE,
  );

  it("lists missing and empty sets with the units that need them, in first-need order", () => {
    expect(
      missingSets(v, [
        { unitId: "F/T01", sets: ["code", "security"] },
        { unitId: "F/T02", sets: ["code", "doc", "security"] },
        { unitId: "F/G1-PLAN", sets: ["plannext"] },
        { unitId: "F/T03", sets: ["security", "security"] },
      ]),
    ).toStrictEqual([
      { set: "security", units: ["F/T01", "F/T02", "F/T03"], isEmpty: false },
      { set: "doc", units: ["F/T02"], isEmpty: true },
      { set: "plannext", units: ["F/G1-PLAN"], isEmpty: true },
    ]);
  });

  it("is empty when every needed set has checks", () => {
    expect(missingSets(v, [{ unitId: "F/T01", sets: ["code"] }])).toStrictEqual(
      [],
    );
    expect(missingSets(v, [])).toStrictEqual([]);
  });

  it("builds verification_set_missing naming each set and its units", () => {
    const error = missingSetsError(
      missingSets(v, [
        { unitId: "F/T01", sets: ["security"] },
        { unitId: "F/T02", sets: ["doc"] },
      ]),
      FILE,
    );
    expect(error.code).toBe("verification_set_missing");
    expect(error.message).toMatch(/security, doc/);
    expect(error.detail).toBe(
      "security (not defined), needed by F/T01\ndoc (no checks), needed by F/T02",
    );
    expect(error.hint).toMatch(/^add at least one check/);
  });
});
