import type { WorkbookContent } from "./backend";
import { RUN } from "./excelBackend";
import type { ExcelHost, StoreContext, XWorksheet } from "./excelApi";
import { SHEET_NAME, cellName, type SheetEdit } from "./sheetCore";

/**
 * Writing the workbook through office.js: only an edit writes, so this is part of the editing
 * code's chunk (store-edit.js), not of the functions bundle every workbook open loads (issue 15).
 * The reads are ExcelBackend's (./backend), passed in.
 */

/** How ExcelBackend reads in a batch: the workbook (sheet found or not), or a sheet's cells. */
export interface BatchReads {
  read(context: StoreContext): Promise<{ content: WorkbookContent; worksheet?: XWorksheet }>;
  readSheet(context: StoreContext, sheet: XWorksheet, settings: string | undefined): Promise<WorkbookContent>;
}

/**
 * Reads the workbook and, in the same batch, writes the edit `plan` returns for what it read
 * (creating the sheet, hidden, or writing only the cells of the edit); resolves with the content
 * after the write. When `plan` throws, nothing is written. When a co-author created the sheet
 * between the read and the write, the edit is planned again on their sheet and written there.
 */
export async function writeWorkbook(
  excel: ExcelHost,
  plan: (content: WorkbookContent) => SheetEdit,
  reads: BatchReads,
): Promise<WorkbookContent> {
  let created = false;
  const attempt = () =>
    excel.run(RUN, async (context) => {
      const { content, worksheet } = await reads.read(context);
      const edit = plan(content);
      let sheet: XWorksheet;
      if (edit.kind === "create") {
        created = true;
        sheet = context.workbook.worksheets.add(SHEET_NAME);
        writeBlock(sheet, edit.cells, edit.headerRow);
        sheet.visibility = "Hidden";
      } else {
        if (!worksheet) throw new Error("The assumptions sheet disappeared while saving; try again.");
        sheet = worksheet;
        for (const w of edit.writes) {
          const range = sheet.getRange(cellName(w.row, w.column));
          if (typeof w.value === "string" && w.value !== "") range.numberFormat = [["@"]];
          range.values = [[w.value]];
        }
      }
      return reads.readSheet(context, sheet, content.settings);
    });
  try {
    return await attempt();
  } catch (error) {
    // A co-author created the sheet between our read and our write: write into theirs.
    if (!created || (error as { code?: unknown } | null)?.code !== "ItemAlreadyExists") throw error;
    created = false;
    return attempt();
  }
}

/** Writes a new sheet's cells as one block: text cells as text ("@"), then bold headings. */
function writeBlock(sheet: XWorksheet, cells: readonly (readonly (string | number)[])[], headerRow: number): void {
  const width = Math.max(...cells.map((r) => r.length));
  const rows = cells.map((r) => [...r, ...Array<string>(width - r.length).fill("")]);
  const block = sheet.getRange(`A1:${cellName(rows.length - 1, width - 1)}`);
  block.numberFormat = rows.map((r) => r.map((v) => (typeof v === "string" && v !== "" ? "@" : "General")));
  block.values = rows;
  sheet.getRange("A1").format.font.bold = true;
  sheet.getRange(`A${headerRow + 1}:${cellName(headerRow, width - 1)}`).format.font.bold = true;
  sheet.getRange(`A${headerRow + 1}:${cellName(rows.length - 1, width - 1)}`).format.autofitColumns();
}
