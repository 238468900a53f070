/**
 * The formula engine of gpu-cost against Excel: function values from Microsoft's documented
 * examples, the semantics of names, shared and array formulas, spills, LET, implicit
 * intersection; dependency order at scale (no timing asserts: `npm run bench` times them).
 */
import * as F from "@formulajs/formulajs";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateFormula, type RecalcResult } from "../../src/cli/calc/engine";
import type { Env } from "../../src/cli/calc/types";
import { customFunctionsEnv } from "../../src/cli/host";
import { openWorkbook, recalcWorkbook } from "../../src/cli/recalc";
import { ExcelError } from "../../src/runtime";
import { foundingRuntime } from "../harness/workbooks";
import { workbookBytes, type TestCell } from "./helpers";

// The bundle on a workbook built on edition 2023.10-1, whose figures the expectations use.
let env: Env;
beforeAll(() => {
  env = customFunctionsEnv(foundingRuntime().host, 45_000.5);
});

async function value(formula: string): Promise<unknown> {
  const r = await evaluateFormula(formula, env);
  if (!("value" in r)) throw new Error(`${formula}: ${JSON.stringify(r)}`);
  return r.value;
}

async function recalc(
  sheets: Record<string, Record<string, TestCell>>,
  names: { name: string; text: string; local?: number }[] = [],
): Promise<RecalcResult> {
  const opened = await openWorkbook(await workbookBytes(sheets, names), "test.xlsx");
  return recalcWorkbook(opened, env);
}

const v = (r: RecalcResult, address: string) => {
  const x = r.values.get(address);
  return Array.isArray(x) ? x[0]![0] : x;
};

describe("finance functions, against Microsoft's documented examples", () => {
  it.each([
    ["=PMT(0.08/12,10,10000)", -1037.03208935915],
    ["=IPMT(0.1/12,1,3*12,8000)", -66.6666666666667],
    ["=PPMT(0.1/12,1,2*12,2000)", -75.6231860083667],
    ["=FV(0.06/12,10,-200,-500,1)", 2581.40337406012],
    ["=PV(0.08/12,12*20,500,,0)", -59777.1458511878],
    ["=RATE(4*12,-200,8000)", 0.00770147248820165],
    ["=NPV(0.1,-10000,3000,4200,6800)", 1188.44341233522],
    ["=XNPV(0.09,{-10000,2750,4250,3250,2750},{39448,39508,39751,39859,39904})", 2086.64760203153],
    ["=IRR({-70000,12000,15000,18000,21000,26000})", 0.0866309480365949],
    ["=XIRR({-10000,2750,4250,3250,2750},{39448,39508,39751,39859,39904})", 0.373362535],
    ["=EDATE(DATE(2011,1,15),1)", 40589],
    ["=EOMONTH(DATE(2011,1,1),1)", 40602],
    ["=EOMONTH(DATE(2024,1,31),1)", 45351],
    ["=DATE(1900,3,1)", 61],
  ])("%s = %d", async (formula, expected) => {
    expect(await value(formula)).toBeCloseTo(expected, 7);
  });

  it("lookup and array functions", async () => {
    expect(await value('=XLOOKUP("b",{"a";"b";"c"},{1;2;3})')).toBe(2);
    expect(await value('=XLOOKUP("z",{"a";"b"},{1;2},"none")')).toBe("none");
    expect(await value("=XLOOKUP(25,{10;20;30},{1;2;3},,-1)")).toBe(2);
    expect(await value('=XMATCH("Gra?e",{"Apple";"Grape";"Pear"},2)')).toBe(2);
    expect(await value("=XMATCH(4,{1;3;5},1)")).toBe(3);
    expect(await value("=MATCH(4,{1,3,5})")).toBe(2);
    expect(await value('=VLOOKUP(2,{1,"a";2,"b"},2,FALSE)')).toBe("b");
    expect(await value("=SEQUENCE(2,3,10,5)")).toEqual([
      [10, 15, 20],
      [25, 30, 35],
    ]);
    expect(await value("=FILTER({1;2;3;4},{1;2;3;4}>2)")).toEqual([[3], [4]]);
    expect(await value("=SORT({3;1;2},,-1)")).toEqual([[3], [2], [1]]);
    expect(await value('=UNIQUE({"a";"B";"A";"c"})')).toEqual([["a"], ["B"], ["c"]]);
    expect(await value("=UNIQUE({1;2;1},,TRUE)")).toBe(2); // a 1x1 result is its value
    expect(await value('=SORTBY({"x";"y";"z"},{3;1;2})')).toEqual([["y"], ["z"], ["x"]]);
    expect(await value('=IFS(1>2,"a",2>1,"b")')).toBe("b");
    expect(await value('=SWITCH(3,1,"a",2,"b","other")')).toBe("other");
    expect(await value('=TEXTJOIN("-",TRUE,"a","","b",{"c","d"})')).toBe("a-b-c-d");
    expect(await value("=LET(x,2,y,x*3,x+y)")).toBe(8);
    expect(await value("=LET(x,SEQUENCE(3),SUM(x*x))")).toBe(14);
    expect(await value("=ROUND({1.25,2.5},0)")).toEqual([[1, 3]]);
  });

  it("reports errors as Excel values, with the error's message", async () => {
    expect(await value("=1/0")).toMatchObject({ code: "#DIV/0!" });
    expect(await value('=XLOOKUP("z",{"a"},{1})')).toMatchObject({ code: "#N/A" });
    expect(await value("=FILTER({1;2},{FALSE;FALSE})")).toMatchObject({ code: "#CALC!" });
    expect(await value('=SUM(1,"x")')).toMatchObject({ code: "#VALUE!" });
  });

  it("keeps argument positions: a leading empty argument is null, not a shift", async () => {
    const explicit = await value('=GPU.HOURLY("H100-SXM","buy")');
    expect(await value('=GPU.HOURLY(,"buy")')).toBe(explicit);
    expect(await value('=GPU.HOURLY(,"buy")')).not.toBe(await value('=GPU.HOURLY("buy")'));
    expect(await value('=GPU.GPUSFOR(20E18,"H100-SXM","fp16")')).toBe(20_215);
    expect(await value('=GPU.CLUSTERCOST(GPU.GPUSFOR(20E18,,"fp16"),,"capex")')).toBeCloseTo(
      Math.ceil(20_215 / 8) * (248_956 / 0.81),
      0,
    );
    expect(await value("=INDEX(GPU.TCO(8),5,2)")).toBeCloseTo(447_191.62, 1);
  });
});

describe("workbook semantics", () => {
  it("shared formulas compute at each cell, relative to their master", async () => {
    const r = await recalc({
      S: {
        A1: 1,
        A2: 2,
        A3: 3,
        B1: { f: "A1*10", shared: { si: 0, ref: "B1:B3" } },
        B2: { f: "", shared: { si: 0 } },
        B3: { f: "", shared: { si: 0 } },
      },
    });
    expect([v(r, "S!B1"), v(r, "S!B2"), v(r, "S!B3")]).toEqual([10, 20, 30]);
  });

  it("defined names: ranges, constants, formulas, sheet-local before workbook-wide", async () => {
    const r = await recalc(
      {
        S: { A1: 5, A2: 7, B1: { f: "Rate*2" }, B2: { f: "TaxRate*100" }, B3: { f: "Total" }, B4: { f: "Scoped" } },
        T: { A1: { f: "Scoped" } },
      },
      [
        { name: "Rate", text: "S!$A$1" },
        { name: "TaxRate", text: "0.21" },
        { name: "Total", text: "SUM(S!$A$1:$A$2)" },
        { name: "Scoped", text: "1" },
        { name: "Scoped", text: "2", local: 0 },
      ],
    );
    expect(v(r, "S!B1")).toBe(10);
    expect(v(r, "S!B2")).toBeCloseTo(21, 12);
    expect(v(r, "S!B3")).toBe(12);
    expect(v(r, "S!B4")).toBe(2); // local to S
    expect(v(r, "T!A1")).toBe(1); // the workbook's
  });

  it("a legacy array formula evaluates element-wise; the same text as a plain formula intersects", async () => {
    const r = await recalc({
      S: {
        A1: 8,
        A2: 16,
        A3: 24,
        A4: 32,
        A5: 40,
        C1: { f: "SUM(A1:A5*A1:A5)", t: "array", v: 64 },
        C2: { f: "SUM(A1:A5*A1:A5)" },
        C3: { f: "A1:A5*10" },
        D1: { f: "A1:A3*2", t: "array", ref: "D1:D3" },
        E1: { f: "SUMPRODUCT(A1:A5*A1:A5)" },
      },
    });
    expect(v(r, "S!C1")).toBe(3520);
    expect(v(r, "S!C2")).toBe(256); // 16*16: row 2 intersects A1:A5 at A2
    expect(v(r, "S!C3")).toBe(240);
    expect(r.values.get("S!D1")).toEqual([[16], [32], [48]]);
    expect(r.changes.map((c) => c.address)).toEqual(expect.arrayContaining(["S!D2", "S!D3"]));
    expect(v(r, "S!E1")).toBe(3520);
  });

  it("dynamic arrays spill, grow, shrink, and block on a value in the way", async () => {
    const r = await recalc({
      S: {
        A1: { f: "SEQUENCE(4)", t: "dynamic", ref: "A1:A2", v: 1 },
        A2: 2,
        B1: { f: "SUM(A1#)" },
        B2: { f: "A3*100" },
        C1: { f: "SEQUENCE(2)", t: "dynamic", ref: "C1:C4", v: 1 },
        C2: 2,
        C3: 3,
        C4: 4,
        E1: { f: "SEQUENCE(3)", t: "dynamic", v: 1 },
        E3: "in the way",
      },
    });
    expect(r.values.get("S!A1")).toEqual([[1], [2], [3], [4]]);
    expect(v(r, "S!B1")).toBe(10);
    expect(v(r, "S!B2")).toBe(300); // read a cell the spill grew into
    const change = (a: string) => r.changes.find((c) => c.address === a);
    expect(change("S!A4")).toMatchObject({ before: null, after: 4 });
    expect(change("S!C3")).toMatchObject({ before: 3, after: null }); // shrunk
    expect((v(r, "S!E1") as ExcelError).code).toBe("#SPILL!");
  });

  it("INDIRECT and OFFSET read cells computed later; INDEX returns references", async () => {
    const r = await recalc({
      S: {
        A1: { f: 'INDIRECT("C"&2)+1' },
        A2: { f: "SUM(OFFSET(C1,0,0,3,1))" },
        A3: { f: "SUM(C1:INDEX(C1:C3,2))" },
        C1: 1,
        C2: { f: "C1*5" },
        C3: { f: "C2*2" },
      },
    });
    expect(v(r, "S!A1")).toBe(6);
    expect(v(r, "S!A2")).toBe(16);
    expect(v(r, "S!A3")).toBe(6);
  });

  it("cells it cannot compute are listed with the reason, and keep their cached values", async () => {
    const r = await recalc({
      S: {
        A1: { f: "B1+1", v: 5 },
        B1: { f: "A1+1", v: 4 },
        C1: { f: "FOO(1)", v: 9 },
        D1: { f: "[1]Sheet1!A1", v: 3 },
        E1: { f: "C1*2", v: 18 },
      },
    });
    const why = Object.fromEntries(r.unsupported.map((u) => [u.address, u.reason]));
    expect(why["S!A1"]).toMatch(/circular reference: S!A1 -> S!B1 -> S!A1|circular reference: S!B1 -> S!A1 -> S!B1/);
    expect(why["S!C1"]).toMatch(/FOO is not a function gpu-cost computes/);
    expect(why["S!D1"]).toMatch(/another workbook/);
    expect(v(r, "S!E1")).toBe(18); // computed from C1's cached 9
  });
});

describe("scale: linear order, no recursion, no empty-column scans", () => {
  it("a running SUM over 100,000 rows gives every running total", async () => {
    const n = 100_000;
    const cells: Record<string, TestCell> = {};
    for (let i = 1; i <= n; i++) {
      cells[`A${i}`] = i % 7;
      cells[`B${i}`] = { f: `SUM($A$1:A${i})` };
    }
    const r = await recalc({ S: cells });
    let total = 0;
    for (let i = 1; i <= n; i += 9_973) {
      total = 0;
      for (let j = 1; j <= i; j++) total += j % 7;
      expect(v(r, `S!B${i}`)).toBe(total);
    }
    let all = 0;
    for (let j = 1; j <= n; j++) all += j % 7;
    expect(v(r, `S!B${n}`)).toBe(all);
  });

  it("a running SUM over a column of formulas orders 20,000 cells without quadratic edges", async () => {
    const n = 20_000;
    const cells: Record<string, TestCell> = {};
    for (let i = 1; i <= n; i++) {
      cells[`A${i}`] = { f: `ROW()*2` };
      cells[`B${i}`] = { f: `SUM($A$1:A${i})` };
    }
    const r = await recalc({ S: cells });
    expect(v(r, `S!B${n}`)).toBe(n * (n + 1));
  });

  it("a 20,000-cell reverse chain completes without overflowing the stack", async () => {
    const n = 20_000;
    const cells: Record<string, TestCell> = {};
    for (let i = 1; i < n; i++) cells[`A${i}`] = { f: `A${i + 1}+1` };
    cells[`A${n}`] = 1;
    const r = await recalc({ S: cells });
    expect(v(r, "S!A1")).toBe(n);
    expect(r.unsupported).toEqual([]);
  });

  it("2,000 formulas in column XFD", async () => {
    const cells: Record<string, TestCell> = { A1: 3 };
    for (let i = 1; i <= 2_000; i++) cells[`XFD${i}`] = { f: `$A$1*ROW()+SUM(A:A)` };
    const r = await recalc({ S: cells });
    expect(v(r, "S!XFD2000")).toBe(3 * 2_000 + 3);
    expect(r.formulas).toBe(2_000);
  });

  it("IRR's cash flows are an array parameter", async () => {
    const r = await recalc({ S: { A1: 8, A2: 16, A3: 24, A4: 32, A5: 40, B3: { f: "IRR(A1:A5*{-1;1;1;1;1})" } } });
    expect(v(r, "S!B3")).toBeCloseTo(F.IRR([-8, 16, 24, 32, 40]) as number, 12);
  });
});

describe("ranges", () => {
  it("an explicit range keeps its shape past the used range; a whole column is cut to it", async () => {
    const r = await recalc({
      S: {
        A1: 1,
        A2: 2,
        B1: { f: "A1:A4*10", t: "dynamic", v: 10 },
        C1: { f: "ROWS(A:A)" },
        D1: { f: 'SUMIF(A:A,">1")' },
        E1: { f: 'COUNTIFS(A:A,">0",A:A,"<3")' },
        F1: { f: "SUM(FILTER(A:A,A:A>1))" },
      },
    });
    expect(r.values.get("S!B1")).toEqual([[10], [20], [0], [0]]);
    expect(v(r, "S!C1")).toBe(1_048_576);
    expect(v(r, "S!D1")).toBe(2);
    expect(v(r, "S!E1")).toBe(2);
    expect(v(r, "S!F1")).toBe(2);
  });
});
