import { XlsxError } from "./errors";
import { Package } from "./zip";
import { attr, decodeXstring, local, parseXml, XmlReader } from "./xml";

/**
 * What a workbook's package says about its structure, read with the streaming XML reader:
 * the workbook part, its sheets in order, defined names (scope, text), the date system,
 * iterative calculation, external links, shared strings, and which cell-metadata indexes mark
 * dynamic arrays (metadata.xml). Nothing here is written back.
 */
export interface SheetInfo {
  readonly name: string;
  /** The sheet's part, e.g. "xl/worksheets/sheet1.xml"; undefined when the relationship is missing. */
  readonly part: string | undefined;
  readonly kind: "worksheet" | "chartsheet" | "other";
}

export interface DefinedNameInfo {
  readonly name: string;
  /** Index of the sheet the name is local to; undefined for workbook scope. */
  readonly localSheet: number | undefined;
  /** The name's formula as stored (no "="). */
  readonly formula: string;
}

export interface WorkbookInfo {
  readonly workbookPart: string;
  readonly sheets: SheetInfo[];
  readonly names: DefinedNameInfo[];
  readonly date1904: boolean;
  /** Iterative calculation is on: Excel resolves circular references by iterating. */
  readonly iterate: boolean;
  readonly externalLinks: number;
  readonly sharedStrings: string[];
  /** 1-based `cm` values of cells that hold a dynamic array formula (XLDAPR, fDynamic). */
  readonly dynamicArrayCm: ReadonlySet<number>;
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const REL_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships/";

/** Caps: a hostile sharedStrings part cannot take all memory. */
export const STRING_LIMITS = { characters: 256 * 1024 * 1024, count: 20_000_000 } as const;

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** The relationship part of `part`: "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels". */
function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against the folder of its source part. */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = source.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

async function relationships(pkg: Package, source: string): Promise<Relationship[]> {
  const part = relsPartOf(source);
  if (!pkg.has(part)) return [];
  const rels: Relationship[] = [];
  parseXml(part, await pkg.text(part), {
    open(tag) {
      if (local(tag.name) !== "Relationship") return;
      rels.push({
        id: attr(tag, "Id") ?? "",
        type: attr(tag, "Type") ?? "",
        target: attr(tag, "Target") ?? "",
        external: attr(tag, "TargetMode") === "External",
      });
    },
  });
  return rels;
}

const isType = (rel: Relationship, type: string) => rel.type === REL + type || rel.type === REL_STRICT + type;

export async function readWorkbookInfo(pkg: Package): Promise<WorkbookInfo> {
  const root = await relationships(pkg, "");
  const office = root.find((r) => isType(r, "officeDocument") && !r.external);
  const workbookPart = office ? resolveTarget("", office.target) : "xl/workbook.xml";
  if (!pkg.has(workbookPart)) throw new XlsxError(`${pkg.name} is not an .xlsx workbook (no ${workbookPart}).`);
  const rels = await relationships(pkg, workbookPart);
  const target = (id: string) => {
    const rel = rels.find((r) => r.id === id && !r.external);
    return rel ? resolveTarget(workbookPart, rel.target) : undefined;
  };

  const sheets: SheetInfo[] = [];
  const names: DefinedNameInfo[] = [];
  let date1904 = false;
  let iterate = false;
  let externalLinks = 0;
  let name: { name: string; localSheet: number | undefined } | undefined;
  let nameText = "";
  parseXml(workbookPart, await pkg.text(workbookPart), {
    open(tag) {
      switch (local(tag.name)) {
        case "workbookPr":
          date1904 = ["1", "true"].includes(attr(tag, "date1904") ?? "");
          break;
        case "calcPr":
          iterate = ["1", "true"].includes(attr(tag, "iterate") ?? "");
          break;
        case "externalReference":
          externalLinks++;
          break;
        case "sheet": {
          const id = Object.entries(tag.attributes).find(([k]) => local(k) === "id" && k !== "sheetId")?.[1];
          const part = typeof id === "string" ? target(id) : undefined;
          const rel = rels.find((r) => r.id === id);
          const kind = !rel
            ? "other"
            : isType(rel, "worksheet")
              ? "worksheet"
              : isType(rel, "chartsheet")
                ? "chartsheet"
                : "other";
          sheets.push({ name: attr(tag, "name") ?? `Sheet${sheets.length + 1}`, part, kind });
          break;
        }
        case "definedName": {
          const local = attr(tag, "localSheetId");
          name = { name: attr(tag, "name") ?? "", localSheet: local === undefined ? undefined : Number(local) };
          nameText = "";
          break;
        }
      }
    },
    text(t) {
      if (name) nameText += t;
    },
    close(tagName) {
      if (local(tagName) === "definedName" && name) {
        names.push({ ...name, formula: nameText });
        name = undefined;
      }
    },
  });

  const stringsRel = rels.find((r) => isType(r, "sharedStrings") && !r.external);
  const sharedStrings = stringsRel ? await readSharedStrings(pkg, resolveTarget(workbookPart, stringsRel.target)) : [];
  const metadataRel = rels.find((r) => isType(r, "sheetMetadata") && !r.external);
  const dynamicArrayCm = metadataRel
    ? await readDynamicArrayCm(pkg, resolveTarget(workbookPart, metadataRel.target))
    : new Set<number>();
  return { workbookPart, sheets, names, date1904, iterate, externalLinks, sharedStrings, dynamicArrayCm };
}

/** The shared string table: each <si>'s text (runs joined, phonetic runs left out). */
async function readSharedStrings(pkg: Package, part: string): Promise<string[]> {
  if (!pkg.has(part)) return [];
  const strings: string[] = [];
  let characters = 0;
  let inSi = false;
  let inPhonetic = 0;
  let inT = false;
  let current = "";
  const reader = new XmlReader(part, {
    open(tag) {
      const n = local(tag.name);
      if (n === "si") {
        inSi = true;
        current = "";
      } else if (n === "rPh") inPhonetic++;
      else if (n === "t" && inSi && inPhonetic === 0) inT = true;
    },
    text(t) {
      if (inT) current += t;
    },
    close(tagName) {
      const n = local(tagName);
      if (n === "t") inT = false;
      else if (n === "rPh") inPhonetic--;
      else if (n === "si") {
        inSi = false;
        characters += current.length;
        if (characters > STRING_LIMITS.characters || strings.length >= STRING_LIMITS.count) {
          throw new XlsxError(
            `${part} holds more than ${STRING_LIMITS.characters / 2 ** 20}M characters or ${STRING_LIMITS.count} strings; refused as too large.`,
          );
        }
        strings.push(decodeXstring(current));
      }
    },
  });
  await pkg.stream(part, (text) => reader.write(text));
  reader.close();
  return strings;
}

/**
 * metadata.xml: which `cm` indexes are dynamic arrays. A cell's cm (1-based) picks a <bk> of
 * <cellMetadata>; its <rc t v> names a metadata type (1-based) and a value (0-based) in that
 * type's <futureMetadata name="XLDAPR">, whose dynamicArrayProperties say fDynamic="1".
 */
async function readDynamicArrayCm(pkg: Package, part: string): Promise<Set<number>> {
  if (!pkg.has(part)) return new Set();
  const types: string[] = [];
  const dynamicValues: boolean[] = [];
  const cellBlocks: { t: number; v: number }[][] = [];
  let section: "future" | "cell" | undefined;
  let futureName = "";
  let block: { t: number; v: number }[] | undefined;
  let futureBlock: boolean | undefined;
  parseXml(part, await pkg.text(part), {
    open(tag) {
      switch (local(tag.name)) {
        case "metadataType":
          types.push(attr(tag, "name") ?? "");
          break;
        case "futureMetadata":
          section = "future";
          futureName = attr(tag, "name") ?? "";
          break;
        case "cellMetadata":
          section = "cell";
          break;
        case "bk":
          if (section === "cell") block = [];
          if (section === "future" && futureName === "XLDAPR") futureBlock = false;
          break;
        case "rc":
          block?.push({ t: Number(attr(tag, "t")), v: Number(attr(tag, "v")) });
          break;
        case "dynamicArrayProperties":
          if (futureBlock !== undefined) futureBlock = ["1", "true"].includes(attr(tag, "fDynamic") ?? "");
          break;
      }
    },
    close(tagName) {
      const n = local(tagName);
      if (n === "bk") {
        if (block) cellBlocks.push(block);
        if (futureBlock !== undefined) dynamicValues.push(futureBlock);
        block = undefined;
        futureBlock = undefined;
      } else if (n === "futureMetadata" || n === "cellMetadata") section = undefined;
    },
  });
  const dynamic = new Set<number>();
  cellBlocks.forEach((records, i) => {
    if (records.some((r) => types[r.t - 1] === "XLDAPR" && dynamicValues[r.v] === true)) dynamic.add(i + 1);
  });
  return dynamic;
}

const WEBEXTENSION_PART = /^xl\/webextensions\/webextension\d*\.xml$/;

/**
 * The value of one add-in setting stored in the package (Excel keeps an add-in's settings as
 * <we:property name value> in xl/webextensions/webextension*.xml, each value JSON-encoded).
 * Undefined when no part stores it.
 */
export async function readStoredSetting(pkg: Package, key: string): Promise<string | undefined> {
  for (const part of pkg.parts().filter((p) => WEBEXTENSION_PART.test(p))) {
    let found: string | undefined;
    parseXml(part, await pkg.text(part), {
      open(tag) {
        if (found === undefined && local(tag.name) === "property" && attr(tag, "name") === key) {
          found = attr(tag, "value") ?? "";
        }
      },
    });
    if (found === undefined) continue;
    try {
      const value: unknown = JSON.parse(found);
      return typeof value === "string" ? value : JSON.stringify(value);
    } catch {
      return found; // kept as is: the store reports it as damaged, read-only
    }
  }
  return undefined;
}
