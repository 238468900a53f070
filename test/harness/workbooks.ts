/**
 * Workbooks for the bundle tests: the built bundle (./runtime) with a fake Excel workbook
 * (./fakeExcel) behind it, its assumptions sheet recording an edition and overrides.
 */
import { FOUNDING_EDITION } from "../../src/pricing";
import { emptyDocument, type AssumptionsDocument } from "../../src/store/document";
import { newSheet } from "../../src/store/plan";
import { SHEET_NAME } from "../../src/store/sheet";
import { FakeWorkbook } from "./fakeExcel";
import { loadRuntime, type Runtime } from "./runtime";

/** A workbook whose assumptions sheet holds `doc` (no sheet when undefined), and the bundle on it. */
export function withWorkbook(doc?: AssumptionsDocument): { xl: Runtime; wb: FakeWorkbook } {
  const wb = new FakeWorkbook();
  if (doc) wb.putSheet(SHEET_NAME, newSheet(doc).cells);
  return { xl: loadRuntime(undefined, { __GPU_COST_EXCEL__: wb.excel() }), wb };
}

/** The bundle on a workbook built on the founding edition (2023.10-1), with no overrides. */
export function foundingRuntime(): Runtime {
  return withWorkbook(emptyDocument(FOUNDING_EDITION)).xl;
}
