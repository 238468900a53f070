import { constants as fsConstants, promises as fsp } from "node:fs";
import path from "node:path";

/**
 * Writing a file atomically: the bytes go to a temporary file beside the target, are flushed to
 * disk (fsync), and the temporary file is renamed over the target. A failure at any step leaves
 * the target as it was (the input file too, when the target is the input) and removes the
 * temporary file; it is reported as one line (OutputError), never a stack trace.
 */
export class OutputError extends Error {
  override name = "OutputError";
}

/** The file-system calls the writer makes; tests inject failing ones (ENOSPC, EACCES...). */
export interface OutputFs {
  stat(p: string): Promise<{ isDirectory(): boolean }>;
  open(
    p: string,
  ): Promise<{ write(data: Uint8Array): Promise<unknown>; sync(): Promise<void>; close(): Promise<void> }>;
  rename(from: string, to: string): Promise<void>;
  unlink(p: string): Promise<void>;
}

export const nodeFs: OutputFs = {
  stat: (p) => fsp.stat(p),
  open: (p) => fsp.open(p, fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY, 0o644),
  rename: (a, b) => fsp.rename(a, b),
  unlink: (p) => fsp.unlink(p),
};

/** A file-system error in words: what failed, where, and why. */
export function describeFsError(error: unknown, target: string): string {
  const e = error as NodeJS.ErrnoException;
  const why: Record<string, string> = {
    ENOSPC: "no space left on the device",
    EDQUOT: "the disk quota is exhausted",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EROFS: "the file system is read-only",
    EISDIR: "it is a folder",
    ENOTDIR: "a part of the path is not a folder",
    ENOENT: "the folder does not exist",
    EMFILE: "too many open files",
    EIO: "an input/output error",
    ENAMETOOLONG: "the name is too long",
  };
  const reason = (e?.code && why[e.code]) ?? (e?.message ?? String(error)).replace(/\s+/g, " ");
  return `cannot write ${target}: ${reason}${e?.code ? ` (${e.code})` : ""}.`;
}

export async function writeAtomically(
  target: string,
  produce: (sink: WritableStream<Uint8Array>) => Promise<void>,
  fs: OutputFs = nodeFs,
): Promise<void> {
  const full = path.resolve(target);
  const dir = path.dirname(full);
  try {
    if (!(await fs.stat(dir)).isDirectory()) throw new OutputError(`cannot write ${target}: ${dir} is not a folder.`);
  } catch (error) {
    if (error instanceof OutputError) throw error;
    throw new OutputError(`cannot write ${target}: the folder ${dir} does not exist.`);
  }
  let isFolder = false;
  try {
    isFolder = (await fs.stat(full)).isDirectory();
  } catch {
    // no file yet: it will be created
  }
  if (isFolder) throw new OutputError(`cannot write ${target}: it is a folder.`);
  const temp = path.join(dir, `.${path.basename(full)}.${process.pid}.${Date.now().toString(36)}.gpu-cost.tmp`);
  let handle: Awaited<ReturnType<OutputFs["open"]>>;
  try {
    handle = await fs.open(temp);
  } catch (error) {
    throw new OutputError(describeFsError(error, target));
  }
  let closed = false;
  try {
    const sink = new WritableStream<Uint8Array>({ write: async (chunk) => void (await handle.write(chunk)) });
    await produce(sink);
    await handle.sync();
    closed = true;
    await handle.close();
    await fs.rename(temp, full);
  } catch (error) {
    if (!closed) await handle.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    if (error instanceof OutputError) throw error;
    throw new OutputError(describeFsError(error, target));
  }
}
