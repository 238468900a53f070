import { readCells, recalculate, type Env, type LoadedCells, type RecalcResult } from "./calc/engine";
import { readPackageAssumptions, type PackageAssumptions } from "./xlsx/assumptions";
import { writeSheet } from "./xlsx/sheet";
import { readWorkbookInfo } from "./xlsx/workbook";
import { Package } from "./xlsx/zip";

/**
 * `gpu-cost recalc` on a package: read it (streaming, nothing modelled beyond cells and names),
 * recalculate, and write a copy in which only the recalculated sheets' changed cells differ.
 */
export interface OpenedWorkbook {
  readonly pkg: Package;
  readonly cells: LoadedCells;
  /**
   * The add-in's assumptions as the workbook stores them: its `GPU Assumptions` sheet, else the
   * 0.1 settings document; neither when the workbook has none.
   */
  readonly assumptions: PackageAssumptions;
}

export async function openWorkbook(bytes: Uint8Array, name: string): Promise<OpenedWorkbook> {
  const pkg = await Package.open(bytes, name);
  const info = await readWorkbookInfo(pkg);
  const cells = await readCells(pkg, info);
  const assumptions = await readPackageAssumptions(pkg, info, cells.sheets);
  return { pkg, cells, assumptions };
}

export function recalcWorkbook(opened: OpenedWorkbook, env: Env): Promise<RecalcResult> {
  return recalculate(opened.cells, env);
}

/** Writes the package with the recalculated values: every part not changed is copied as stored. */
export async function writeWorkbook(
  opened: OpenedWorkbook,
  result: RecalcResult,
  sink: WritableStream<Uint8Array>,
): Promise<void> {
  const replace = new Map<string, (emit: (text: string) => void) => Promise<void>>();
  for (const [index, w] of result.writes) {
    const part = opened.cells.sheets[index]?.part;
    if (!part || w.cells.size === 0) continue;
    replace.set(part, (emit) => writeSheet(opened.pkg, part, w.cells, w.grow, emit));
  }
  await opened.pkg.write(sink, replace);
}
