/**
 * Before every test file: load every shipped edition of the price book. The add-in loads
 * editions on demand (a workbook's own and the latest); tests and scripts use them all, by id,
 * synchronously (bookFor), as the engine does once an edition is loaded.
 */
import { loadEditions } from "../src/pricing";
import { loadAllNotes } from "../src/pricing/book/notes";

await Promise.all([loadEditions(), loadAllNotes()]);
