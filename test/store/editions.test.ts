/**
 * A newer add-in with a newer price book: an existing workbook keeps its numbers until its
 * user updates, and the pane can list what would change.
 */
import { describe, expect, it } from "vitest";
import { EDITIONS, FOUNDING_EDITION, type PriceBookData } from "../../src/pricing";
import { MemoryBackend } from "../../src/store/backend";
import { emptyDocument, serialize } from "../../src/store/document";
import { AssumptionStore } from "../../src/store/store";

const DEFAULT_BOOK = EDITIONS.get(FOUNDING_EDITION)!;

// An older edition in which AWS charged $110/h for p5 and PUE was 1.3, as a past release would ship it.
const OLD = "2023.01-1";
const oldBook: PriceBookData = {
  ...DEFAULT_BOOK,
  version: OLD,
  facility: { ...DEFAULT_BOOK.facility, pue: { ...DEFAULT_BOOK.facility.pue, value: 1.3 } },
};
(EDITIONS as Map<string, PriceBookData>).set(OLD, oldBook);

describe("price-book editions", () => {
  it("a workbook built on an older edition keeps its numbers and lists what an update changes", async () => {
    const doc = {
      ...emptyDocument(OLD),
      scenarios: { base: { "facility.electricity": { value: 0.1, changedAt: "2026-01-01T00:00:00Z" } } },
    };
    const store = new AssumptionStore(new MemoryBackend(serialize(doc)));
    await store.ready;
    expect(store.book().facility.pue).toBe(1.3);
    const changes = store.editionChanges();
    expect(changes).toEqual([{ key: "facility.pue", label: "PUE", from: 1.3, to: 1.25 }]);
    await store.updateEdition();
    expect(store.book().facility.pue).toBe(1.25);
    expect(store.book().facility.electricityUsdPerKwh).toBe(0.1); // the workbook's own change stays
    expect(store.editionChanges()).toEqual([]);
  });
});
