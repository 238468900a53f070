import { EDITION_IDS, isEdition } from "./editions";

/**
 * Why each figure was taken, by edition and assumption key: the footnotes the task pane shows
 * beside a figure. Each edition's notes (its `editions/<id>/notes.ts`) are a chunk of their own,
 * loaded by the pane after its first screen: the custom-functions bundle never carries them,
 * and the pane's interface does not wait for tens of kilobytes of text to become usable.
 */
export const EDITION_NOTES: ReadonlyMap<string, Readonly<Record<string, string>>> = new Map();

const loading = new Map<string, Promise<Readonly<Record<string, string>>>>();

/** Loads an edition's notes (once); an id this add-in does not ship has none. */
export function loadNotes(edition: string): Promise<Readonly<Record<string, string>>> {
  if (!isEdition(edition)) return Promise.resolve({});
  let pending = loading.get(edition);
  if (!pending) {
    // One chunk per edition folder (webpack makes a context of ./editions/*/notes.ts).
    pending = import(/* webpackChunkName: "notes-[request]" */ `./editions/${edition}/notes.ts`).then(
      ({ NOTES }: { NOTES: Readonly<Record<string, string>> }) => {
        (EDITION_NOTES as Map<string, Readonly<Record<string, string>>>).set(edition, NOTES);
        return NOTES;
      },
    );
    loading.set(edition, pending);
  }
  return pending;
}

/** Loads the notes of every shipped edition (tests and scripts). */
export async function loadAllNotes(): Promise<void> {
  await Promise.all(EDITION_IDS.map(loadNotes));
}

/** The note on `key` among an edition's notes, if it has one. */
export function noteOf(notes: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(notes, key) ? notes[key] : undefined;
}
