/**
 * What the pane says about where the assumptions are kept and whether the file still has to be
 * saved (issue 9 item 5: the pane tells the truth). Pure: ./workbook.ts reads the facts from
 * Excel, this turns them into words.
 *
 * Facts Excel gives (ExcelApi 1.9): `workbook.autoSave`, `workbook.isDirty`,
 * `workbook.previouslySaved`; `workbook.readOnly` (1.8); `Office.context.platform`. Excel on
 * the web always saves as you go. Where the API set is missing the pane says it cannot tell.
 */

/** The sheet the store keeps assumptions on (issue 9); named here only for the pane's words. */
export const ASSUMPTIONS_SHEET = "GPU Assumptions";

/** Where the store says the workbook's assumptions are (StoreState.location, when the store reports it). */
export type Location = "sheet" | "settings" | "none";

export interface FileState {
  /** Office.context.platform: "PC", "Mac", "OfficeOnline", "iOS"... (undefined when unknown). */
  readonly platform?: string;
  /** undefined: Excel did not say (API set missing or the read failed). */
  readonly autoSave?: boolean;
  readonly isDirty?: boolean;
  readonly previouslySaved?: boolean;
  readonly readOnly?: boolean;
}

export interface SaveText {
  readonly text: string;
  /** The user must act (save the file) or changes are not kept. */
  readonly warn: boolean;
}

/**
 * saveText("sheet", { autoSave: false, isDirty: true }) ->
 *   { text: 'Saved in this workbook (hidden sheet "GPU Assumptions"). AutoSave is off: save the
 *     file (Ctrl+S, or ⌘S on a Mac) to keep your changes.', warn: true }
 */
export function saveText(location: Location | undefined, file: FileState, edition: string): SaveText {
  if (file.readOnly) {
    return { text: "This workbook is open read-only: Excel will not save changes to it.", warn: true };
  }
  if (location === "none") {
    return {
      text: `Nothing changed yet: the shipped figures of edition ${edition}. Your first change is saved in this workbook.`,
      warn: false,
    };
  }
  const where =
    location === "sheet"
      ? `Saved in this workbook (hidden sheet "${ASSUMPTIONS_SHEET}").`
      : location === "settings"
        ? `Saved in this workbook's add-in settings (version 0.1); your next change moves them to the hidden sheet "${ASSUMPTIONS_SHEET}".`
        : "Saved in this workbook.";
  if (file.platform === "OfficeOnline")
    return { text: `${where} Excel on the web saves the file as you go.`, warn: false };
  if (file.previouslySaved === false) {
    return { text: `${where} This workbook has never been saved: save it to keep your changes.`, warn: true };
  }
  if (file.autoSave === true) return { text: `${where} AutoSave is on.`, warn: false };
  if (file.autoSave === false) {
    return {
      text: `${where} AutoSave is off: save the file (Ctrl+S, or ⌘S on a Mac) to keep your changes${file.isDirty ? " (it has unsaved changes)" : ""}.`,
      warn: file.isDirty !== false,
    };
  }
  return {
    text: `${where} This version of Excel does not tell add-ins whether AutoSave is on: save the file to keep your changes.`,
    warn: false,
  };
}
