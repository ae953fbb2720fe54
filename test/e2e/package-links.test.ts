import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/run-cli.js";

// The package exactly as npm would publish it: `npm pack` into a temp dir, unpacked (issue 17 point 9).
let unpacked = "";
let packDir = "";

afterAll(() => {
  if (packDir !== "") rmSync(packDir, { recursive: true, force: true });
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

// Inline Markdown links and images outside fenced code: [text](target) → target.
function linksOf(markdown: string): string[] {
  const prose = markdown.replace(/^(```|~~~)[\s\S]*?^\1/gm, "");
  return [...prose.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map(
    (m) => m[1] ?? "",
  );
}

beforeAll(async () => {
  const dest = mkdtempSync(path.join(tmpdir(), "specfuse-pack-"));
  packDir = dest;
  const packed = await execa(
    "npm",
    ["pack", "--ignore-scripts", "--json", "--pack-destination", dest],
    { cwd: PROJECT_ROOT, env: { npm_config_update_notifier: "false" } },
  );
  const [info] = JSON.parse(packed.stdout) as Array<{ filename: string }>;
  await execa("tar", [
    "-xzf",
    path.join(dest, info?.filename ?? ""),
    "-C",
    dest,
  ]);
  unpacked = path.join(dest, "package");
}, 120_000);

describe("the packed package (issue 17 point 9)", () => {
  it("package.json names the repository and the homepage, and the README's absolute links use that repository", () => {
    const pkg = JSON.parse(
      readFileSync(path.join(unpacked, "package.json"), "utf8"),
    ) as { repository?: { url?: string }; homepage?: string };
    expect(pkg.repository?.url).toBe(
      "git+https://github.com/specfuse/specfuse.git",
    );
    expect(pkg.homepage).toBe("https://github.com/specfuse/specfuse#readme");
  });

  it("every link in the shipped README resolves: relative ones to files in the package, repository ones to files in this repository", () => {
    const readme = readFileSync(path.join(unpacked, "README.md"), "utf8");
    const links = linksOf(readme);
    expect(links.length).toBeGreaterThan(5);
    // Pages link to the repository's blob view, images to its raw files; both must exist here.
    const repos = [
      "https://github.com/specfuse/specfuse/blob/main/",
      "https://raw.githubusercontent.com/specfuse/specfuse/main/",
    ];
    for (const link of links) {
      const target = link.split("#")[0] ?? "";
      if (target === "") continue;
      const repo = repos.find((r) => target.startsWith(r));
      if (repo !== undefined) {
        expect(
          existsSync(path.join(PROJECT_ROOT, target.slice(repo.length))),
          link,
        ).toBe(true);
        continue;
      }
      expect(
        target,
        `${link} must be https or a file in the package`,
      ).not.toMatch(/^(?!https:)[a-z]+:/);
      if (target.startsWith("https:")) continue;
      expect(
        existsSync(path.join(unpacked, target)),
        `${link} is not in the package`,
      ).toBe(true);
    }
  });

  it("every relative link in a shipped Markdown file resolves inside the package", () => {
    const pages = walk(unpacked).filter((f) => f.endsWith(".md"));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages)
      for (const link of linksOf(readFileSync(page, "utf8"))) {
        const target = link.split("#")[0] ?? "";
        if (target === "" || /^[a-z]+:/.test(target)) continue;
        expect(
          existsSync(path.join(path.dirname(page), target)),
          `${path.relative(unpacked, page)} → ${link}`,
        ).toBe(true);
      }
  });

  it("ships what users read: the agent contract, the plan guide, the commands reference and the demo agent", () => {
    for (const file of [
      "scaffold/docs/agent-contract.md",
      "scaffold/docs/writing-a-plan.md",
      "scaffold/docs/commands.md",
      "scaffold/demo/demo-agent.mjs",
      "LICENSE",
    ])
      expect(existsSync(path.join(unpacked, file)), file).toBe(true);
  });
});
