import { describe, expect, it } from "vitest";
import { recognize } from "../../src/evidence/recognize.js";
import { dedent } from "../helpers/dedent.js";

// EV-REC-1: one table per recognizer. Inputs are lines of real runner output (the corpus under
// test/fixtures/evidence/ holds whole captures); older output forms cite where they are documented.
const ROOT = "/work/app";
const find = (text: string) =>
  recognize(
    "tests",
    dedent(text).replace(/\n$/, "").split("\n"),
    ROOT,
  ).findings.map(({ check: _check, ...f }) => f);

interface Case {
  name: string;
  text: string;
  want: Array<Record<string, unknown>>;
}

function table(title: string, cases: Case[]) {
  describe(title, () => {
    for (const c of cases)
      it(c.name, () => {
        expect(find(c.text)).toStrictEqual(
          c.want.map((w) => expect.objectContaining(w)),
        );
        expect(find(c.text)).toHaveLength(c.want.length);
      });
  });
}

table("EV-REC-1 node-test", [
  {
    name: "TAP not ok at any indent, its YAML block, parents from # Subtest",
    text: `
      # Subtest: math
          # Subtest: adds
          not ok 1 - adds
            ---
            location: '/work/app/test/math.test.js:7:5'
            failureType: 'testCodeFailure'
            error: |-
              Expected values to be strictly equal:

              4 !== 3
            expected: 3
            actual: 4
            ...
      not ok 1 - math
        ---
        failureType: 'subtestsFailed'
        error: '1 subtest failed'
        ...
    `,
    want: [
      {
        runner: "node-test",
        test: "math > adds",
        file: "test/math.test.js",
        line: 7,
        column: 5,
        message: "Expected values to be strictly equal:\n4 !== 3",
        expected: "3",
        actual: "4",
      },
    ],
  },
  {
    name: "TAP: a file-level subtest is the file, not a parent; TODO is no failure",
    text: `
      # Subtest: /work/app/test/a.test.js
          not ok 1 - reads "quoted"
            ---
            error: "bad \\"value\\""
            ...
          not ok 2 - later # TODO
    `,
    want: [
      {
        test: 'reads "quoted"',
        file: "test/a.test.js",
        message: 'bad "value"',
      },
    ],
  },
  {
    name: "spec: ✖ failing tests with test at, parents from the tree",
    text: `
      ▶ math
        ✖ adds (2.1ms)
          AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:

          4 !== 3

              at TestContext.<anonymous> (file:///work/app/test/math.test.js:8:14)
              at Test.run (node:internal/test_runner/test:796:25) {
            actual: 4,
            expected: 3,
          }

      ✖ math (3ms)
      ℹ tests 1

      ✖ failing tests:

      test at test/math.test.js:7:5
      ✖ adds (2.1ms)
        AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:
            at TestContext.<anonymous> (file:///work/app/test/math.test.js:8:14)
    `,
    want: [
      { test: "math > adds", file: "test/math.test.js", line: 7, column: 5 },
    ],
  },
  {
    name: "spec without a summary: the inline ✖ block and its first repo frame",
    text: `
      ✖ adds (2.1ms)
        TypeError: x is not a function
            at Object.<anonymous> (/work/app/node_modules/lib/index.js:1:1)
            at TestContext.<anonymous> (file:///work/app/test/math.test.js:8:14)
    `,
    want: [
      {
        test: "adds",
        message: "TypeError: x is not a function",
        file: "test/math.test.js",
        line: 8,
      },
    ],
  },
]);

table("EV-REC-1 vitest", [
  {
    name: "FAIL entries under Failed Tests, diff and ❯ frame; stacked FAIL lines share one error",
    text: `
      ⎯⎯⎯⎯⎯⎯⎯ Failed Tests 2 ⎯⎯⎯⎯⎯⎯⎯

       FAIL  test/cart.test.js > cart > sums prices
       FAIL  test/cart.test.js > cart > sums again
      AssertionError: expected 5.5 to be 5 // Object.is equality

      - Expected
      + Received

      - 5
      + 5.5

       ❯ test/cart.test.js:6:49
    `,
    want: [
      {
        runner: "vitest",
        test: "cart > sums prices",
        file: "test/cart.test.js",
        line: 6,
        expected: "5",
        actual: "5.5",
      },
      { test: "cart > sums again", line: 6 },
    ],
  },
  {
    name: "Failed Suites: a file that did not load has no test",
    text: `
      ⎯⎯⎯⎯⎯⎯ Failed Suites 1 ⎯⎯⎯⎯⎯⎯⎯

       FAIL  test/broken.test.js [ test/broken.test.js ]
      Error: Cannot find module '../src/x.js' imported from /work/app/test/broken.test.js
       ❯ test/broken.test.js:2:1
    `,
    want: [
      {
        file: "test/broken.test.js",
        line: 2,
        message:
          "Error: Cannot find module '../src/x.js' imported from test/broken.test.js",
      },
    ],
  },
  {
    name: "a workspace project's label before the file is not part of it",
    text: `
      ⎯⎯⎯⎯⎯⎯⎯ Failed Tests 2 ⎯⎯⎯⎯⎯⎯⎯

       FAIL   unit  test/a.test.ts > adds
      AssertionError: expected 1 to be 2
       FAIL  |slow| test/b.test.ts > waits
      Error: Test timed out in 5000ms.
    `,
    want: [
      { file: "test/a.test.ts", test: "adds" },
      { file: "test/b.test.ts", test: "waits" },
    ],
  },
  {
    name: "the per-file tree (× lines) outside the sections is not read",
    text: `
       ❯ test/cart.test.js (2 tests | 1 failed) 47ms
           × sums prices 37ms
       FAIL  test/cart.test.js > cart > sums prices
    `,
    want: [],
  },
]);

table("EV-REC-1 jest", [
  {
    name: "● suite › test within FAIL <file>, Expected/Received, frame",
    text: `
      FAIL test/stock.test.js
        ● stock › restocks

          expect(received).toBe(expected) // Object.is equality

          Expected: 3
          Received: 5

            at Object.toBe (test/stock.test.js:5:27)

      Test Suites: 1 failed, 1 total
    `,
    want: [
      {
        runner: "jest",
        test: "stock > restocks",
        file: "test/stock.test.js",
        line: 5,
        expected: "3",
        actual: "5",
      },
    ],
  },
  {
    name: "● Test suite failed to run has no test and keeps the FAIL file",
    text: `
      FAIL test/syntax.test.js
        ● Test suite failed to run

          SyntaxError: /work/app/test/syntax.test.js: Unexpected token (4:30)

            at constructor (node_modules/@babel/parser/src/parse-error.ts:96:45)
    `,
    want: [
      {
        file: "test/syntax.test.js",
        message: "SyntaxError: test/syntax.test.js: Unexpected token (4:30)",
      },
    ],
  },
  {
    name: "a ● under PASS is not a failure",
    text: `
      PASS test/ok.test.js
        ● a console note
    `,
    want: [],
  },
]);

table("EV-REC-1 mocha (EV-REC-2: first repo frame)", [
  {
    name: "<k>) title blocks after <n> failing, + expected - actual diff",
    text: `
      > mocha
        1 failing

        1) slug
             words
               handles nothing:
           TypeError: Cannot read properties of null (reading 'split')
            at words (file:///work/app/src/slug.js:6:16)
            at Context.<anonymous> (file:///work/app/test/slug.spec.js:15:24)

        2) slug
             joins:

            AssertionError: Expected values to be strictly equal:
            + expected - actual

            -hello_world
            +hello-world

            at Context.<anonymous> (file:///work/app/test/slug.spec.js:6:12)
    `,
    want: [
      {
        runner: "mocha",
        test: "slug > words > handles nothing",
        file: "src/slug.js",
        line: 6,
        message: "TypeError: Cannot read properties of null (reading 'split')",
      },
      {
        test: "slug > joins",
        expected: "hello-world",
        actual: "hello_world",
        file: "test/slug.spec.js",
      },
    ],
  },
]);

table("EV-REC-1 pytest", [
  {
    name: "FAILED and ERROR in the short summary, E lines and location from the section",
    text: `
      ____________________________ TestParse.test_commas _____________________________

          def test_commas(self):
      >       assert parse_price("$1,000") == 1000

      tests/test_pricing.py:19:
      _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _
      E       ValueError: could not convert string to float: '1,000'

      pricing.py:6: ValueError
      =========================== short test summary info ============================
      FAILED tests/test_pricing.py::TestParse::test_commas - ValueError: could not ...
      ERROR tests/test_broken.py
      FAILED tests/test_x.py::test_y[1-2] - assert 1 == 2
      ========================= 1 failed, 2 passed in 0.97s ==========================
    `,
    want: [
      {
        runner: "pytest",
        test: "TestParse > test_commas",
        file: "tests/test_pricing.py",
        line: 19,
        message: "ValueError: could not convert string to float: '1,000'",
      },
      { file: "tests/test_broken.py", message: "error" },
      {
        test: "test_y[1-2]",
        file: "tests/test_x.py",
        message: "assert 1 == 2",
      },
    ],
  },
]);

table("EV-REC-1 unittest (EV-REC-2: first repo frame)", [
  {
    name: "FAIL and ERROR blocks; the exception ends the traceback",
    text: `
      ======================================================================
      ERROR: test_missing_sku (tests.test_inventory.LookupTest.test_missing_sku)
      ----------------------------------------------------------------------
      Traceback (most recent call last):
        File "/usr/lib/python3.11/unittest/case.py", line 57, in testPartExecutor
        File "/work/app/tests/test_inventory.py", line 13, in test_missing_sku
          self.assertIsNone(lookup({"a": 1}, "b"))
        File "/work/app/inventory.py", line 6, in lookup
          return items[sku]
      KeyError: 'b'

      ======================================================================
      FAIL: test_reserve (tests.test_inventory.ReserveTest)
      ----------------------------------------------------------------------
      Traceback (most recent call last):
        File "/work/app/tests/test_inventory.py", line 8, in test_reserve
      AssertionError: Lists differ: [1] != [2]

      First differing element 0:
      1
      2

      ----------------------------------------------------------------------
    `,
    want: [
      {
        runner: "unittest",
        test: "LookupTest > test_missing_sku",
        file: "tests/test_inventory.py",
        line: 13,
        message: "KeyError: 'b'",
      },
      {
        test: "ReserveTest > test_reserve",
        line: 8,
        message:
          "AssertionError: Lists differ: [1] != [2]\nFirst differing element 0:\n1\n2",
      },
    ],
  },
]);

table("EV-REC-1 go-test", [
  {
    name: "--- FAIL with its log lines after it, subtests, the package; a parent failing only by its subtest is left out",
    text: `
      --- FAIL: TestTotal (0.00s)
          cart_test.go:7: Total([1 2]) = 4, want 3
      --- FAIL: TestLabel (0.00s)
          --- FAIL: TestLabel/pen (0.00s)
              cart_test.go:16: Label("pen") = "pen", want "Pen"
      FAIL
      FAIL	example.com/shop/cart	0.014s
    `,
    want: [
      {
        runner: "go-test",
        test: "example.com/shop/cart > TestTotal",
        file: "cart_test.go",
        line: 7,
        message: "Total([1 2]) = 4, want 3",
      },
      { test: "example.com/shop/cart > TestLabel > pen", line: 16 },
    ],
  },
  {
    name: "-v: log lines printed before --- FAIL belong to the running test",
    text: `
      === RUN   TestName
          level_test.go:11: Name("warn") = "WARN", want "WARNING"
      --- FAIL: TestName (0.00s)
      === RUN   TestNoisy
      --- PASS: TestNoisy (0.19s)
      FAIL	example.com/logger/level	0.199s
    `,
    want: [
      {
        test: "example.com/logger/level > TestName",
        file: "level_test.go",
        line: 11,
      },
    ],
  },
  {
    name: "FAIL <pkg> [build failed] with the compile errors under # <pkg>",
    text: `
      # example.com/shop/cart [example.com/shop/cart.test]
      cart/cart_test.go:6:39: invalid operation: got != "2"
      FAIL	example.com/shop/cart [build failed]
      FAIL	example.com/shop/other [setup failed]
    `,
    want: [
      {
        test: "example.com/shop/cart",
        file: "cart/cart_test.go",
        line: 6,
        column: 39,
        message: 'invalid operation: got != "2"',
      },
      { test: "example.com/shop/other", message: "setup failed" },
    ],
  },
  {
    name: "-json: fail events with their output's log lines; a failing package without a failed test",
    text: `
      {"Action":"output","Package":"x/cart","Test":"TestTotal","Output":"    cart_test.go:13: Total = 4, want 3\\n"}
      {"Action":"fail","Package":"x/cart","Test":"TestTotal","Elapsed":0}
      {"Action":"fail","Package":"x/cart","Elapsed":0.008}
      {"Action":"output","Package":"x/boot","Output":"panic: boom\\n"}
      {"Action":"fail","Package":"x/boot","Elapsed":0.001}
      {"Action":"fail", not json
    `,
    want: [
      {
        test: "x/cart > TestTotal",
        file: "cart_test.go",
        line: 13,
        message: "Total = 4, want 3",
      },
      { test: "x/boot", message: "panic: boom" },
    ],
  },
]);

table("EV-REC-1 cargo-test", [
  {
    name: "---- test stdout ---- with panicked at, left/right",
    text: `
      ---- tests::sums_entries stdout ----

      thread 'tests::sums_entries' (16055) panicked at src/lib.rs:15:9:
      assertion \`left == right\` failed
        left: 4
       right: 3
      note: run with \`RUST_BACKTRACE=1\` environment variable to display a backtrace

      failures:
    `,
    want: [
      {
        runner: "cargo-test",
        test: "tests > sums_entries",
        file: "src/lib.rs",
        line: 15,
        column: 9,
        message: "assertion `left == right` failed",
        actual: "4",
        expected: "3",
      },
    ],
  },
  {
    // The pre-1.73 form, as the Rust book's chapter 11 shows it.
    name: "the older panicked at '<msg>', <file>:<l>:<c> form",
    text: `
      ---- tests::it_works stdout ----
      thread 'tests::it_works' panicked at 'Make this test fail', src/lib.rs:10:9
    `,
    want: [
      { test: "tests > it_works", message: "Make this test fail", line: 10 },
    ],
  },
  {
    name: "error[E<n>] with --> and no finding for error: could not compile",
    text: `
      error[E0308]: mismatched types
        --> src/lib.rs:11:22
      error: could not compile \`ledger\` (lib test) due to 1 previous error
    `,
    want: [
      {
        rule: "E0308",
        file: "src/lib.rs",
        line: 11,
        column: 22,
        message: "mismatched types",
      },
    ],
  },
]);

table("EV-REC-1 tsc and vue-tsc", [
  {
    name: "plain, pretty and bare forms; a .vue file is vue-tsc; continuation lines",
    text: `
      src/area.ts(7,28): error TS2551: Property 'heigth' does not exist on type 'Rect'.
        Did you mean 'height'?
      src/main.ts:3:7 - error TS2322: Type 'number' is not assignable to type 'string'.
      src/Badge.vue(3,7): error TS2322: Type 'number' is not assignable to type 'string'.
      error TS5058: The specified path does not exist: 'x.json'.
    `,
    want: [
      {
        runner: "tsc",
        rule: "TS2551",
        file: "src/area.ts",
        line: 7,
        column: 28,
        message:
          "Property 'heigth' does not exist on type 'Rect'.\nDid you mean 'height'?",
      },
      { runner: "tsc", rule: "TS2322", file: "src/main.ts", line: 3 },
      { runner: "vue-tsc", file: "src/Badge.vue" },
      { runner: "tsc", rule: "TS5058" },
    ],
  },
]);

table("EV-REC-1 eslint (EV-REC-2: warnings only without errors)", [
  {
    name: "stylish: errors count, the warning next to them does not",
    text: `
      /work/app/src/greet.js
        2:12  error    Expected '===' and instead saw '=='  eqeqeq
        3:5   warning  Unexpected console statement         no-console
        9:1   error    Parsing error: Unexpected token

      ✖ 3 problems (2 errors, 1 warning)
    `,
    want: [
      {
        runner: "eslint",
        rule: "eqeqeq",
        file: "src/greet.js",
        line: 2,
        column: 12,
        message: "Expected '===' and instead saw '=='",
      },
      { line: 9, message: "Parsing error: Unexpected token" },
    ],
  },
  {
    name: "unix: a warning counts when there is no error",
    text: `
      /work/app/src/greet.js:2:3: Unexpected console statement. [Warning/no-console]
    `,
    want: [{ rule: "no-console", file: "src/greet.js", line: 2, column: 3 }],
  },
]);

table("EV-REC-1 ruff", [
  {
    name: "concise, full with -->, and Would reformat (ruff's documented format-check line)",
    text: `
      notes.py:1:8: F401 [*] \`os\` imported but unused
      E711 Comparison to \`None\` should be \`cond is None\`
       --> notes.py:6:16
      Would reformat: src/notes.py
      notes.py:1:11: unformatted: File would be reformatted
    `,
    want: [
      {
        runner: "ruff",
        rule: "F401",
        file: "notes.py",
        line: 1,
        column: 8,
        message: "`os` imported but unused",
      },
      { rule: "E711", line: 6, column: 16 },
      { rule: "unformatted", file: "src/notes.py" },
      { rule: "unformatted", file: "notes.py", line: 1 },
    ],
  },
]);

table("EV-REC-1 mypy", [
  {
    name: "errors with and without a column and code, notes appended, shellcheck lines left alone",
    text: `
      billing.py:9: error: Incompatible return value type (got "int", expected "str")  [return-value]
      billing.py:9: note: Consider using str()
      billing.py:17:5: error: Name "x" is not defined
      deploy.sh:3:1: error: Couldn't parse this. [SC1073]
    `,
    want: [
      {
        runner: "mypy",
        rule: "return-value",
        file: "billing.py",
        line: 9,
        message:
          'Incompatible return value type (got "int", expected "str")\nConsider using str()',
      },
      {
        file: "billing.py",
        line: 17,
        column: 5,
        message: 'Name "x" is not defined',
      },
      { runner: "shellcheck", rule: "SC1073" },
    ],
  },
]);

table("EV-REC-1 surefire", [
  {
    name: "the Failures: and Errors: entries",
    text: `
      [ERROR] Failures:
      [ERROR]   WalletTest.deposits:12 expected: <5> but was: <10>
      [ERROR] Errors:
      [ERROR]   WalletTest.withdraws:19 » IllegalState withdrawals are closed
      [INFO]
    `,
    want: [
      {
        runner: "surefire",
        test: "WalletTest > deposits",
        line: 12,
        expected: "5",
        actual: "10",
      },
      {
        test: "WalletTest > withdraws",
        message: "IllegalState withdrawals are closed",
      },
    ],
  },
  {
    name: "without a summary, the <<< FAILURE! blocks (surefire 2 puts the class in parentheses)",
    text: `
      [ERROR] Tests run: 1, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.5 s <<< FAILURE! - in com.example.AppTest
      [ERROR] testAdd(com.example.AppTest)  Time elapsed: 0.01 s  <<< FAILURE!
      java.lang.AssertionError: expected:<4> but was:<3>
    `,
    want: [
      {
        test: "AppTest > testAdd",
        message: "java.lang.AssertionError: expected:<4> but was:<3>",
        expected: "4",
        actual: "3",
      },
    ],
  },
]);

table("EV-REC-1 bats", [
  {
    name: "TAP and pretty forms with (in test file <f>, line <l>)",
    text: `
      not ok 1 greets politely
      # (in test file test/greet.bats, line 5)
      #   \`[ "$output" = "Hello, stranger" ]' failed
       ✗ exits non-zero
         (in test file test/greet.bats, line 10)
           \`[ "$status" -ne 0 ]' failed
      not ok 2 - a node:test line, not bats
    `,
    want: [
      {
        runner: "bats",
        test: "greets politely",
        file: "test/greet.bats",
        line: 5,
        message: '`[ "$output" = "Hello, stranger" ]\' failed',
      },
      { test: "exits non-zero", line: 10 },
      {
        runner: "node-test",
        test: "a node:test line, not bats",
        message: "failed",
      },
    ],
  },
]);

table("EV-REC-1 shellcheck", [
  {
    name: "tty blocks (column from the caret) and gcc lines",
    text: `
      In deploy.sh line 3:
      cd $target
      ^--------^ SC2164 (warning): Use 'cd ... || exit' in case cd fails.
         ^-----^ SC2086 (info): Double quote to prevent globbing.
      deploy.sh:4:1: warning: unused appears unused. [SC2034]
    `,
    want: [
      {
        runner: "shellcheck",
        rule: "SC2164",
        file: "deploy.sh",
        line: 3,
        column: 1,
      },
      { rule: "SC2086", column: 4 },
      { rule: "SC2034", line: 4 },
    ],
  },
]);

table("EV-REC-1 annotation", [
  {
    name: "::error with file, line, col, title and escapes; ::warning is not a failure",
    text: `
      ::error file=src/a%2Cb.ts,line=3,col=2,title=changelog::first%0Asecond 100%25
      ::error::no place
      ::warning file=x::not counted
      ::error file=/etc/passwd,line=1::outside the repo
    `,
    want: [
      {
        runner: "annotation",
        file: "src/a,b.ts",
        line: 3,
        column: 2,
        rule: "changelog",
        message: "first\nsecond 100%",
      },
      { message: "no place" },
      { message: "outside the repo" },
    ],
  },
]);

describe("EV-FIND-2: markers, not commands", () => {
  it("finds node:test, tsc and eslint output mixed in one capture, in output order", () => {
    const f = find(`
      > npm run check
      src/a.ts(1,1): error TS2304: Cannot find name 'x'.
      not ok 1 - adds
        ---
        error: 'boom'
        ...
      ::error file=a.js,line=1::custom
    `);
    expect(f.map((x) => x.runner)).toStrictEqual([
      "tsc",
      "node-test",
      "annotation",
    ]);
  });

  it("merges findings of equal identity whose lines are equal or absent", () => {
    const f = find(`
      ::error file=a.js::same
      ::error file=a.js,line=4::same
      ::error file=a.js,line=5::same
      ::error file=a.js,line=4::same
    `);
    expect(f).toStrictEqual([
      { runner: "annotation", file: "a.js", line: 4, message: "same" },
      { runner: "annotation", file: "a.js", line: 5, message: "same" },
    ]);
  });
});

describe("EV-FIND-3: never a runtime frame", () => {
  it.each([
    ["node_modules", "::error file=node_modules/x/index.js,line=3::m"],
    [
      "site-packages",
      "::error file=/work/app/.venv/lib/site-packages/x.py,line=3::m",
    ],
    ["node: URL", "::error file=node%3Ainternal/test_runner/test,line=3::m"],
    ["outside the repo", "::error file=/usr/lib/x.js,line=3::m"],
    ["escaping the repo", "::error file=../other/x.js,line=3::m"],
  ])("%s: the finding stays, without file or line", (_name, line) => {
    expect(find(line)).toStrictEqual([{ runner: "annotation", message: "m" }]);
  });
});
