/**
 * Editions are immutable by construction: each shipped edition's content (its folder's figures,
 * its notes, and the figures it was given for keys added later) is pinned by a hash. A change
 * to a shipped edition fails here; new figures belong in a new edition.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  EDITIONS,
  FOUNDING_EDITION,
  LATEST_EDITION,
  PriceBook,
  SHIPPED_EDITIONS,
  type Figure,
} from "../../src/pricing";
import { EDITION_NOTES } from "../../src/pricing/book/notes";

/** JSON with object keys sorted at every level: the same content always hashes the same. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The edition as authored, with each figure's note put back on it (as 0.1 stored them). */
function withNotes(edition: string): unknown {
  const data = SHIPPED_EDITIONS.find((e) => e.data.version === edition)!.data;
  const notes = EDITION_NOTES.get(edition) ?? {};
  const keyOf = new Map<Figure, string>();
  for (const a of new PriceBook(EDITIONS.get(edition)!).assumptions.values()) keyOf.set(a.shipped, a.key);
  return JSON.parse(
    JSON.stringify(data, (_k, v: unknown) => {
      const key = keyOf.get(v as Figure);
      return key !== undefined && notes[key] !== undefined ? { ...(v as Figure), note: notes[key] } : v;
    }),
  );
}

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
    shipped: "2f47097c83f41a1b8367b86506ce4a673049a877b78bd6ce3eda463c13c27b9c",
    complete: "fa89b4dde03338a5647450255d9393758848c929e7445fff043733f797bef7bf",
  },
};

describe("shipped editions never change", () => {
  it.each(SHIPPED_EDITIONS.map((e) => e.data.version))("%s matches its pinned content hash", (edition) => {
    const pinned = PINNED[edition];
    expect(pinned, `pin the hash of new edition ${edition} when it ships`).toBeDefined();
    expect(sha256(canonical(withNotes(edition)))).toBe(pinned!.shipped);
    expect(sha256(canonical(EDITIONS.get(edition)))).toBe(pinned!.complete);
  });

  it("every note belongs to a key of its edition", () => {
    for (const [edition, notes] of EDITION_NOTES) {
      const keys = new PriceBook(EDITIONS.get(edition)!).assumptions;
      for (const key of Object.keys(notes)) expect(keys.has(key), `${edition}: note on unknown key ${key}`).toBe(true);
    }
  });

  it("registers editions oldest first, the founding one first", () => {
    const ids = SHIPPED_EDITIONS.map((e) => e.data.version);
    expect(ids[0]).toBe(FOUNDING_EDITION);
    expect(ids).toContain(LATEST_EDITION);
    expect([...ids].sort()).toEqual(ids);
  });
});
