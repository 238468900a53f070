import { ExcelError } from "../runtime";
import type { Matrix, Scalar } from "./calc/values";

/** How the CLI prints values: numbers to 12 significant digits, errors as code and message, spills as tables. */
export function formatScalar(value: unknown): string {
  if (value instanceof ExcelError) return value.message ? `${value.code} ${value.message}` : value.code;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
  if (value === null || value === undefined) return "";
  return String(value);
}

/** Rows of cells as aligned columns: text left, numbers right. */
export function formatTable(rows: unknown[][]): string {
  const text = rows.map((r) => r.map(formatScalar));
  const widths: number[] = [];
  for (const r of text) r.forEach((t, i) => (widths[i] = Math.max(widths[i] ?? 0, t.length)));
  return text
    .map((r, ri) =>
      r
        .map((t, i) => (typeof rows[ri]![i] === "number" ? t.padStart(widths[i]!) : t.padEnd(widths[i]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export function formatResult(result: Scalar | Matrix): string {
  return Array.isArray(result) ? formatTable(result) : formatScalar(result);
}

/** A value for --json: numbers, text and booleans as themselves; errors as {error, message}. */
export function jsonValue(value: Scalar | Matrix | undefined): unknown {
  if (Array.isArray(value)) return value.map((row) => row.map((v) => jsonValue(v)));
  if (value instanceof ExcelError) return { error: value.code, message: value.message };
  return value === undefined ? null : value;
}
