import { describe, expect, it } from "vitest";
import { activateRoadmapRow } from "../../src/operator/roadmap-activate.js";
import { dedent } from "../helpers/dedent.js";

const roadmap = dedent`
  ---
  project: demo
  ---
  # Roadmap

  | Feature ID | Title | Status | Folder | Detail |
  |---|---|---|---|---|
  | FEAT-2026-0041 | Other | done | x | y |
  | FEAT-2026-0042 | Rate limits | planned | FEAT-2026-0042-rate-limits | [below](#feat-2026-0042) |
`;

describe("roadmap row activation (init.md I-RMP-1, cli.md C-ARM-1)", () => {
  it("I-RMP-1 sets the Status cell found by header to active, every other byte kept", () => {
    const r = activateRoadmapRow(roadmap, "FEAT-2026-0042");
    expect(r.from).toBe("planned");
    expect(r.warning).toBeNull();
    expect(r.text).toBe(roadmap.replace("| planned |", "| active |"));
  });

  it("D-FLIP-2 finds Status by name even when it is not the third column", () => {
    const moved = dedent`
      | Feature ID | Title | Folder | Status |
      |------------|-------|--------|--------|
      | FEAT-2026-0042 | planned work | x |  planned   |
    `;
    expect(activateRoadmapRow(moved, "FEAT-2026-0042").text).toBe(
      moved.replace("|  planned   |", "|  active   |"),
    );
  });

  it("leaves an active row alone; warns without a roadmap or a row", () => {
    const active = roadmap.replace("| planned |", "| active |");
    expect(activateRoadmapRow(active, "FEAT-2026-0042")).toMatchObject({
      text: null,
      warning: null,
    });
    expect(activateRoadmapRow(null, "FEAT-2026-0042").warning).toMatch(
      /no .specfuse\/roadmap.md/,
    );
    expect(activateRoadmapRow(roadmap, "FEAT-2026-0099").warning).toMatch(
      /no row for FEAT-2026-0099/,
    );
  });
});
