/**
 * The browser tests' mocked Excel in Node: the same workbook fake (test/harness/fakeExcel.ts)
 * extended by the same ./excelExtras.js the page runs, so a Node test writes through exactly
 * the mock the browser tests record, and reads back the same records.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { FakeWorkbook } from "../harness/fakeExcel";
import type { PaneExcel } from "../../src/taskpane/workbook";

/** A call the mock recorded (see excelExtras.js). */
export interface Recorded {
  readonly api: string;
  readonly address?: string;
  readonly value?: unknown;
  readonly args?: unknown[];
  readonly formulas?: unknown[][];
  readonly numberFormat?: unknown[][];
  readonly [more: string]: unknown;
}

export interface NodeMock {
  /** `Excel` as the pane's writers take it. */
  readonly excel: PaneExcel;
  readonly calls: Recorded[];
  /** The seeded cells the selection reads and the grid writes, by sheet then address. */
  readonly sheets: Record<string, Record<string, unknown>>;
  /** Where the pane's selection is, e.g. "Sheet1!B2". */
  select(address: string): void;
}

const EXTRAS = path.resolve(__dirname, "excelExtras.js");

/** The workbook fake's first session as the page sees it, with `sheets` seeded as the page's cells. */
export function nodeMock(wb: FakeWorkbook, sheets: Record<string, Record<string, unknown>> = { Sheet1: {} }): NodeMock {
  const window: Record<string, unknown> = {
    __GPU_COST_EXCEL__: wb.excel(),
    __fakeWorkbook: wb,
    __excelSheets: sheets,
  };
  new Function("window", readFileSync(EXTRAS, "utf8"))(window);
  return {
    excel: window.__GPU_COST_EXCEL__ as PaneExcel,
    calls: window.__excelCalls as Recorded[],
    sheets: window.__excelSheets as Record<string, Record<string, unknown>>,
    select(address) {
      window.__excelSelection = address;
    },
  };
}
