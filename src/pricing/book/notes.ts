import { NOTES as NOTES_2023_10_1 } from "./editions/2023.10-1/notes";
import { NOTES as NOTES_2026_11_1 } from "./editions/2026.11-1/notes";

/**
 * Why each figure was taken, by edition and assumption key: the footnotes the task pane shows
 * beside a figure. Imported by the pane only, so the custom-functions bundle (which loads with
 * every workbook and never shows them) does not carry them.
 */
export const EDITION_NOTES: ReadonlyMap<string, Readonly<Record<string, string>>> = new Map([
  ["2023.10-1", NOTES_2023_10_1],
  ["2026.11-1", NOTES_2026_11_1],
]);

/** The note on `key` in `edition`, if it has one. */
export function noteOf(edition: string, key: string): string | undefined {
  const notes = EDITION_NOTES.get(edition);
  return notes && Object.hasOwn(notes, key) ? notes[key] : undefined;
}
