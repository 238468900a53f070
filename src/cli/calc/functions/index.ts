import type { FnDef } from "../types";
import { ARRAYS } from "./arrays";
import { CORE } from "./core";
import { LIBRARY } from "./library";
import { LOOKUP } from "./lookup";

/** Every built-in function the engine computes, by upper-case name. */
export const BUILTINS: ReadonlyMap<string, FnDef> = new Map(
  Object.entries({ ...LIBRARY, ...CORE, ...LOOKUP, ...ARRAYS }),
);
