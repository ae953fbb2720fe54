import type { Recognizer } from "../types.js";
import { annotation } from "./annotation.js";
import { bats } from "./bats.js";
import { cargoTest } from "./cargo-test.js";
import { eslint } from "./eslint.js";
import { goTestJson } from "./go-test-json.js";
import { goTest } from "./go-test.js";
import { jest } from "./jest.js";
import { mocha } from "./mocha.js";
import { mypy } from "./mypy.js";
import { nodeTest } from "./node-test.js";
import { pytest } from "./pytest.js";
import { ruff } from "./ruff.js";
import { shellcheck } from "./shellcheck.js";
import { surefire } from "./surefire.js";
import { tsc } from "./tsc.js";
import { unittest } from "./unittest.js";
import { vitest } from "./vitest.js";

// Every capture recognizer of EV-REC-1 (JUnit XML reads report files instead), in tie-break order.
export const RECOGNIZERS: readonly Recognizer[] = [
  nodeTest,
  vitest,
  jest,
  mocha,
  pytest,
  unittest,
  goTest,
  goTestJson,
  cargoTest,
  tsc,
  eslint,
  ruff,
  mypy,
  surefire,
  bats,
  shellcheck,
  annotation,
];
