import { describe, expect, it } from "vitest";
import { parseXml } from "../../src/evidence/parse-xml.js";
import { readJunitReports } from "../../src/evidence/recognizers/junit-xml.js";
import { dedent } from "../helpers/dedent.js";

describe("parseXml", () => {
  it("reads elements, attributes, entities, comments and CDATA", () => {
    const r = parseXml(dedent`
      <?xml version="1.0" encoding="UTF-8"?>
      <!-- a report -->
      <testsuite name="a &amp; b">
        <testcase name="t1" classname="C"><failure message="x &lt; y &#x41;&#66;"><![CDATA[<raw> & text]]></failure></testcase>
        <testcase name='t2'/>
      </testsuite>
    `);
    expect(r.isOk).toBe(true);
    if (!r.isOk) return;
    expect(r.root.attributes.get("name")).toBe("a & b");
    const failure = r.root.children[0]?.children[0];
    expect(failure?.attributes.get("message")).toBe("x < y AB");
    expect(failure?.text).toBe("<raw> & text");
    expect(r.root.children[1]?.attributes.get("name")).toBe("t2");
  });

  it.each([
    [
      "not XML at all",
      "Exception in thread main\n",
      1,
      "text outside the root element",
    ],
    ["an unclosed element", "<a>\n<b>\n</a>", 3, "</a> closes <b>"],
    [
      "a truncated file",
      '<testsuite>\n<testcase name="x">',
      2,
      "<testcase> is never closed",
    ],
    ["a bare ampersand", "<a>\n x & y</a>", 1, "unknown or malformed entity"],
    ["two roots", "<a/>\n<b/>", 2, "a second root element"],
    ["an empty file", "", 1, "no root element"],
    [
      "a stray <",
      "<a>\n1 < 2</a>",
      2,
      "a `<` that starts no tag (escape it as &lt;)",
    ],
  ])(
    "%s: an error with its line, never an exception",
    (_name, text, line, message) => {
      expect(parseXml(text)).toStrictEqual({ isOk: false, line, message });
    },
  );
});

describe("EV-CAP-2 JUnit XML findings", () => {
  it("reads testcases holding failure or error, in any nesting", () => {
    const r = readJunitReports(
      "tests",
      [
        {
          path: "build/test-results/TEST-a.xml",
          text: dedent`
            <testsuites><testsuite>
              <testcase classname="com.ex.WalletTest" name="deposits" file="/w/src/test/WalletTest.java" line="12">
                <failure message="expected: &lt;5&gt; but was: &lt;10&gt;" type="AssertionFailedError">trace</failure>
              </testcase>
              <testcase classname="com.ex.WalletTest" name="withdraws"><error type="IllegalStateException">boom
            at x</error></testcase>
              <testcase classname="com.ex.WalletTest" name="passes"/>
            </testsuite></testsuites>
          `,
        },
      ],
      "/w",
      10,
    );
    expect(r.diagnostics).toStrictEqual([]);
    expect(r.findings).toStrictEqual([
      {
        at: 10,
        runner: "junit-xml",
        test: "com.ex.WalletTest > deposits",
        message: "expected: <5> but was: <10>",
        expected: "5",
        actual: "10",
        file: "src/test/WalletTest.java",
        line: 12,
      },
      {
        at: 11,
        runner: "junit-xml",
        test: "com.ex.WalletTest > withdraws",
        message: "boom",
      },
    ]);
  });

  it("a report that is not XML gives a diagnostic with file and line, and the others still count", () => {
    const r = readJunitReports(
      "tests",
      [
        {
          path: "target/surefire-reports/TEST-bad.xml",
          text: "<testsuite>\n<testcase>\n",
        },
        {
          path: "target/surefire-reports/TEST-ok.xml",
          text: '<testcase name="t"><failure message="m"/></testcase>',
        },
      ],
      "/w",
      0,
    );
    expect(r.diagnostics).toStrictEqual([
      {
        check: "tests",
        file: "target/surefire-reports/TEST-bad.xml",
        line: 2,
        message:
          "not well-formed XML: <testcase> is never closed; its failures are not in this evidence",
      },
    ]);
    expect(r.findings.map((f) => f.test)).toStrictEqual(["t"]);
  });
});
