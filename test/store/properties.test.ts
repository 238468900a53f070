/**
 * Properties (fast-check): no sheet content makes the store throw, whatever a user (or a
 * damaged file) puts in its cells; everything the store uses validates; a saved edit touches
 * only its own cells and reads back as written.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MemoryBackend } from "../../src/store/backend";
import { DocumentError, emptyDocument, type Patch } from "../../src/store/document";
import { validateDocument } from "../../src/store/validate";
import { newSheet, planEdit } from "../../src/store/plan";
import { SHEET_NAME, SHEET_TITLE, applyEdit, readSheet } from "../../src/store/sheet";
import { AssumptionStore } from "../../src/store/store";
import { FakeWorkbook } from "../harness/fakeExcel";
import { T0, open } from "./helpers";

const RUNS = Number(process.env.STORE_PROPERTY_RUNS ?? 300);

const TEMPLATE = newSheet({
  ...emptyDocument(),
  scenarios: { base: { "facility.pue": { value: 1.1, changedAt: T0 } }, bull: {} },
}).cells;
const KEYS = TEMPLATE.slice(6).map((r) => String(r[0]));

/** What can sit in a cell, the hostile and the plausible. */
const cellValue = fc.oneof(
  fc.constantFrom<unknown>(
    "",
    null,
    undefined,
    0,
    -0,
    1.1,
    1e308,
    Number.NaN,
    Infinity,
    true,
    "#DIV/0!",
    "=A1",
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "base",
    "Base ",
    "changed at",
    "Key",
    "Schema",
    "Price book edition",
    "Active scenario",
    SHEET_TITLE,
    "2023.10-1",
    "2031.01-1",
    T0,
    "facility.pue",
    "FACILITY.PUE",
  ),
  fc.constantFrom(...KEYS),
  fc.double(),
  fc.integer({ min: -5, max: 5 }),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 6 }),
  fc.object({ maxDepth: 1 }),
);

/** A valid sheet with random cells overwritten, rows removed or added. */
const damagedSheet = fc
  .record({
    writes: fc.array(
      fc.record({ row: fc.nat({ max: TEMPLATE.length + 3 }), column: fc.nat({ max: 14 }), value: cellValue }),
      { maxLength: 25 },
    ),
    drop: fc.array(fc.nat({ max: TEMPLATE.length - 1 }), { maxLength: 4 }),
  })
  .map(({ writes, drop }) => {
    const cells: unknown[][] = TEMPLATE.map((r) => [...r]);
    for (const w of writes) {
      while (cells.length <= w.row) cells.push([]);
      cells[w.row]![w.column] = w.value;
    }
    return cells.filter((_, i) => !drop.includes(i));
  });

/** Anything at all as a grid. */
const anyGrid = fc.oneof(
  fc.array(fc.array(cellValue, { maxLength: 12 }), { maxLength: 12 }),
  fc.anything(),
  damagedSheet,
);

describe("no sheet content makes the store throw", () => {
  it("readSheet answers a status, a usable document and addressed problems for any grid", () => {
    fc.assert(
      fc.property(anyGrid, (grid) => {
        const read = readSheet(grid);
        expect(["ok", "future", "corrupt"]).toContain(read.status);
        expect(validateDocument(JSON.parse(JSON.stringify(read.doc)))).toEqual(read.doc);
        // A cell, or the sheet itself for the summary of problems past the listed ones.
        for (const p of read.problems) expect(p.address).toMatch(/^'GPU Assumptions'(![A-Z]+\d+)?$/);
        if (read.status !== "ok") expect(read.warning).toBeTruthy();
        // No cell text reaches an object's prototype (a write by key named "__proto__" would).
        expect(Object.getPrototypeOf(read.doc.scenarios)).toBe(Object.prototype);
        for (const s of Object.values(read.doc.scenarios)) expect(Object.getPrototypeOf(s)).toBe(Object.prototype);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it("a store opened on any sheet is ready, computes every scenario, and never throws", async () => {
    await fc.assert(
      fc.asyncProperty(anyGrid, async (grid) => {
        const values = Array.isArray(grid) ? grid.map((r) => (Array.isArray(r) ? r : [])) : [];
        const store = new AssumptionStore(new MemoryBackend({ sheet: { id: "s", name: SHEET_NAME, values } }));
        await store.ready;
        for (const s of store.scenarios()) expect(store.book(s).facility.pue).toBeGreaterThanOrEqual(1);
        expect(() => JSON.parse(store.export())).not.toThrow();
      }),
      { numRuns: RUNS },
    );
  });

  it("the Excel backend too, on a fake workbook holding any such sheet", async () => {
    await fc.assert(
      fc.asyncProperty(damagedSheet, async (cells) => {
        const wb = new FakeWorkbook();
        wb.putSheet(SHEET_NAME, cells);
        const store = await open(wb);
        expect(store.snapshot.location).toBe("sheet");
        expect(() => store.book()).not.toThrow();
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});

describe("a saved edit", () => {
  const key = fc.constantFrom(...KEYS);
  const patch: fc.Arbitrary<Patch> = fc.oneof(
    fc.record({
      kind: fc.constant("set" as const),
      scenario: fc.constantFrom("base", "bull"),
      key,
      entry: fc.option(fc.record({ value: fc.double({ min: 1, max: 2, noNaN: true }), changedAt: fc.constant(T0) }), {
        nil: null,
      }),
    }),
    fc.record({ kind: fc.constant("activate" as const), scenario: fc.constantFrom("base", "bull", "bear") }),
    fc.record({
      kind: fc.constant("resetScenario" as const),
      scenario: fc.constantFrom("base", "bull"),
      overrides: fc.constant({}),
    }),
  );

  it("touches only its own cells, and reads back as the patched document", () => {
    fc.assert(
      fc.property(damagedSheet, patch, (cells, p) => {
        const read = readSheet(cells);
        fc.pre(read.status === "ok");
        let edit;
        try {
          edit = planEdit(read, read.doc, p);
        } catch (error) {
          expect(error).toBeInstanceOf(DocumentError); // a duplicated key, a bad value: refused, said why
          return;
        }
        if (edit.kind !== "cells") throw new Error("an existing sheet is never recreated");
        const after = applyEdit(cells, edit);
        const touched = new Set(edit.writes.map((w) => `${w.row},${w.column}`));
        const changedElsewhere: string[] = [];
        for (let r = 0; r < cells.length; r++)
          for (let c = 0; c < (cells[r]?.length ?? 0); c++)
            if (!touched.has(`${r},${c}`) && !Object.is(after[r]![c], cells[r]![c])) changedElsewhere.push(`${r},${c}`);
        expect(changedElsewhere).toEqual([]);
        const reread = readSheet(after);
        if (p.kind === "set") {
          const hasColumn = reread.doc.scenarios[p.scenario] !== undefined;
          if (hasColumn && p.entry) {
            const found = reread.doc.scenarios[p.scenario]![p.key];
            // A key typed twice is refused above; otherwise the value is there as written.
            expect(found?.value).toBe(p.entry.value);
          }
        }
        if (p.kind === "activate") expect(reread.doc.activeScenario).toBe(p.scenario);
      }),
      { numRuns: RUNS * 3 },
    );
  });
});
