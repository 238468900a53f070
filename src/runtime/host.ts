import { ErrorCode, ExcelError } from "./errors";
import { invoke, type Adapter, type InvokeOptions, type Outcome } from "./invoke";
import { byId, type FunctionMetadata } from "./metadata";

/**
 * Excel's custom-functions runtime outside Excel: the `CustomFunctions` object the adapters'
 * generated `CustomFunctions.associate(...)` calls register with, and calls by id through
 * functions.json. The CLI installs it on its global object before loading the adapters; the Node
 * tests install it in a `vm` context before running the built dist/functions.js.
 */
export interface CustomFunctionsGlobal {
  associate(idOrMap: string | Record<string, Adapter>, fn?: Adapter): void;
  readonly Error: typeof ExcelError;
  readonly ErrorCode: typeof ErrorCode;
}

export class FunctionHost {
  private readonly registered = new Map<string, Adapter>();
  /** How many times each id was associated (Excel refuses none, but twice is a defect). */
  readonly associations = new Map<string, number>();
  private meta = new Map<string, FunctionMetadata>();

  /** The object to install as `CustomFunctions`. */
  readonly customFunctions: CustomFunctionsGlobal = {
    associate: (idOrMap, fn) => {
      if (typeof idOrMap === "string") this.add(idOrMap, fn!);
      else for (const [id, f] of Object.entries(idOrMap)) this.add(id, f);
    },
    Error: ExcelError,
    ErrorCode,
  };

  private add(id: string, fn: Adapter): void {
    const key = id.toUpperCase();
    this.associations.set(key, (this.associations.get(key) ?? 0) + 1);
    this.registered.set(key, fn);
  }

  /** Gives the host the functions.json it calls by. */
  useMetadata(metadata: readonly FunctionMetadata[]): void {
    this.meta = byId(metadata);
  }

  metadata(id: string): FunctionMetadata | undefined {
    return this.meta.get(id.toUpperCase());
  }

  /** The registered adapter of `id`, or undefined. */
  adapter(id: string): Adapter | undefined {
    return this.registered.get(id.toUpperCase());
  }

  /** Ids both registered and described in functions.json, sorted. */
  ids(): string[] {
    return [...this.registered.keys()].filter((id) => this.meta.has(id)).sort();
  }

  /**
   * Calls `id` as Excel does (see ./invoke): by functions.json's positions, omitted arguments as
   * null, first streamed result. An id that is not registered or not described is #NAME?.
   */
  call(id: string, args: readonly unknown[], options?: InvokeOptions): Promise<Outcome> {
    const fn = this.adapter(id);
    const meta = this.metadata(id);
    if (!fn || !meta) {
      return Promise.resolve({ error: new ExcelError(ErrorCode.invalidName, `Unknown function ${id}.`) });
    }
    return invoke(fn, meta, args, options);
  }
}
