/**
 * Prints each shipped edition's content hashes, as test/pricing/editions.test.ts pins them.
 * An edition is pinned when it ships; until then (while it is being authored) re-run this and
 * update the pin. `npx tsx scripts/edition-hashes.ts`
 */
import { editionHashes } from "../test/pricing/editionHashes";

for (const [edition, hashes] of Object.entries(editionHashes())) console.log(edition, JSON.stringify(hashes));
