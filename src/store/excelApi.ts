/**
 * The part of Excel's object model the store uses, declared from office.js's own types
 * (`Pick<Excel.Range, ...>` and friends) so that the real `Excel.RequestContext` is assignable
 * to it (checked at compile time at the bottom of this file) and the test workbook
 * (test/harness/fakeExcel.ts) implements exactly these members with Excel's own types.
 * Types only: nothing here exists at run time.
 */

/** An event source: office.js's `OfficeExtension.EventHandlers<T>` as the store uses it. */
export interface XEvent<A> {
  add(handler: (args: A) => Promise<any>): unknown;
}

export interface XRange extends Pick<
  Excel.Range,
  "values" | "formulas" | "numberFormat" | "rowIndex" | "columnIndex" | "rowCount" | "columnCount" | "isNullObject"
> {
  load(propertyNames?: string | string[]): XRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange;
  readonly format: {
    readonly font: Pick<Excel.RangeFont, "bold">;
    autofitColumns(): void;
  };
}

export interface XWorksheet extends Pick<Excel.Worksheet, "id" | "name" | "visibility" | "isNullObject"> {
  load(propertyNames?: string | string[]): XWorksheet;
  getRange(address?: string): XRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange;
  activate(): void;
}

export type XSheetChanged = Pick<Excel.WorksheetChangedEventArgs, "worksheetId" | "source"> &
  Partial<Pick<Excel.WorksheetChangedEventArgs, "triggerSource">>;
export type XSheetAdded = Pick<Excel.WorksheetAddedEventArgs, "worksheetId" | "source">;
export type XSheetDeleted = Pick<Excel.WorksheetDeletedEventArgs, "worksheetId" | "source">;

export interface XWorksheetCollection {
  readonly items: XWorksheet[];
  load(propertyNames?: string | string[]): XWorksheetCollection;
  add(name?: string): XWorksheet;
  getItem(key: string): XWorksheet;
  getItemOrNullObject(key: string): XWorksheet;
  readonly onChanged: XEvent<XSheetChanged>;
  readonly onAdded: XEvent<XSheetAdded>;
  readonly onDeleted: XEvent<XSheetDeleted>;
}

export interface XSetting extends Pick<Excel.Setting, "value" | "isNullObject"> {
  load(propertyNames?: string | string[]): XSetting;
}

export interface XSettingCollection {
  getItemOrNullObject(key: string): XSetting;
  readonly onSettingsChanged: XEvent<Excel.SettingsChangedEventArgs>;
}

/** What `Excel.run` hands the store's batches. */
export interface StoreContext {
  readonly workbook: {
    readonly worksheets: XWorksheetCollection;
    readonly settings: XSettingCollection;
  };
  sync(): Promise<void>;
}

/** The `Excel` namespace as the store uses it: `Excel.run(options, batch)`. */
export interface ExcelHost {
  run<T>(options: Excel.RunOptions, batch: (context: StoreContext) => Promise<T>): Promise<T>;
}

/** Compile-time proof that office.js's objects fit these declarations (tsc fails otherwise). */
type Holds<T extends true> = T;
export type ExcelFits = [
  Holds<Excel.RequestContext extends StoreContext ? true : false>,
  Holds<typeof Excel extends ExcelHost ? true : false>,
];
