/**
 * What the pane writes: formulas from the function reference, the words about saving, numbers
 * for reading. Pure functions, in Node; the function list is the built functions.json.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatNumber, localTime } from "../../src/taskpane/cells";
import {
  argumentsOf,
  composeFormula,
  exampleTexts,
  fieldText,
  formulaArgument,
  matches,
  parseMetadata,
  signature,
  type FunctionInfo,
} from "../../src/taskpane/reference";
import { saveText } from "../../src/taskpane/saveInfo";
import { DIST } from "../harness/runtime";

const metadata = JSON.parse(readFileSync(path.join(DIST, "functions.json"), "utf8"));
const fns = parseMetadata(metadata);
const fn = (id: string) => fns.find((f) => f.id === id)!;

describe("function reference", () => {
  it("reads every function of functions.json with its parameters and examples", () => {
    expect(fns.map((f) => f.id)).toEqual(metadata.functions.map((f: { id: string }) => f.id));
    const cc = fn("CLUSTERCOST");
    expect(signature(cc)).toBe("GPU.CLUSTERCOST(gpus, [gpu], [pricing], [years], [provider], [scenario])");
    expect(cc.description).not.toMatch(/Example:/);
    expect(cc.examples).toEqual([
      { formula: '=GPU.CLUSTERCOST(8,"H100-SXM","reserved3y",3,"aws")', result: "520,722" },
      {
        formula: '=GPU.CLUSTERCOST(8,"H100-SXM","reserved3y",3,"aws")',
        result: "1,134,245 in edition 2023.10-1 (the founding analysis's $1.1M)",
      },
    ]);
    expect(cc.params.at(-1)).toMatchObject({ name: "scenario", optional: true, range: true });
    expect(fn("TCO").spills).toBe(true);
    expect(fns.every((f) => f.examples.length > 0)).toBe(true);
  });

  it("never throws on a file of another shape", () => {
    for (const bad of [null, 42, "x", {}, { functions: "no" }, { functions: [null, { id: 1 }, { name: "X" }] }]) {
      expect(parseMetadata(bad)).toEqual([]);
    }
    const one = parseMetadata({ functions: [{ id: "X", name: "X", parameters: [{}], helpUrl: "https://h/x" }] });
    expect(one[0]).toMatchObject({
      id: "X",
      params: [{ name: "", type: "any", optional: false }],
      helpUrl: "https://h/x",
    });
  });

  it("searches names, descriptions and parameters", () => {
    expect(fns.filter((f) => matches(f, "break")).map((f) => f.id)).toEqual(["BREAKEVEN", "CHIPBREAKEVEN"]);
    expect(fns.filter((f) => matches(f, "  ")).length).toBe(fns.length);
    expect(matches(fn("TRAINDAYS"), "mfu")).toBe(true);
  });

  it("splits a call's arguments at top-level commas only", () => {
    expect(argumentsOf('=GPU.X(8,"a,b",,SUM(1,2),{1,2})')).toEqual(["8", '"a,b"', "", "SUM(1,2)", "{1,2}"]);
    expect(argumentsOf("=GPU.X()")).toEqual([]);
    expect(argumentsOf("=GPU.X(")).toEqual([]);
    expect(fieldText('"say ""hi"""')).toBe('say "hi"');
    expect(exampleTexts(fn("CLUSTERCOST"))).toEqual(["8", "H100-SXM", "reserved3y", "3", "aws", ""]);
  });

  it("quotes text, keeps numbers, references and booleans as typed", () => {
    const text = { name: "gpu", description: "", optional: true, type: "string", range: false };
    const num = { ...text, type: "number" };
    expect(formulaArgument("H100-SXM", text)).toBe('"H100-SXM"');
    expect(formulaArgument('say "hi"', text)).toBe('"say ""hi"""');
    expect(formulaArgument("B2", text)).toBe("B2");
    expect(formulaArgument("$B$2:C3", text)).toBe("$B$2:C3");
    expect(formulaArgument("'My sheet'!B2", text)).toBe("'My sheet'!B2");
    expect(formulaArgument("Inputs!A1:B4", text)).toBe("Inputs!A1:B4");
    expect(formulaArgument("2.5", text)).toBe("2.5");
    expect(formulaArgument("true", text)).toBe("true");
    expect(formulaArgument(' "bull" ', text)).toBe('"bull"');
    expect(formulaArgument("20E18", num)).toBe("20E18");
    expect(formulaArgument("B2*2", num)).toBe("B2*2");
    expect(formulaArgument("   ", num)).toBe("");
  });

  it("leaves out trailing omitted arguments, keeps inner ones empty, names missing required ones", () => {
    const hourly = fn("HOURLY");
    expect(composeFormula(hourly, ["", "buy"])).toEqual({ formula: '=GPU.HOURLY(,"buy")', missing: [] });
    expect(composeFormula(hourly, [])).toEqual({ formula: "=GPU.HOURLY()", missing: [] });
    const cc: FunctionInfo = fn("CLUSTERCOST");
    expect(composeFormula(cc, ["", "B2"])).toEqual({ formula: "=GPU.CLUSTERCOST(,B2)", missing: ["gpus"] });
    // "B200" is a chip and a cell address: a name the book knows is quoted.
    const known = (t: string) => t.toLowerCase() === "b200";
    expect(composeFormula(cc, ["8", "B200"], known).formula).toBe('=GPU.CLUSTERCOST(8,"B200")');
    expect(composeFormula(cc, ["B200", "B200"], known).formula).toBe('=GPU.CLUSTERCOST(B200,"B200")');
    expect(composeFormula(cc, exampleTexts(cc)).formula).toBe(cc.examples[0]!.formula);
  });
});

describe("what the pane says about saving", () => {
  it("tells where the assumptions are and whether the file must be saved", () => {
    const e = "2023.10-1";
    expect(saveText(undefined, {}, e)).toEqual({
      text: "Saved in this workbook. This version of Excel does not tell add-ins whether AutoSave is on: save the file to keep your changes.",
      warn: false,
    });
    expect(saveText("sheet", { autoSave: true }, e).text).toBe(
      'Saved in this workbook (hidden sheet "GPU Assumptions"). AutoSave is on.',
    );
    expect(saveText("sheet", { autoSave: false, isDirty: true }, e)).toEqual({
      text: 'Saved in this workbook (hidden sheet "GPU Assumptions"). AutoSave is off: save the file (Ctrl+S, or ⌘S on a Mac) to keep your changes (it has unsaved changes).',
      warn: true,
    });
    expect(saveText("sheet", { autoSave: false, isDirty: false }, e).warn).toBe(false);
    expect(saveText("sheet", { platform: "OfficeOnline", autoSave: false }, e).text).toMatch(
      /Excel on the web saves the file as you go\.$/,
    );
    expect(saveText("sheet", { previouslySaved: false, autoSave: false }, e)).toEqual({
      text: 'Saved in this workbook (hidden sheet "GPU Assumptions"). This workbook has never been saved: save it to keep your changes.',
      warn: true,
    });
    expect(saveText("settings", { autoSave: true }, e).text).toMatch(
      /add-in settings \(version 0\.1\); your next change moves them/,
    );
    expect(saveText("none", { autoSave: false }, e)).toEqual({
      text: "Nothing changed yet: the shipped figures of edition 2023.10-1. Your first change is saved in this workbook.",
      warn: false,
    });
    expect(saveText("sheet", { readOnly: true, autoSave: true }, e)).toEqual({
      text: "This workbook is open read-only: Excel will not save changes to it.",
      warn: true,
    });
  });
});

describe("numbers for reading", () => {
  it("group thousands, keep up to 6 decimals, switch to an exponent at the extremes", () => {
    expect(formatNumber(248_956)).toBe("248,956");
    expect(formatNumber(-1_134_244.8)).toBe("-1,134,244.8");
    expect(formatNumber(0.0806)).toBe("0.0806");
    expect(formatNumber(1 / 3)).toBe("0.333333");
    expect(formatNumber(0)).toBe("0");
    expect(formatNumber(175e9)).toBe("175,000,000,000");
    expect(formatNumber(2e15)).toBe("2e+15");
    expect(formatNumber(1.5e-7)).toBe("1.5e-7");
    expect(formatNumber(undefined)).toBe("-");
  });
});

describe("times", () => {
  it("show an ISO time in local time, to the minute", () => {
    const d = new Date(2026, 10, 25, 9, 5);
    expect(localTime(d.toISOString())).toBe("2026-11-25 09:05");
    expect(localTime("not a time")).toBe("not a time");
  });
});
