import {
  BlobReader,
  TextWriter,
  Uint8ArrayReader,
  Uint8ArrayWriter,
  ZipReader,
  ZipWriter,
  configure,
  type Entry,
  type FileEntry,
} from "@zip.js/zip.js";
import { XlsxError } from "./errors";

/**
 * The .xlsx package (an OPC zip) read and written with zip.js (BSD-3-Clause, maintained): entries
 * are listed in their stored order, parts are read as text (whole or streamed), and a written copy
 * carries every entry it does not replace with its compressed bytes untouched (`passThrough`),
 * in the same order, with the same names, dates and attributes.
 */
configure({ useWebWorkers: false });

/** Caps that keep a hostile package from exhausting memory: Excel's own files stay far below. */
export const LIMITS = {
  /** Characters of one part read whole (workbook.xml, relationships...); sheets are streamed. */
  wholePartChars: 64 * 1024 * 1024,
  /** Uncompressed bytes of any one part. */
  partBytes: 2 * 1024 * 1024 * 1024,
} as const;

export class Package {
  private constructor(
    readonly name: string,
    private readonly entries: Entry[],
    private readonly byName: Map<string, FileEntry>,
  ) {}

  static async open(bytes: Uint8Array, name: string): Promise<Package> {
    let entries: Entry[];
    try {
      entries = await new ZipReader(new Uint8ArrayReader(bytes)).getEntries();
    } catch (error) {
      throw new XlsxError(`${name} is not an .xlsx file (not a zip package: ${(error as Error).message}).`);
    }
    const byName = new Map<string, FileEntry>();
    for (const e of entries) {
      if (e.directory) continue;
      if (e.encrypted) throw new XlsxError(`${name} is encrypted; gpu-cost reads unprotected files only.`);
      if (e.uncompressedSize > LIMITS.partBytes) {
        throw new XlsxError(`${name}: part ${e.filename} is larger than ${LIMITS.partBytes / 2 ** 30} GB; refused.`);
      }
      byName.set(e.filename, e);
    }
    return new Package(name, entries, byName);
  }

  has(part: string): boolean {
    return this.byName.has(part);
  }

  parts(): string[] {
    return [...this.byName.keys()];
  }

  private entry(part: string): FileEntry {
    const e = this.byName.get(part);
    if (!e) throw new XlsxError(`${this.name} has no part ${part}.`);
    return e;
  }

  /** A small part as text (BOM kept, as the streamed reader keeps it). */
  async text(part: string): Promise<string> {
    const e = this.entry(part);
    if (e.uncompressedSize > LIMITS.wholePartChars) {
      throw new XlsxError(`${this.name}: part ${part} is too large (${e.uncompressedSize} bytes) to read whole.`);
    }
    try {
      return await e.getData(new TextWriter(), { checkCrc32: true });
    } catch (error) {
      throw new XlsxError(`${this.name}: part ${part} cannot be read: ${(error as Error).message}.`);
    }
  }

  /**
   * Streams a part as text to `onText`, chunk by chunk, in order. The text is the part's UTF-8
   * decoded exactly (a byte-order mark kept as U+FEFF), so offsets computed in one pass hold in
   * the next. `onText` may throw to stop reading.
   */
  async stream(part: string, onText: (text: string) => void): Promise<void> {
    const e = this.entry(part);
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true });
    let failure: unknown;
    const sink = new WritableStream<Uint8Array>({
      write(chunk) {
        try {
          onText(decoder.decode(chunk, { stream: true }));
        } catch (error) {
          failure = error;
          throw error;
        }
      },
      close() {
        try {
          const rest = decoder.decode();
          if (rest) onText(rest);
        } catch (error) {
          failure = error;
          throw error;
        }
      },
    });
    try {
      await e.getData(sink, { checkCrc32: true });
    } catch (error) {
      if (failure !== undefined) throw failure instanceof XlsxError ? failure : wrap(this.name, part, failure);
      throw wrap(this.name, part, error);
    }
    if (failure !== undefined) throw failure;
  }

  /**
   * Writes the package to `sink`: every entry in its original order, those named in `replace`
   * with the text their producer writes (compressed anew), all others with their stored bytes;
   * then the new parts of `add`, in order (a name the package has already is refused).
   */
  async write(
    sink: WritableStream<Uint8Array>,
    replace: ReadonlyMap<string, (emit: (text: string) => void) => Promise<void>>,
    add: readonly { readonly name: string; readonly text: string }[] = [],
  ): Promise<void> {
    for (const part of add) {
      if (this.byName.has(part.name) || add.filter((p) => p.name === part.name).length > 1) {
        throw new XlsxError(`${this.name}: cannot add part ${part.name}: it exists already.`);
      }
    }
    const writer = new ZipWriter(sink, { keepOrder: true });
    for (const e of this.entries) {
      if (e.directory) {
        await writer.add(e.filename, undefined, { directory: true, entry: e });
        continue;
      }
      const produce = replace.get(e.filename);
      if (produce) {
        // Many small pieces of text, encoded in batches of about 1 MB (a Blob of 100,000 parts reads slowly).
        const chunks: Uint8Array<ArrayBuffer>[] = [];
        const encoder = new TextEncoder();
        let pending: string[] = [];
        let size = 0;
        const flush = () => {
          if (pending.length) chunks.push(encoder.encode(pending.join("")));
          pending = [];
          size = 0;
        };
        await produce((text) => {
          if (!text) return;
          pending.push(text);
          size += text.length;
          if (size >= 1 << 20) flush();
        });
        flush();
        await writer.add(e.filename, new BlobReader(new Blob(chunks)), { level: 6, entry: e });
      } else {
        const raw = await e.getData(new Uint8ArrayWriter(), { passThrough: true });
        await writer.add(e.filename, new Uint8ArrayReader(raw), { passThrough: true, entry: e });
      }
    }
    const encoder = new TextEncoder();
    for (const part of add) {
      await writer.add(part.name, new Uint8ArrayReader(encoder.encode(part.text)), { level: 6 });
    }
    await writer.close();
  }

  /** The stored (compressed) bytes of a part, for byte-for-byte comparisons. */
  async rawBytes(part: string): Promise<Uint8Array> {
    return this.entry(part).getData(new Uint8ArrayWriter(), { passThrough: true });
  }

  /** Entry names in stored order, directories included. */
  order(): string[] {
    return this.entries.map((e) => e.filename);
  }
}

function wrap(name: string, part: string, error: unknown): XlsxError {
  const detail = error instanceof Error ? error.message : String(error);
  return new XlsxError(`${name}: part ${part} cannot be read: ${detail.replace(/\s+/g, " ")}.`);
}
