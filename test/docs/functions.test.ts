/**
 * The function reference is generated from the functions' JSDoc and the price book: the
 * committed docs/functions.md and the README's lists must be what the script renders, and
 * every function's help link must land on its section of the help page served with the add-in.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  OUTPUT,
  README,
  anchorOf,
  readFunctionDocs,
  renderFunctionsDoc,
  updatedReadme,
} from "../../scripts/docs-functions";
import { LATEST_EDITION, bookFor } from "../../src/pricing";
import { PUBLIC_FUNCTIONS } from "../fixtures/api";

const DIST = path.resolve(__dirname, "../../dist");

describe("docs/functions.md and the README's lists", () => {
  it("are what scripts/docs-functions.ts renders (run `npx tsx scripts/docs-functions.ts` after changing a function or a price book)", () => {
    expect(readFileSync(OUTPUT, "utf8")).toBe(renderFunctionsDoc());
    expect(readFileSync(README, "utf8")).toBe(updatedReadme());
  });

  it("document every function of the public API, with every parameter in order", () => {
    const docs = readFunctionDocs();
    expect(Object.fromEntries(docs.map((f) => [f.id, f.parameters.map((p) => p.name)]))).toEqual(PUBLIC_FUNCTIONS);
    for (const f of docs) {
      expect(f.description.length, f.id).toBeGreaterThan(20);
      expect(f.returns.length, f.id).toBeGreaterThan(2);
    }
  });

  it("list the latest edition's accelerators and providers, so prose never drifts from the data", () => {
    const book = bookFor(new Map(), LATEST_EDITION);
    const doc = readFileSync(OUTPUT, "utf8");
    const readme = readFileSync(README, "utf8");
    for (const a of book.accelerators.values()) {
      expect(doc).toContain(`\`${a.id}\``);
      expect(readme).toContain(`\`${a.id}\``);
    }
    for (const p of book.providers) expect(readme).toContain(`\`${p}\``);
  });
});

describe("help", () => {
  it("every function's helpUrl lands on its section of dist/help.html", () => {
    const page = readFileSync(path.join(DIST, "help.html"), "utf8");
    const metadata = JSON.parse(readFileSync(path.join(DIST, "functions.json"), "utf8")).functions as {
      id: string;
      helpUrl?: string;
    }[];
    // The build's hosting URL, as the manifest gives it (localhost in development).
    const base = hostingUrl();
    for (const m of metadata) {
      expect(m.helpUrl, m.id).toBe(`${base}help.html#${anchorOf(m.id)}`);
      // The page may be minified: id="x" or id=x.
      expect(page, m.id).toMatch(new RegExp(`<a id="?${anchorOf(m.id)}"?>`));
    }
  });

  it("the manifest's support and learn-more links are the help page", () => {
    const manifest = readFileSync(path.join(DIST, "manifest.xml"), "utf8");
    const base = hostingUrl();
    expect(manifest).toContain(`<SupportUrl DefaultValue="${base}help.html" />`);
    expect(manifest).toContain(`<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="${base}help.html" />`);
  });
});

/** Where the built add-in is hosted: the folder of its task pane page in dist/manifest.xml. */
function hostingUrl(): string {
  const manifest = readFileSync(path.join(DIST, "manifest.xml"), "utf8");
  const page = /<bt:Url id="Taskpane\.Url" DefaultValue="([^"]+)"/.exec(manifest)?.[1];
  if (!page) throw new Error("dist/manifest.xml names no Taskpane.Url");
  return page.replace(/[^/]*$/, "");
}
