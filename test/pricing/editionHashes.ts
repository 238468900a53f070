/**
 * Content hashes of the shipped editions (test/pricing/editions.test.ts pins them;
 * scripts/edition-hashes.ts prints them for pinning a new edition).
 * - shipped: the edition's folder as authored, each figure's note put back on it (as 0.1
 *   stored notes inline);
 * - complete: the edition as the engine reads it, with the keys added after it shipped.
 */
import { createHash } from "node:crypto";
import { EDITIONS, PriceBook, shippedEditions, type Figure } from "../../src/pricing";
import { EDITION_NOTES } from "../../src/pricing/book/notes";

/** JSON with object keys sorted at every level: the same content always hashes the same. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The edition as authored, with each figure's note put back on it (as 0.1 stored them). */
function withNotes(edition: string): unknown {
  const data = shippedEditions().find((e) => e.data.version === edition)!.data;
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

/** Both hashes of every shipped edition. */
export function editionHashes(): Record<string, { shipped: string; complete: string }> {
  return Object.fromEntries(
    shippedEditions().map(({ data }) => [
      data.version,
      { shipped: sha256(canonical(withNotes(data.version))), complete: sha256(canonical(EDITIONS.get(data.version))) },
    ]),
  );
}
