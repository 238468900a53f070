import type { EditionData, LaterKeys, PriceBookData } from "../types";

/**
 * Every edition of the price book this add-in ships, oldest first: the one list. A workbook
 * records the edition it was built on and computes with it until its user presses Update, so
 * an edition, once shipped, never changes: its folder (./<id>/) is frozen and its content hash
 * pinned by a test. New figures go into a new edition; keys the price book gains later are
 * given to older editions by a `LaterKeys` file beside their folder, with values that keep
 * their numbers.
 *
 * Editions load on demand (each is its own chunk of the bundle): a workbook loads the edition it
 * records and the latest, not every edition ever shipped. `loadEdition` before `bookFor`.
 */
interface Shipped {
  readonly id: string;
  readonly load: () => Promise<{ readonly data: EditionData; readonly later?: LaterKeys }>;
}

const SHIPPED: readonly Shipped[] = [
  {
    id: "2023.10-1",
    load: async () => {
      const [{ EDITION_2023_10_1 }, { LATER_KEYS_2023_10_1 }] = await Promise.all([
        import(/* webpackChunkName: "edition-2023.10-1" */ "./2023.10-1"),
        import(/* webpackChunkName: "edition-2023.10-1" */ "./2023.10-1.later"),
      ]);
      return { data: EDITION_2023_10_1, later: LATER_KEYS_2023_10_1 };
    },
  },
  {
    id: "2026.11-1",
    load: async () => ({
      data: (await import(/* webpackChunkName: "edition-2026.11-1" */ "./2026.11-1")).EDITION_2026_11_1,
    }),
  },
];

/** The ids of the shipped editions, oldest first. */
export const EDITION_IDS: readonly string[] = SHIPPED.map((e) => e.id);

/** The edition the founding analysis (F1-F10) is reproduced with. */
export const FOUNDING_EDITION = "2023.10-1";

/**
 * The edition new workbooks start on (and Update moves a workbook to). Not always the newest
 * shipped: a new edition ships first, reachable by its id (bookFor, the CLI's --edition), and
 * becomes the default once the bundle's tests are pinned to it.
 */
export const LATEST_EDITION = "2026.11-1";

/** Whether this add-in ships an edition with this id. */
export function isEdition(id: string): boolean {
  return EDITION_IDS.includes(id);
}

/** The editions loaded so far, complete with the keys they predate, by id. */
export const EDITIONS: ReadonlyMap<string, PriceBookData> = new Map();

interface Authored {
  readonly data: EditionData;
  readonly later?: LaterKeys;
}

/** The editions loaded so far as authored, by id. */
const AUTHORED = new Map<string, Authored>();

/** The editions loaded so far as authored (for content hashes and generated docs), oldest first. */
export function shippedEditions(): Authored[] {
  return EDITION_IDS.flatMap((id) => AUTHORED.get(id) ?? []);
}

const loading = new Map<string, Promise<PriceBookData>>();

/** Loads a shipped edition (once); rejects for an id this add-in does not ship. */
export function loadEdition(id: string): Promise<PriceBookData> {
  let pending = loading.get(id);
  if (!pending) {
    const shipped = SHIPPED.find((e) => e.id === id);
    if (!shipped) return Promise.reject(new Error(`price book edition ${id} is not shipped`));
    pending = shipped.load().then(({ data, later }) => {
      if (data.version !== id) throw new Error(`price book edition ${id} holds ${data.version}`);
      const complete = completed(data, later);
      (EDITIONS as Map<string, PriceBookData>).set(id, complete);
      AUTHORED.set(id, later ? { data, later } : { data });
      return complete;
    });
    loading.set(id, pending);
  }
  return pending;
}

/** Loads the shipped editions among `ids` (every one by default); ids not shipped are left out. */
export async function loadEditions(ids: Iterable<string> = EDITION_IDS): Promise<void> {
  await Promise.all([...new Set(ids)].filter(isEdition).map(loadEdition));
}

/** A loaded edition's data; an Error (a programming mistake, not a user's) when not loaded yet. */
export function editionData(id: string): PriceBookData | undefined {
  const data = EDITIONS.get(id);
  if (!data && isEdition(id)) {
    throw new Error(`price book edition ${id} is not loaded: await loadEdition("${id}") first`);
  }
  return data;
}

/** An edition with the keys it predates filled in; an edition missing a section is a build error. */
function completed(data: EditionData, later: LaterKeys | undefined): PriceBookData {
  const gridIntensity = data.facility.gridIntensity ?? later?.facility.gridIntensity;
  const goodput = data.methods.goodput ?? later?.methods.goodput;
  const finance = data.finance ?? later?.finance;
  const serving = data.serving ?? later?.serving;
  const models = data.models ?? later?.models;
  const apis = data.apis ?? later?.apis;
  if (!gridIntensity || !goodput || !finance || !serving || !models || !apis) {
    throw new Error(`price book edition ${data.version} lacks a section and has no later keys for it`);
  }
  return {
    ...data,
    facility: { ...data.facility, gridIntensity },
    methods: { ...data.methods, goodput },
    finance,
    serving,
    models,
    apis,
  };
}
