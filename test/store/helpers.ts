/** Shared by the store's tests: a store on a fake workbook session, and reading the sheet back. */
import { ExcelBackend } from "../../src/store/backend";
import type { ExcelHost } from "../../src/store/excelApi";
import { SHEET_NAME, readSheet } from "../../src/store/sheet";
import { AssumptionStore, type StoreOptions } from "../../src/store/store";
import type { FakeWorkbook } from "../harness/fakeExcel";

export const T0 = "2026-11-25T10:00:00.000Z";

/** Opens the workbook in a session (the first one by default) and waits for the first read. */
export async function open(
  wb: FakeWorkbook,
  session: ExcelHost = wb.excel(),
  options: StoreOptions = {},
): Promise<AssumptionStore> {
  const store = new AssumptionStore(new ExcelBackend(session, 20), {
    clock: () => T0,
    retry: { firstMs: 5, maxMs: 20 },
    ...options,
  });
  await store.ready;
  return store;
}

/** What the workbook's sheet holds, read as the add-in reads it. */
export function sheetDoc(wb: FakeWorkbook) {
  return readSheet(wb.grid(SHEET_NAME)).doc;
}

/** The cell of `key` in a scenario's value column, as typed in Excel ("G12"). */
export function cellOf(wb: FakeWorkbook, key: string, scenario = "base"): string {
  const grid = wb.grid(SHEET_NAME);
  const row = grid.findIndex((r) => r[0] === key);
  const column = grid[5]!.indexOf(scenario);
  if (row < 0 || column < 0) throw new Error(`no cell for ${key} in ${scenario}`);
  return `${String.fromCharCode(65 + column)}${row + 1}`;
}

export const pue = (store: AssumptionStore, scenario?: string) => store.book(scenario).facility.pue;

/** Lets pending events and timers run. */
export const settle = (ms = 10) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` holds (events are asynchronous), failing after a while. */
export async function until(check: () => boolean, what = "condition"): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await settle(5);
  }
  throw new Error(`timed out waiting for ${what}`);
}
