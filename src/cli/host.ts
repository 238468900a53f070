import { readFileSync } from "node:fs";
import path from "node:path";
import { FunctionHost, cellValue, invoke, parseMetadata } from "../runtime";
import type { CustomFunction, Env } from "./calc/types";
import type { Value } from "./calc/values";

/**
 * Excel's custom-functions runtime for the gpu-cost bundle: src/runtime's host, installed as the
 * global `CustomFunctions` before the adapters load (this module comes first in the bundle), so
 * their generated `CustomFunctions.associate` calls register here. Calls go by the positions of
 * functions.json, which the CLI build writes beside the bundle (dist/cli/functions.json).
 */
export const host = new FunctionHost();
(globalThis as { CustomFunctions?: unknown }).CustomFunctions = host.customFunctions;

/** Reads functions.json from beside the bundle (or `file`). */
export function loadMetadata(file = path.join(__dirname, "functions.json")): void {
  host.useMetadata(parseMetadata(readFileSync(file, "utf8")));
}

/** The formula engine's view of the add-in's functions, computed as Excel would. */
export function customFunctionsEnv(functions: FunctionHost = host, now = excelNow()): Env {
  // One description per function, made on first use (a recalculation calls the same few ids).
  const known = new Map<string, CustomFunction | undefined>();
  const describe = (id: string): CustomFunction | undefined => {
    const meta = functions.metadata(id);
    const fn = functions.adapter(id);
    if (!meta || !fn) return undefined;
    const name = `GPU.${meta.id.toUpperCase()}`;
    return {
      name,
      matrix: meta.parameters.map((p) => p.dimensionality === "matrix"),
      call(args, address) {
        // No timer per call: the scheduler's watchdog ends a stream that never answers.
        return invoke(fn, meta, args, { address }).then((outcome) => cellValue(outcome, name) as Value);
      },
    };
  };
  return {
    now,
    customFunction(id) {
      if (!known.has(id)) known.set(id, describe(id));
      return known.get(id);
    },
  };
}

/** The current date-time as an Excel serial (local time, as Excel's NOW). */
export function excelNow(date = new Date()): number {
  const local = Date.UTC(
    date.getFullYear(),
    date.getMonth(),
    date.getDate(),
    date.getHours(),
    date.getMinutes(),
    date.getSeconds(),
  );
  return (local - Date.UTC(1899, 11, 30)) / 86_400_000;
}
