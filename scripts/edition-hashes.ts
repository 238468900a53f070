/**
 * Prints each shipped edition's content hashes, as test/pricing/editions.test.ts pins them.
 * An edition is pinned when it ships; until then (while it is being authored) re-run this and
 * update the pin. `npx tsx scripts/edition-hashes.ts`
 */
import { loadEditions } from "../src/pricing";
import { loadAllNotes } from "../src/pricing/book/notes";
import { editionHashes } from "../test/pricing/editionHashes";

void Promise.all([loadEditions(), loadAllNotes()]).then(() => {
  for (const [edition, hashes] of Object.entries(editionHashes())) console.log(edition, JSON.stringify(hashes));
});
