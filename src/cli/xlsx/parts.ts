import { XlsxError } from "./errors";
import { cellAddress, constantCell, type CellScalar } from "./sheet";
import { escapeAttr } from "./xml";
import type { Package } from "./zip";

/**
 * Adding a worksheet to a package, as Excel lays one out: a new part `xl/worksheets/sheetN.xml`,
 * its <sheet> entry at the end of workbook.xml's <sheets> (so no sheet index that defined names
 * or views refer to moves), a relationship from the workbook, and a content-type override. Only
 * those three small parts change, each by inserting one element before its closing tag: every
 * other byte stays as it was. Text cells are inline strings, so sharedStrings.xml is untouched
 * (Excel moves them into its shared table at its next save).
 */

const TRANSITIONAL = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rels: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
};
const STRICT = {
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  rels: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  worksheet: "http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet",
};
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** The folder of a part and the relationship part beside it: xl/workbook.xml -> xl/_rels/workbook.xml.rels. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Inserts `element` before the closing tag of the last `name` element (any prefix); its prefix is returned too. */
function insertBefore(text: string, name: string, element: (prefix: string) => string, part: string): string {
  const re = new RegExp(`</((?:[A-Za-z_][\\w.-]*:)?)${name}\\s*>`, "g");
  let match: RegExpExecArray | null;
  let last: RegExpExecArray | undefined;
  while ((match = re.exec(text))) last = match;
  if (!last)
    throw new XlsxError(`${part} has no </${name}>; the workbook's structure is not one gpu-cost can add a sheet to.`);
  return text.slice(0, last.index) + element(last[1] ?? "") + text.slice(last.index);
}

/** The prefix bound to `namespace` in a part's text ("r" for xmlns:r="..."), if any. */
function prefixOf(text: string, namespace: string): string | undefined {
  const re = /xmlns:([A-Za-z_][\w.-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) if ((m[3] ?? m[4]) === namespace) return m[1];
  return undefined;
}

/** Every value of an attribute in a part's text. */
function attributeValues(text: string, tag: string, attribute: string): string[] {
  const values: string[] = [];
  const tags = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${tag}\\b[^>]*>`, "g");
  const attr = new RegExp(`\\s${attribute}\\s*=\\s*("([^"]*)"|'([^']*)')`);
  for (const m of text.matchAll(tags)) {
    const a = attr.exec(m[0]);
    if (a) values.push(a[2] ?? a[3] ?? "");
  }
  return values;
}

/** A relationship part with one more relationship (`type`, `target`) under a fresh id. */
export function withRelationship(
  rels: string,
  type: string,
  target: string,
  part = "relationships",
): { text: string; id: string } {
  const ids = new Set(attributeValues(rels, "Relationship", "Id"));
  let k = ids.size + 1;
  while (ids.has(`rId${k}`)) k++;
  const id = `rId${k}`;
  const text = insertBefore(
    rels,
    "Relationships",
    (p) => `<${p}Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`,
    part,
  );
  return { text, id };
}

/** [Content_Types].xml with one more override (`/part` has `contentType`). */
export function withOverride(types: string, part: string, contentType: string): string {
  return insertBefore(
    types,
    "Types",
    (p) => `<${p}Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(contentType)}"/>`,
    "[Content_Types].xml",
  );
}

/** A new worksheet's XML: the cells from A1 (rows of values; "" and null are empty), column widths. */
export function worksheetXml(
  rows: readonly (readonly (CellScalar | "")[])[],
  options: { widths?: readonly number[]; strict?: boolean } = {},
): string {
  const ns = options.strict ? STRICT : TRANSITIONAL;
  let width = 0;
  let height = 0;
  const body: string[] = [];
  rows.forEach((row, r) => {
    const cells = row
      .map((v, c) => (v === "" || v === null ? "" : constantCell(cellAddress(r + 1, c + 1), v)))
      .filter((x, c) => {
        if (x) width = Math.max(width, c + 1);
        return x !== "";
      });
    if (cells.length) {
      height = r + 1;
      body.push(`<row r="${r + 1}">${cells.join("")}</row>`);
    }
  });
  const dimension = height ? `A1:${cellAddress(height, Math.max(width, 1))}` : "A1";
  const widths = options.widths ?? [];
  const cols = widths.length
    ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`
    : "";
  return (
    `${HEAD}<worksheet xmlns="${ns.main}" xmlns:r="${ns.rels}"><dimension ref="${dimension}"/>` +
    `<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}` +
    `<sheetData>${body.join("")}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}

/** What adding a sheet writes: the changed parts' new text and the new parts. */
export interface SheetAddition {
  readonly replace: Map<string, string>;
  readonly add: { name: string; text: string }[];
  /** The new sheet's part. */
  readonly part: string;
}

/**
 * Plans a new worksheet `name` at the end of the workbook, `hidden` or visible, holding `xml`
 * (made by worksheetXml). Refuses (XlsxError) a name the workbook has already, in any case.
 */
export async function addWorksheet(
  pkg: Package,
  workbookPart: string,
  name: string,
  rows: readonly (readonly (CellScalar | "")[])[],
  options: { hidden?: boolean; widths?: readonly number[] } = {},
): Promise<SheetAddition> {
  const workbook = await pkg.text(workbookPart);
  const strict = workbook.includes(STRICT.main);
  const ns = strict ? STRICT : TRANSITIONAL;
  if (/<(?:[A-Za-z_][\w.-]*:)?workbookProtection\b[^>]*\slockStructure\s*=\s*["'](?:1|true)["']/.test(workbook)) {
    throw new XlsxError(
      `${pkg.name}: the workbook's structure is protected (Review > Protect Workbook), so no sheet can be added, in Excel either; unprotect it to let the "${name}" sheet be created. Nothing was written.`,
    );
  }
  const existing = attributeValues(workbook, "sheet", "name").map(unescape);
  if (existing.some((n) => n.toLowerCase() === name.toLowerCase())) {
    throw new XlsxError(`${pkg.name} has a sheet named "${name}" already (not a worksheet gpu-cost can use).`);
  }

  // The part: the first free xl/worksheets/sheetN.xml beside the workbook part.
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1);
  let n = 1;
  const taken = new Set(pkg.parts().map((p) => p.toLowerCase()));
  while (taken.has(`${folder}worksheets/sheet${n}.xml`.toLowerCase())) n++;
  const part = `${folder}worksheets/sheet${n}.xml`;

  // The relationship from the workbook.
  const relsPart = relsPartOf(workbookPart);
  const rels = pkg.has(relsPart)
    ? await pkg.text(relsPart)
    : `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const { text: newRels, id: rId } = withRelationship(rels, ns.worksheet, `worksheets/sheet${n}.xml`, relsPart);

  // The <sheet> entry, last in <sheets>.
  const sheetIds = attributeValues(workbook, "sheet", "sheetId")
    .map(Number)
    .filter((x) => Number.isInteger(x));
  const sheetId = Math.max(0, ...sheetIds) + 1;
  const r = prefixOf(workbook, ns.rels);
  const idAttribute = r ? `${r}:id="${rId}"` : `xmlns:gpr="${ns.rels}" gpr:id="${rId}"`;
  const newWorkbook = insertBefore(
    workbook,
    "sheets",
    (p) =>
      `<${p}sheet name="${escapeAttr(name)}" sheetId="${sheetId}"${options.hidden ? ' state="hidden"' : ""} ${idAttribute}/>`,
    workbookPart,
  );

  // Its content type.
  const typesPart = "[Content_Types].xml";
  const types = await pkg.text(typesPart);
  const newTypes = withOverride(types, part, WORKSHEET_TYPE);

  const replace = new Map<string, string>([
    [workbookPart, newWorkbook],
    [typesPart, newTypes],
  ]);
  const add = [{ name: part, text: worksheetXml(rows, { ...options, strict }) }];
  if (pkg.has(relsPart)) replace.set(relsPart, newRels);
  else add.unshift({ name: relsPart, text: newRels });
  return { replace, add, part };
}

/** XML's five entities and character references, decoded (attribute values of names). */
function unescape(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e.startsWith("#x")) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(Number(e.slice(1)));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e as "amp"];
  });
}
