// Writes examples/founding-analysis.xlsx: the founding analysis (The Next Platform, 2023-10;
// ../shared/reference/figures.md, F1-F9) as a live model of GPU.* formulas with labelled input
// cells. The cached values are then filled by `gpu-cost recalc` (npm run example).
import ExcelJS from "exceljs";

const out = process.argv[2] ?? "examples/founding-analysis.xlsx";
const wb = new ExcelJS.Workbook();
wb.creator = "gpu-cost";
const ws = wb.addWorksheet("Founding analysis");
ws.columns = [{ width: 46 }, { width: 18 }, { width: 16 }, { width: 12 }, { width: 60 }];

const title = (row, text) => {
  ws.getCell(`A${row}`).value = text;
  ws.getCell(`A${row}`).font = { bold: true, size: row === 1 ? 14 : 12 };
};
title(1, "Buy or rent AI compute: the founding analysis, live");
ws.getCell("A2").value =
  "Edit the yellow inputs; every number below is a GPU.* formula. Source: The Next Platform, 2023-10-06.";

title(4, "Inputs");
const inputs = [
  ["Accelerator", "H100-SXM"],
  ["GPUs per node", 8],
  ["Years", 3],
  ["Cloud provider", "aws"],
  ["Training cluster peak, FP16 dense (FLOP/s)", 20e18],
  ["Queries a day (one tenth of Google Search)", 1.1e9],
  ["Tokens per query (prompt + output)", 1000],
  ["Model parameters", 175e9],
];
inputs.forEach(([label, value], i) => {
  const row = 5 + i;
  ws.getCell(`A${row}`).value = label;
  const cell = ws.getCell(`B${row}`);
  cell.value = value;
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
});
// B5 gpu, B6 node GPUs, B7 years, B8 provider, B9 cluster FLOP/s, B10 queries, B11 tokens, B12 params

title(14, "Results");
["Claim", "Model", "Analysis says", "Model / analysis", "Formula"].forEach((h, i) => {
  const cell = ws.getRow(15).getCell(i + 1);
  cell.value = h;
  cell.font = { bold: true };
});
const fleet = 'GPU.FLEETCOST(B10,B11,B12,B5,"capex",B7)';
const results = [
  ["F1 8-GPU node, purchase with network (USD)", 'GPU.CLUSTERCOST(B6,B5,"capex",B7,B8)', 300_000, "#,##0"],
  ["F2 node on demand for 3 years (USD)", 'GPU.CLUSTERCOST(B6,B5,"ondemand",B7,B8)', 2_600_000, "#,##0"],
  ["F3 node reserved for 3 years (USD)", 'GPU.CLUSTERCOST(B6,B5,"reserved3y",B7,B8)', 1_100_000, "#,##0"],
  ["F4 GPUs for the 20-exaflop cluster", 'GPU.GPUSFOR(B9,B5,"fp16")', 20_214, "#,##0"],
  ["F4 cluster purchase (USD)", 'GPU.CLUSTERCOST(B19,B5,"capex",B7)', 1e9, "#,##0"],
  ["F5 cluster all-in to buy for 3 years (USD)", 'GPU.CLUSTERCOST(B19,B5,"buy",B7)', null, "#,##0"],
  ["F5 cluster reserved rent for 3 years (USD)", 'GPU.CLUSTERCOST(B19,B5,"reserved3y",B7,B8)', null, "#,##0"],
  ["F5 rent over buy", "B22/B21", 2.5, "0.00"],
  ["F6 node all-in to buy for 3 years (USD)", 'GPU.CLUSTERCOST(B6,B5,"buy",B7)', 500_000, "#,##0"],
  ["F6 all-in buy under half the reserved rent?", 'IF(B24<B18/2,"yes","no")', "yes", null],
  ["F7 model-size gain, cost halved", "GPU.SCALEGAIN(0.5)", 2, "0.00"],
  ["F7 model-size gain, cost cut by 3/4", "GPU.SCALEGAIN(0.75)", 4, "0.00"],
  ["F7 Chinchilla-optimal gain, cost halved", 'GPU.SCALEGAIN(0.5,"chinchilla")', 1.41, "0.00"],
  ["F8 cost of a query, chips at capex (USD)", 'GPU.QUERYCOST(B11/2,B11/2,B12,B5,,"capex")', 0.04, "0.0000"],
  ["F8 fleet accelerators", `INDEX(${fleet},1,2)`, null, "#,##0"],
  ["F8 fleet up front (USD)", `INDEX(${fleet},2,2)`, 48.1e9, "#,##0"],
  ["F8 fleet chips a year (USD)", `INDEX(${fleet},3,2)`, 16e9, "#,##0"],
  [
    "F9 H100 price over its cost to make",
    'GPU.PRICE("h100-sxm.gpu_price")/GPU.PRICE("h100-sxm.cost_to_make")',
    8.3,
    "0.0",
  ],
];
results.forEach(([label, formula, says, format], i) => {
  const row = 16 + i;
  const r = ws.getRow(row);
  r.getCell(1).value = label;
  r.getCell(2).value = { formula };
  if (format) r.getCell(2).numFmt = format;
  if (says !== null) {
    r.getCell(3).value = says;
    if (format) r.getCell(3).numFmt = format;
    if (typeof says === "number") {
      r.getCell(4).value = { formula: `B${row}/C${row}` };
      r.getCell(4).numFmt = "0.00";
    }
  }
  r.getCell(5).value = `=${formula}`;
  r.getCell(5).font = { color: { argb: "FF616161" } };
});
await wb.xlsx.writeFile(out);
console.log(`Wrote ${out}: ${results.length} results from ${inputs.length} inputs.`);
