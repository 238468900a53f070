import { SaxesParser, type SaxesTagPlain } from "saxes";
import { XlsxError } from "./errors";

/**
 * Streaming XML with saxes (ISC, the tokenizer exceljs itself uses): well-formedness checked,
 * positions exact (UTF-16 offsets into the decoded part, across chunks). A document type
 * declaration is refused (no DTDs, so no entity definitions: the only entities are XML's five,
 * and any other `&name;` is an error), as Excel never writes one.
 */
export type Tag = SaxesTagPlain;

export interface XmlHandlers {
  /** A start tag begins at `start` (the offset of its "<"). */
  openStart?(name: string, start: number): void;
  /** A start tag ends at `end` (just past its ">"); self-closing tags are followed by close. */
  open?(tag: Tag, end: number): void;
  /** An end tag (or the end of a self-closing tag) ends at `end`. */
  close?(name: string, end: number): void;
  text?(text: string): void;
}

/** Local name of a possibly prefixed tag name ("x:c" is "c"). */
export function local(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** An attribute by local name (Excel writes them unprefixed; r:id is the exception, asked by full name). */
export function attr(tag: Tag, name: string): string | undefined {
  const v = tag.attributes[name];
  return typeof v === "string" ? v : undefined;
}

export class XmlReader {
  private readonly parser: SaxesParser;

  constructor(
    private readonly part: string,
    handlers: XmlHandlers,
  ) {
    // Positions cost time; only a reader that splices (openStart handler) tracks them.
    const p = (this.parser = new SaxesParser({ position: handlers.openStart !== undefined }));
    p.on("doctype", () => {
      throw new XlsxError(`${part} declares a document type (DTD); refused: Excel never writes one.`);
    });
    p.on("error", (error) => {
      throw new XlsxError(`${part} is not well-formed XML: ${error.message.replace(/\s+/g, " ")}`);
    });
    if (handlers.openStart) {
      const f = handlers.openStart;
      // saxes reports a start tag once its name and the character after it are read.
      p.on("opentagstart", (tag) => f(tag.name, p.position - tag.name.length - 2));
    }
    if (handlers.open) {
      const f = handlers.open;
      p.on("opentag", (tag) => f(tag as Tag, p.position));
    }
    if (handlers.close) {
      const f = handlers.close;
      p.on("closetag", (tag) => f(tag.name, p.position));
    }
    if (handlers.text) {
      const f = handlers.text;
      p.on("text", f);
      p.on("cdata", f);
    }
  }

  write(text: string): void {
    this.parser.write(text);
  }

  close(): void {
    try {
      this.parser.close();
    } catch (error) {
      if (error instanceof XlsxError) throw error;
      throw new XlsxError(`${this.part} is not well-formed XML: ${(error as Error).message}`);
    }
  }
}

/** Parses a whole (small) part. */
export function parseXml(part: string, text: string, handlers: XmlHandlers): void {
  const reader = new XmlReader(part, handlers);
  reader.write(text);
  reader.close();
}

/** Text escaped for element content. */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

/** Text escaped for a double-quoted attribute value. */
export function escapeAttr(text: string): string {
  return text.replace(/[&<>"\n\r\t]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/&#38;/g, "&amp;");
}

/**
 * SpreadsheetML's escape for characters XML 1.0 cannot carry (ST_Xstring): `_xHHHH_`. Reading
 * decodes them; writing encodes control characters, and a literal "_xHHHH_" as "_x005F_xHHHH_".
 *
 * Example: decodeXstring("a_x000D_b") is "a\rb"; encodeXstring("\u0001") is "_x0001_".
 */
export function decodeXstring(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Characters XML 1.0 cannot hold: C0 controls but tab, LF and CR; U+FFFE/U+FFFF; lone surrogates. */
const NOT_XML = new RegExp(
  // eslint-disable-next-line no-control-regex -- these control characters are exactly what must be escaped
  "[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]",
  "g",
);
const hex4 = (c: string) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");

export function encodeXstring(text: string): string {
  return text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1").replace(NOT_XML, (c) => `_x${hex4(c)}_`);
}
