/** docs/sources.md is generated from the editions' data; a stale committed copy fails here. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OUTPUT, SOURCE_TABLES, renderSourcesDoc } from "../../scripts/docs-sources";
import { shippedEditions } from "../../src/pricing";

describe("docs/sources.md", () => {
  it("is what scripts/docs-sources.ts renders (run `npx tsx scripts/docs-sources.ts` after changing a price book)", () => {
    expect(readFileSync(OUTPUT, "utf8")).toBe(renderSourcesDoc());
  });

  it("covers every shipped edition with its table of sources", () => {
    const doc = renderSourcesDoc();
    for (const { data } of shippedEditions()) {
      expect(SOURCE_TABLES[data.version], `add ${data.version}'s SRC table to scripts/docs-sources.ts`).toBeDefined();
      expect(doc).toContain(`## Edition ${data.version}`);
    }
  });

  it("lists every source with the figures it supports, and every note", () => {
    const doc = renderSourcesDoc();
    expect(doc).toContain("| `vantageAws` |");
    expect(doc).toMatch(/\| `vantageAws` \|[^\n]*`aws\.p5\.48xlarge`: ondemand/);
    expect(doc).toContain("| `finance.cost_of_capital` | 0.11 fraction/year | 2025-06-30 |");
    expect(doc).toContain("- `facility.pue` = 1.1 ratio (2024): hyperscale");
    expect(doc).toContain("`aws.p5.48xlarge.reserved1y` | 32.4736 USD/h");
  });
});
