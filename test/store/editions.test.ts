/**
 * A newer price book: an existing workbook keeps its numbers until its user updates, and the
 * pane can list what would change. Here, a workbook built on the founding edition (2023.10-1)
 * against the latest (2026.11-1).
 */
import { describe, expect, it } from "vitest";
import { FOUNDING_EDITION, LATEST_EDITION } from "../../src/pricing";
import { MemoryBackend } from "../../src/store/backend";
import { emptyDocument, serialize } from "../../src/store/document";
import { AssumptionStore } from "../../src/store/store";

describe("price-book editions", () => {
  it("a workbook built on an older edition keeps its numbers and lists what an update changes", async () => {
    expect(LATEST_EDITION).not.toBe(FOUNDING_EDITION);
    const doc = {
      ...emptyDocument(FOUNDING_EDITION),
      scenarios: { base: { "facility.electricity": { value: 0.1, changedAt: "2026-01-01T00:00:00Z" } } },
    };
    const store = new AssumptionStore(new MemoryBackend(serialize(doc)));
    await store.ready;
    expect(store.book().version).toBe(FOUNDING_EDITION);
    expect(store.book().assumption("aws.p5.48xlarge.ondemand").value).toBe(98.32);

    const changes = new Map(store.editionChanges().map((c) => [c.key, c]));
    expect(changes.get("aws.p5.48xlarge.ondemand")).toMatchObject({ from: 98.32, to: 55.04 });
    expect(changes.get("facility.pue")).toMatchObject({ from: 1.25, to: 1.1 });
    // A key the newer edition adds: nothing before.
    expect(changes.get("b300.tflops.fp4")).toMatchObject({ from: undefined });
    // The workbook's own change is kept through an update: not a change.
    expect(changes.has("facility.electricity")).toBe(false);

    await store.updateEdition();
    expect(store.book().version).toBe(LATEST_EDITION);
    expect(store.book().assumption("aws.p5.48xlarge.ondemand").value).toBe(55.04);
    expect(store.book().facility.electricityUsdPerKwh).toBe(0.1);
    expect(store.editionChanges()).toEqual([]);
  });
});
