import { it } from "vitest";
import { customFunctionsEnv } from "../../src/cli/host";
import { bookFor } from "../../src/pricing";
import { emptyDocument } from "../../src/store/document";
import { modelSheet } from "../../src/taskpane/modelSheet";
import { insertModelSheet } from "../../src/taskpane/modelSheetExcel";
import { withWorkbook } from "../harness/workbooks";
import { evaluateSheet } from "../browser/evaluate";
import { nodeMock } from "../browser/nodeMock";

for (const edition of ["2026.11-1", "2023.10-1"]) it(edition, async () => {
  const { xl, wb } = withWorkbook(emptyDocument(edition));
  const mock = nodeMock(wb);
  const layout = modelSheet(bookFor(new Map(), edition));
  const { name } = await insertModelSheet(layout, mock.excel);
  console.log(name, wb.sheetNames(), mock.calls.length, mock.calls.slice(0, 3).map(c => c.api), mock.calls.filter(c => /chart/.test(c.api)).slice(0,40));
  const ev = await evaluateSheet(name, wb.sheet(name)!.cells, customFunctionsEnv(xl.host, 46000.5));
  for (const c of layout.cells.filter(c => c.address.startsWith("B") && Number(c.address.slice(1)) < 70)) console.log(c.address, ev.values.get(c.address) instanceof Error ? (ev.values.get(c.address) as any).code + (ev.values.get(c.address) as any).message : ev.values.get(c.address));
  console.log("errors", ev.errors.filter(e => !e.address.startsWith("I")).slice(0, 10), ev.errors.length, "unsupported", ev.unsupported);
  const t = layout.table;
  for (let r = t.header; r <= t.header + 14; r++) console.log(["A","B","C","D","E","F","G","H","I"].map(c => { const v = ev.values.get(c + r); return v instanceof Error ? (v as any).code : typeof v === "number" ? Math.round(v*100)/100 : v; }).join(" | "));
});
