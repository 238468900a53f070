/** A workbook that cannot be read or written as asked: one line for the user, exit code 2. */
export class XlsxError extends Error {
  override name = "XlsxError";
}
