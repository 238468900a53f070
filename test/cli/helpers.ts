/**
 * Helpers for the gpu-cost tests: run the built CLI as a user does, build small workbooks as
 * Excel writes them, and read a package's parts back.
 */
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { TextReader, Uint8ArrayWriter, ZipWriter } from "@zip.js/zip.js";
import { readSheet, type RawCell } from "../../src/cli/xlsx/sheet";
import { readWorkbookInfo } from "../../src/cli/xlsx/workbook";
import { Package } from "../../src/cli/xlsx/zip";

export const ROOT = path.resolve(__dirname, "../..");
export const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), "gpu-cost-test-"));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The built CLI in a child process, as a user runs it. */
export async function gpuCost(cwd: string, ...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)("node", [path.join(ROOT, "bin/gpu-cost.js"), ...args], {
      cwd,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** No stack trace, no internal error: what a user must never see. */
export function expectClean(r: Run): void {
  const all = r.stdout + r.stderr;
  if (/\n\s+at .+:\d+:\d+\)?/.test(all) || /internal error/i.test(all)) {
    throw new Error(`a stack trace or internal error was printed:\n${all.slice(0, 2000)}`);
  }
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A cell of a test sheet: a value, or a formula (with an optional cached value and kind). */
export type TestCell =
  | number
  | string
  | boolean
  | {
      f: string;
      v?: number | string | boolean;
      t?: "array" | "dynamic";
      ref?: string;
      shared?: { si: number; ref?: string };
    };

function addressToRowCol(a: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(a)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]), col];
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function cellXml(address: string, cell: TestCell): string {
  if (typeof cell === "number") return `<c r="${address}"><v>${cell}</v></c>`;
  if (typeof cell === "boolean") return `<c r="${address}" t="b"><v>${cell ? 1 : 0}</v></c>`;
  if (typeof cell === "string") return `<c r="${address}" t="inlineStr"><is><t>${esc(cell)}</t></is></c>`;
  const v = cell.v;
  const t = typeof v === "string" ? ' t="str"' : typeof v === "boolean" ? ' t="b"' : "";
  const cm = cell.t === "dynamic" ? ' cm="1"' : "";
  let f: string;
  if (cell.shared) {
    const ref = cell.shared.ref ? ` ref="${cell.shared.ref}"` : "";
    f = cell.f
      ? `<f t="shared"${ref} si="${cell.shared.si}">${esc(cell.f)}</f>`
      : `<f t="shared" si="${cell.shared.si}"/>`;
  } else if (cell.t) f = `<f t="array" ref="${cell.ref ?? address}">${esc(cell.f)}</f>`;
  else f = `<f>${esc(cell.f)}</f>`;
  const vx =
    v === undefined ? "" : `<v>${typeof v === "boolean" ? (v ? 1 : 0) : typeof v === "string" ? esc(v) : v}</v>`;
  return `<c r="${address}"${t}${cm}>${f}${vx}</c>`;
}

/** Sheet XML from cells by address, rows and cells in order. */
export function sheetXml(cells: Record<string, TestCell>): string {
  const rows = new Map<number, [number, string][]>();
  for (const [a, c] of Object.entries(cells)) {
    const [r, col] = addressToRowCol(a);
    if (!rows.has(r)) rows.set(r, []);
    rows.get(r)!.push([col, cellXml(a, c)]);
  }
  const body = [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(
      ([r, cs]) =>
        `<row r="${r}">${cs
          .sort((a, b) => a[0] - b[0])
          .map((c) => c[1])
          .join("")}</row>`,
    )
    .join("");
  return `${HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetData>${body}</sheetData></worksheet>`;
}

/** A minimal workbook as Excel lays it out: sheets by name, defined names, dynamic-array metadata. */
export async function workbookBytes(
  sheets: Record<string, Record<string, TestCell> | string>,
  names: { name: string; text: string; local?: number }[] = [],
): Promise<Uint8Array> {
  const list = Object.keys(sheets);
  const parts: [string, string][] = [
    [
      "[Content_Types].xml",
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${list.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/></Types>`,
    ],
    [
      "_rels/.rels",
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      "xl/workbook.xml",
      `${HEAD}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${list.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>${names.length ? `<definedNames>${names.map((n) => `<definedName name="${n.name}"${n.local === undefined ? "" : ` localSheetId="${n.local}"`}>${esc(n.text)}</definedName>`).join("")}</definedNames>` : ""}<calcPr calcId="191029"/></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rIdM" Type="${REL}/sheetMetadata" Target="metadata.xml"/></Relationships>`,
    ],
    [
      "xl/metadata.xml",
      `${HEAD}<metadata xmlns="${NS}" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`,
    ],
    ...list.map((n, i): [string, string] => [
      `xl/worksheets/sheet${i + 1}.xml`,
      typeof sheets[n] === "string" ? (sheets[n] as string) : sheetXml(sheets[n] as Record<string, TestCell>),
    ]),
  ];
  const writer = new ZipWriter(new Uint8ArrayWriter(), { keepOrder: true, level: 6 });
  for (const [name, text] of parts) await writer.add(name, new TextReader(text));
  return writer.close();
}

/** Every cell of every sheet of a package, by "Sheet!A1". */
export async function readCellsOf(bytes: Uint8Array): Promise<Map<string, RawCell>> {
  const pkg = await Package.open(bytes, "test.xlsx");
  const info = await readWorkbookInfo(pkg);
  const out = new Map<string, RawCell>();
  for (const s of info.sheets) {
    if (!s.part) continue;
    await readSheet(pkg, s.part, info.sharedStrings, (c) => {
      let col = "";
      for (let x = c.col; x > 0; x = Math.floor((x - 1) / 26)) col = String.fromCharCode(65 + ((x - 1) % 26)) + col;
      out.set(`${s.name}!${col}${c.row}`, c);
    });
  }
  return out;
}
