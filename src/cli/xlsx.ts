import ExcelJS from "exceljs";
import { XMLParser } from "fast-xml-parser";
import JSZip from "jszip";
import { SETTINGS_KEY } from "../store/document";

/**
 * .xlsx files: cells through exceljs (MIT, maintained), and the add-in's stored assumptions,
 * which Excel keeps in the workbook's web-extension parts (xl/webextensions/webextension*.xml,
 * one <we:property> per setting, its value JSON-encoded). exceljs does not know those parts,
 * so they are read, and carried into written files, with JSZip.
 */
const WEBEXTENSION_PART = /^xl\/webextensions\/webextension\d*\.xml$/;

export class XlsxError extends Error {
  override name = "XlsxError";
}

export interface LoadedWorkbook {
  readonly workbook: ExcelJS.Workbook;
  /** The add-in's stored assumptions document, as the task pane saved it; undefined if none. */
  readonly storedAssumptions: string | undefined;
  /** The file as read, for carrying its web-extension parts into a written copy. */
  readonly bytes: Buffer;
}

export async function loadWorkbook(bytes: Buffer, name: string): Promise<LoadedWorkbook> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new XlsxError(`${name} is not an .xlsx file (it is not a zip package).`);
  }
  if (!zip.file("xl/workbook.xml")) throw new XlsxError(`${name} is not an .xlsx workbook (no xl/workbook.xml).`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new XlsxError(`${name} could not be read as a workbook: ${(error as Error).message}`);
  }
  return { workbook, storedAssumptions: await readStoredSetting(zip, SETTINGS_KEY), bytes };
}

/** The value of one add-in setting stored in the package, decoded from its JSON form. */
export async function readStoredSetting(zip: JSZip, key: string): Promise<string | undefined> {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", removeNSPrefix: true });
  for (const name of Object.keys(zip.files).filter((n) => WEBEXTENSION_PART.test(n))) {
    const xml = parser.parse(await zip.file(name)!.async("string"));
    const props = xml?.webextension?.properties?.property;
    for (const p of Array.isArray(props) ? props : props ? [props] : []) {
      if (p.name !== key) continue;
      try {
        const value: unknown = JSON.parse(p.value);
        return typeof value === "string" ? value : JSON.stringify(value);
      } catch {
        return String(p.value); // kept as is: the store reports it as damaged, read-only
      }
    }
  }
  return undefined;
}

/**
 * The workbook written to bytes, with the original file's web-extension parts (the add-in's
 * task pane binding and stored assumptions) carried over.
 */
export async function saveWorkbook(loaded: LoadedWorkbook): Promise<Buffer> {
  const written = Buffer.from(await loaded.workbook.xlsx.writeBuffer());
  const source = await JSZip.loadAsync(loaded.bytes);
  const parts = Object.keys(source.files).filter((n) => n.startsWith("xl/webextensions/") && !source.files[n]!.dir);
  if (parts.length === 0) return written;
  const out = await JSZip.loadAsync(written);
  for (const name of parts) out.file(name, await source.file(name)!.async("uint8array"));
  await mergeEntries(
    source,
    out,
    "[Content_Types].xml",
    /<Override\b[^>]*PartName="\/xl\/webextensions\/[^"]*"[^>]*\/>/g,
    "</Types>",
  );
  await mergeEntries(
    source,
    out,
    "_rels/.rels",
    /<Relationship\b[^>]*Target="\/?xl\/webextensions\/[^"]*"[^>]*\/>/g,
    "</Relationships>",
  );
  return Buffer.from(await out.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/** Copies the XML elements matching `pattern` from one package part to the other, once each. */
async function mergeEntries(source: JSZip, out: JSZip, part: string, pattern: RegExp, closing: string): Promise<void> {
  const from = await source.file(part)?.async("string");
  const to = await out.file(part)?.async("string");
  if (!from || !to) return;
  const missing = (from.match(pattern) ?? []).filter((element) => !to.includes(element));
  const renamed = missing.map((element, i) =>
    // Relationship ids must stay unique in the written part.
    element.replace(/\bId="([^"]*)"/, (m, id: string) => (to.includes(`Id="${id}"`) ? `Id="rIdGpuCost${i + 1}"` : m)),
  );
  if (renamed.length) out.file(part, to.replace(closing, `${renamed.join("")}${closing}`));
}
