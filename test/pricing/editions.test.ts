/**
 * Editions are immutable by construction: each shipped edition's content (its folder's figures,
 * its notes, and the figures it was given for keys added later) is pinned by a hash. A change
 * to a shipped edition fails here; new figures belong in a new edition.
 */
import { describe, expect, it } from "vitest";
import { EDITIONS, FOUNDING_EDITION, LATEST_EDITION, PriceBook, shippedEditions } from "../../src/pricing";
import { EDITION_NOTES } from "../../src/pricing/book/notes";
import { editionHashes } from "./editionHashes";

/**
 * Pinned content hashes. 2023.10-1's "as shipped" hash is the hash of 0.1's DEFAULT_BOOK
 * (commit 15a2891): the move into editions/2023.10-1/ and its notes file changed no figure.
 */
const PINNED: Record<string, { shipped: string; complete: string }> = {
  "2023.10-1": {
    shipped: "e3a73c61cf09b429e6ccaee7e054ba1d4e64d29e21165d3def280b0924b8b426",
    complete: "a3ad6af47e1194e5fbd1ae504e5bf5435fba72b340a7feb0f1b2aad5ba0a11ad",
  },
  "2026.11-1": {
    shipped: "b230969deff2fad4b2112722905fd08be38d174daea8dd557000509493783f13",
    complete: "a69a010546cb126f9df2c7a7a5dd6d841bf1e14177558daed2ca23e7ff7b6fa6",
  },
};

describe("shipped editions never change", () => {
  it.each(shippedEditions().map((e) => e.data.version))("%s matches its pinned content hash", (edition) => {
    const pinned = PINNED[edition];
    expect(
      pinned,
      `pin the hash of new edition ${edition} when it ships (npx tsx scripts/edition-hashes.ts)`,
    ).toBeDefined();
    expect(editionHashes()[edition]).toEqual(pinned);
  });

  it("every note belongs to a key of its edition", () => {
    for (const [edition, notes] of EDITION_NOTES) {
      const keys = new PriceBook(EDITIONS.get(edition)!).assumptions;
      for (const key of Object.keys(notes)) expect(keys.has(key), `${edition}: note on unknown key ${key}`).toBe(true);
    }
  });

  it("registers editions oldest first, the founding one first", () => {
    const ids = shippedEditions().map((e) => e.data.version);
    expect(ids[0]).toBe(FOUNDING_EDITION);
    expect(ids).toContain(LATEST_EDITION);
    expect([...ids].sort()).toEqual(ids);
  });
});
