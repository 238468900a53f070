import { SETTINGS_KEY } from "../store/document";
import { readCells, recalculate, type Env, type LoadedCells, type RecalcResult } from "./calc/engine";
import { writeSheet } from "./xlsx/sheet";
import { readStoredSetting, readWorkbookInfo } from "./xlsx/workbook";
import { Package } from "./xlsx/zip";

/**
 * `gpu-cost recalc` on a package: read it (streaming, nothing modelled beyond cells and names),
 * recalculate, and write a copy in which only the recalculated sheets' changed cells differ.
 */
export interface OpenedWorkbook {
  readonly pkg: Package;
  readonly cells: LoadedCells;
  /** The add-in's stored assumptions document, as the task pane saved it; undefined if none. */
  readonly storedAssumptions: string | undefined;
}

export async function openWorkbook(bytes: Uint8Array, name: string): Promise<OpenedWorkbook> {
  const pkg = await Package.open(bytes, name);
  const info = await readWorkbookInfo(pkg);
  const storedAssumptions = await readStoredSetting(pkg, SETTINGS_KEY);
  const cells = await readCells(pkg, info);
  return { pkg, cells, storedAssumptions };
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
