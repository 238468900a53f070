import { CellError, type CellResult } from "./host";

/** How the CLI prints values: numbers in full, errors as code and message, spills as tables. */
export function formatScalar(value: unknown): string {
  if (value instanceof CellError) return value.message ? `${value.code} ${value.message}` : value.code;
  if (value && typeof value === "object" && "error" in value) return String((value as { error: string }).error);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
  return String(value ?? "");
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

export function formatResult(result: CellResult): string {
  return Array.isArray(result) ? formatTable(result) : formatScalar(result);
}
