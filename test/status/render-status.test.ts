import { describe, expect, it } from "vitest";
import { loadFeatureModel } from "../../src/plan/feature-model.js";
import { featureProblems } from "../../src/operator/feature-problems.js";
import { makePaint } from "../../src/output/color.js";
import { buildStatus } from "../../src/status/build-status.js";
import { renderStatus } from "../../src/status/render-status.js";
import { scaffoldDrift } from "../../src/status/scaffold-drift.js";
import {
  DIR,
  FEATURE_ID,
  FOLDER,
  featureFiles,
  snapshotOf,
  type GateSpec,
} from "../operator/feature-fixture.js";

const gates: GateSpec[] = [
  {
    gate: 1,
    status: "passed",
    units: [
      {
        id: "T01",
        status: "done",
        extra: "attempts: 1\ncost_usd: 0.41\nduration_seconds: 84.1",
      },
    ],
  },
  {
    gate: 2,
    budget: 2,
    units: [
      {
        id: "T02",
        status: "blocked_human",
        extra: "attempts: 3\ncost_usd: 1.2\nduration_seconds: 300",
      },
      { id: "T03", deps: ["T02"] },
      { id: "T04" },
      { id: "T05", status: "in_progress" },
    ],
  },
];

function body(versionText = "0.4.0\n") {
  const snapshot = snapshotOf(featureFiles(gates));
  const model = loadFeatureModel(snapshot, FOLDER);
  return buildStatus({
    scaffold: scaffoldDrift(versionText, "0.4.0"),
    lock: {
      state: "free",
      holder: null,
      isHolderAlive: null,
      refreshedMsAgo: null,
      hasLegacyFile: false,
    },
    checkpoints: [],
    workspaceProblems: [],
    features: [
      {
        summary: {
          name: FOLDER,
          dir: DIR,
          absDir: "/r",
          hasPlan: true,
          fm: null,
          unreadable: null,
          status: "active",
          featureId: FEATURE_ID,
          branch: null,
          title: null,
          hasRetrospective: false,
        },
        snapshot,
        model,
        problems: featureProblems(snapshot, model),
      },
    ],
    defaultFeature: FOLDER,
  });
}

const now = new Date("2026-11-22T02:00:00Z");
const ESC = String.fromCharCode(27);
const stripAnsi = (s: string) =>
  s.replace(new RegExp(`${ESC}\\[[0-9;]*m`, "g"), "");

describe("status text (driver §32 D-STAT-1, cli.md C-COLOR-2)", () => {
  it("D-STAT-1 shows gates with budget and spending, the current gate's units, what is ready, running and blocked, totals and the next step", () => {
    const text = renderStatus(body(), {
      paint: makePaint(false),
      isTTY: false,
      now,
      lockRefreshedMsAgo: null,
    });
    expect(text).toMatch(/^specfuse 0\.4\.0 · scaffold 0\.4\.0 · lock free\n/);
    expect(text).toContain(`${FEATURE_ID}  Rate limits  active`);
    expect(text).toMatch(/gate 1 +passed .*1\/1 done · spent \$0\.41\n/);
    expect(text).toMatch(
      /gate 2 +open +current +0\/4 done · spent \$0\.00 of \$2\.00\n/,
    );
    expect(text).toMatch(/UNIT +TYPE +STATUS +ATT +MODEL +EFFORT +COST +TIME/);
    expect(text).toMatch(
      /T02 +implementation +blocked_human +3 +sonnet +medium +\$1\.20 +5:00/,
    );
    expect(text).toMatch(/ready +T04\n/);
    expect(text).toMatch(/running +T05\n/);
    expect(text).toMatch(
      /blocked +T02: blocked_human\n +T03: waiting on T02 \(blocked_human\)\n/,
    );
    expect(text).toMatch(/total +\$1\.61 · 6:24 · 1\/5 units done/);
    expect(text).toMatch(/next +specfuse unblock FEAT-2026-0042\/T02 --reason/);
    expect(text).not.toMatch(/[✓✗›]/);
    expect(text).not.toContain(ESC);
  });

  it("C-COLOR-2 on a TTY with colour, tokens get symbols and colour, and still carry their word", () => {
    const plain = renderStatus(body(), {
      paint: makePaint(false),
      isTTY: true,
      now,
      lockRefreshedMsAgo: null,
    });
    const coloured = renderStatus(body(), {
      paint: makePaint(true),
      isTTY: true,
      now,
      lockRefreshedMsAgo: null,
    });
    expect(coloured).toContain(ESC);
    expect(stripAnsi(coloured)).toBe(plain);
    expect(plain).toMatch(/✓ passed/);
    expect(plain).toMatch(/! blocked_human/);
    expect(plain).toMatch(/› in_progress/);
  });

  it("C-RUN-2 an older scaffold gets a one-line upgrade hint", () => {
    const text = renderStatus(body("0.3.1\n"), {
      paint: makePaint(false),
      isTTY: false,
      now,
      lockRefreshedMsAgo: null,
    });
    expect(text).toMatch(/scaffold 0\.3\.1 ·/);
    expect(text).toMatch(
      /^warn scaffold: this tree was written by specfuse 0\.3\.1; run `specfuse upgrade`$/m,
    );
  });
});
