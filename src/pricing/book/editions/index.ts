import type { EditionData, LaterKeys, PriceBookData } from "../types";
import { EDITION_2023_10_1 } from "./2023.10-1";
import { LATER_KEYS_2023_10_1 } from "./2023.10-1.later";
import { EDITION_2026_11_1 } from "./2026.11-1";

/**
 * Every edition of the price book this add-in ships, oldest first: the one list. A workbook
 * records the edition it was built on and computes with it until its user presses Update, so
 * an edition, once shipped, never changes: its folder (./<id>/) is frozen and its content hash
 * pinned by a test. New figures go into a new edition; keys the price book gains later are
 * given to older editions by a `LaterKeys` file beside their folder, with values that keep
 * their numbers.
 */
const SHIPPED: readonly { readonly data: EditionData; readonly later?: LaterKeys }[] = [
  { data: EDITION_2023_10_1, later: LATER_KEYS_2023_10_1 },
  { data: EDITION_2026_11_1 },
];

/** An edition with the keys it predates filled in; an edition missing a section is a build error. */
function complete(data: EditionData, later: LaterKeys | undefined): PriceBookData {
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

export const EDITIONS: ReadonlyMap<string, PriceBookData> = new Map(
  SHIPPED.map((e) => [e.data.version, complete(e.data, e.later)]),
);

/** The edition the founding analysis (F1-F10) is reproduced with. */
export const FOUNDING_EDITION = EDITION_2023_10_1.version;

/**
 * The edition new workbooks start on (and Update moves a workbook to). Not always the newest
 * shipped: a new edition ships first, reachable by its id (bookFor, the CLI's --edition), and
 * becomes the default once the bundle's tests are pinned to it.
 */
export const LATEST_EDITION = EDITION_2026_11_1.version;

/** The editions as authored (for content hashes and the pane's notes). */
export const SHIPPED_EDITIONS = SHIPPED;
