/**
 * Clean failures: every file-system failure and every malformed input is one line and exit 2,
 * the input is never touched, and nothing (hostile bytes, truncated zips, DTDs, entities,
 * formulas of random tokens) prints a stack trace.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { TextReader, Uint8ArrayReader, Uint8ArrayWriter, ZipReader, ZipWriter } from "@zip.js/zip.js";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateFormula, type RecalcResult } from "../../src/cli/calc/engine";
import type { Env } from "../../src/cli/calc/types";
import { EXIT, failure, type CliIo } from "../../src/cli/cli";
import { customFunctionsEnv } from "../../src/cli/host";
import { OutputError, nodeFs, writeAtomically, type OutputFs } from "../../src/cli/output";
import { openWorkbook, recalcWorkbook, writeWorkbook } from "../../src/cli/recalc";
import { loadRuntime } from "../harness/runtime";
import { expectClean, gpuCost, tmp, workbookBytes } from "./helpers";

const dir = tmp();
let env: Env;
beforeAll(() => {
  env = customFunctionsEnv(loadRuntime().host, 45_000);
});

async function input(name: string, bytes?: Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  writeFileSync(file, bytes ?? (await workbookBytes({ S: { A1: 2, B1: { f: "A1*21", v: 0 } } })));
  return file;
}

/** A failing file system: `fail` decides which call throws which errno. */
function failingFs(fail: Partial<Record<keyof OutputFs | "write" | "sync", string>>): OutputFs {
  const err = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
  return {
    stat: (p) => (fail.stat ? Promise.reject(err(fail.stat)) : nodeFs.stat(p)),
    open: async (p) => {
      if (fail.open) throw err(fail.open);
      const h = await nodeFs.open(p);
      let written = 0;
      return {
        write: async (data) => {
          written += data.length;
          if (fail.write && written > 1024) throw err(fail.write);
          return h.write(data);
        },
        sync: () => (fail.sync ? Promise.reject(err(fail.sync)) : h.sync()),
        close: () => h.close(),
      };
    },
    rename: (a, b) => (fail.rename ? Promise.reject(err(fail.rename)) : nodeFs.rename(a, b)),
    unlink: (p) => nodeFs.unlink(p),
  };
}

function capture(): CliIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (t) => lines.push(t), err: (t) => lines.push(t), fs: nodeFs };
}

describe("atomic output", () => {
  it.each([
    ["no space left (ENOSPC) while writing", { write: "ENOSPC" }, /no space left on the device \(ENOSPC\)/],
    ["no permission to create the file (EACCES)", { open: "EACCES" }, /permission denied \(EACCES\)/],
    ["a read-only file system (EROFS)", { open: "EROFS" }, /read-only \(EROFS\)/],
    ["fsync failing (EIO)", { sync: "EIO" }, /input\/output error \(EIO\)/],
    ["the rename failing (EXDEV)", { rename: "EXDEV" }, /EXDEV/],
  ])("%s: one line, exit 2, the input untouched, no temporary file left", async (_what, fail, message) => {
    const file = await input(`atomic-${Object.values(fail)[0]}.xlsx`);
    const before = readFileSync(file);
    const opened = await openWorkbook(before, file);
    const result = await recalcWorkbook(opened, env);
    let error: unknown;
    try {
      await writeAtomically(file, (sink) => writeWorkbook(opened, result, sink), failingFs(fail));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OutputError);
    const io = capture();
    expect(failure(error, io)).toBe(EXIT.failure);
    expect(io.lines).toHaveLength(1);
    expect(io.lines[0]).toMatch(message);
    expect(io.lines[0]).not.toMatch(/\n/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith(".gpu-cost.tmp"))).toEqual([]);
  });

  it.each([
    [
      "into a missing folder",
      (d: string) => path.join(d, "no-such-folder", "out.xlsx"),
      /the folder .* does not exist/,
    ],
    ["onto a folder", (d: string) => path.join(d, "folder-target"), /is a folder/],
    ["under a file", (d: string) => path.join(d, "in-missing.xlsx", "out.xlsx"), /not a folder|does not exist/],
  ])("-o %s: one line, exit 2, the input untouched", async (_what, target, message) => {
    const file = await input("in-missing.xlsx");
    const before = readFileSync(file);
    mkdirSync(path.join(dir, "folder-target"), { recursive: true });
    const r = await gpuCost(dir, "recalc", file, "-o", target(dir));
    expectClean(r);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

/** A copy of a small workbook with one part's text replaced. */
async function withPart(part: string, text: string): Promise<Uint8Array> {
  const base = await workbookBytes({ S: { A1: 1, B1: { f: "A1+1" } } });
  const entries = await new ZipReader(new Uint8ArrayReader(base)).getEntries();
  const writer = new ZipWriter(new Uint8ArrayWriter());
  for (const e of entries) {
    if (e.directory) continue;
    const content = e.filename === part ? text : await e.getData(new (await import("@zip.js/zip.js")).TextWriter());
    await writer.add(e.filename, new TextReader(content));
  }
  return writer.close();
}

describe("malformed workbooks: one line, exit 2, no stack trace", () => {
  const head = '<?xml version="1.0" encoding="UTF-8"?>';
  const sheet = (body: string) =>
    `${head}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${body}</worksheet>`;
  it.each([
    [
      "a DTD",
      sheet("").replace("<worksheet", '<!DOCTYPE w [<!ENTITY x "y">]><worksheet'),
      /document type \(DTD\); refused/,
    ],
    [
      "an undefined entity",
      sheet('<sheetData><row r="1"><c r="A1" t="str"><v>&boom;</v></c></row></sheetData>'),
      /not well-formed XML: .*undefined entity/,
    ],
    ["an unclosed tag", sheet('<sheetData><row r="1">'), /not well-formed XML/],
    [
      "cells out of order",
      sheet('<sheetData><row r="2"/><row r="1"/></sheetData>'),
      /row 1 is not a row number after row 2/,
    ],
    [
      "a bad number",
      sheet('<sheetData><row r="1"><c r="A1"><v>12abc</v></c></row></sheetData>'),
      /a numeric cell holds "12abc"/,
    ],
    [
      "a missing shared string",
      sheet('<sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row></sheetData>'),
      /shared string 99/,
    ],
  ])("%s", async (_what, xml, message) => {
    const file = await input(`bad-${_what.replace(/\W+/g, "-")}.xlsx`, await withPart("xl/worksheets/sheet1.xml", xml));
    const r = await gpuCost(dir, "recalc", file, "-o", path.join(dir, "never.xlsx"));
    expectClean(r);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(path.join(dir, "never.xlsx"))).toBe(false);
  });

  it("random bytes, truncated zips, an empty file, a zip without a workbook", async () => {
    const good = await workbookBytes({ S: { A1: 1, B1: { f: "A1+1" } } });
    const cases: [string, Uint8Array][] = [
      ["empty.xlsx", new Uint8Array()],
      ["random.xlsx", Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) % 251)],
      ["half.xlsx", good.slice(0, good.length >> 1)],
      ["tail-cut.xlsx", good.slice(0, good.length - 30)],
      [
        "no-workbook.xlsx",
        await (async () => {
          const w = new ZipWriter(new Uint8ArrayWriter());
          await w.add("hello.txt", new TextReader("hi"));
          return w.close();
        })(),
      ],
    ];
    for (const [name, bytes] of cases) {
      const r = await gpuCost(dir, "recalc", await input(name, bytes));
      expectClean(r);
      expect(r.code, name).toBe(2);
      expect(r.stderr.trim().split("\n"), name).toHaveLength(1);
    }
  });

  it("a large shared-string table is read (and a sheet of 50,000 strings)", async () => {
    const strings = Array.from({ length: 50_000 }, (_, i) => `<si><t>${"x".repeat(200)}${i}</t></si>`).join("");
    const sst = `${head}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings}</sst>`;
    const base = await withPart(
      "xl/worksheets/sheet1.xml",
      sheet('<sheetData><row r="1"><c r="A1" t="s"><v>49999</v></c><c r="B1"><f>LEN(A1)</f></c></row></sheetData>'),
    );
    const entries = await new ZipReader(new Uint8ArrayReader(base)).getEntries();
    const writer = new ZipWriter(new Uint8ArrayWriter());
    const { TextWriter } = await import("@zip.js/zip.js");
    for (const e of entries) {
      if (e.directory) continue;
      let text = await e.getData(new TextWriter());
      if (e.filename === "xl/_rels/workbook.xml.rels") {
        text = text.replace(
          "</Relationships>",
          '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        );
      }
      await writer.add(e.filename, new TextReader(text));
    }
    await writer.add("xl/sharedStrings.xml", new TextReader(sst));
    const r = await gpuCost(dir, "recalc", await input("strings.xlsx", await writer.close()), "--json");
    expectClean(r);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).values["S!B1"]).toBe(205);
  });
});

describe("formulas of random tokens", () => {
  const token = fc.constantFrom(
    "1",
    "0",
    "-",
    "+",
    "*",
    "/",
    "^",
    "&",
    "=",
    "<>",
    "<",
    "%",
    "(",
    ")",
    ",",
    ";",
    ":",
    "{",
    "}",
    '"',
    '"a"',
    "A1",
    "$B$2",
    "A:A",
    "1:1",
    "Sheet2!A1",
    "'x y'!B3",
    "#REF!",
    "#N/A",
    "TRUE",
    "SUM(",
    "IF(",
    "LET(",
    "x",
    "INDEX(",
    "OFFSET(",
    "INDIRECT(",
    "GPU.TCO(",
    "GPU.HOURLY(",
    "XLOOKUP(",
    "SEQUENCE(",
    "LAMBDA(",
    "@",
    "#",
    " ",
    "[1]",
    "Table1[Col]",
    "1E308",
    "9E999",
    "_xlfn.",
    "FILTER(",
    "SORT(",
  );
  it("never throw, hang or print a stack trace: a value, an Excel error, or a reason", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 25 }), async (tokens) => {
        const formula = `=${tokens.join("")}`;
        const r = await evaluateFormula(formula, env);
        expect(["value", "invalid", "unsupported"]).toContain(Object.keys(r)[0]);
      }),
      { numRuns: 3000 },
    );
  });

  it("in a workbook too: every cell computed or listed with its reason", async () => {
    const rnd = fc.sample(fc.array(token, { maxLength: 20 }), { numRuns: 300, seed: 42 });
    const cells: Record<string, { f: string }> = {};
    rnd.forEach((t, i) => (cells[`B${i + 1}`] = { f: t.join("") || "1" }));
    const file = await input("random-formulas.xlsx", await workbookBytes({ S: cells, Sheet2: { A1: 1 } }));
    const opened = await openWorkbook(readFileSync(file), file);
    const result: RecalcResult = await recalcWorkbook(opened, env);
    expect(result.values.size + result.unsupported.length).toBe(300);
    const r = await gpuCost(dir, "recalc", file, "--partial", "-o", path.join(dir, "random-out.xlsx"));
    expectClean(r);
    expect([0, 1]).toContain(r.code);
  });
});
