/**
 * functions.json, as custom-functions-metadata writes it from the adapters' JSDoc: the one
 * source of every function's parameter positions, names and options. Excel reads it to know
 * how to call each function; so do the CLI and the Node tests.
 */
export interface ParameterMetadata {
  readonly name: string;
  readonly description?: string;
  readonly type: string;
  readonly dimensionality?: string;
  readonly optional?: boolean;
  readonly repeating?: boolean;
}

export interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly parameters: readonly ParameterMetadata[];
  readonly result: { readonly type?: string; readonly dimensionality?: string };
  readonly options?: {
    readonly stream?: boolean;
    readonly cancelable?: boolean;
    readonly volatile?: boolean;
    readonly requiresAddress?: boolean;
  };
}

export class MetadataError extends Error {
  override name = "MetadataError";
}

/**
 * Reads the text of functions.json. Throws a MetadataError naming what is wrong, never returns
 * a half-read list.
 *
 * Example: parseMetadata('{"functions":[{"id":"FLOPS","name":"FLOPS","parameters":[],"result":{}}]}')
 * gives one function, FLOPS, without parameters.
 */
export function parseMetadata(text: string): FunctionMetadata[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new MetadataError(`functions.json is not JSON: ${(error as Error).message}`);
  }
  const functions = (data as { functions?: unknown } | null)?.functions;
  if (!Array.isArray(functions)) throw new MetadataError("functions.json has no functions list.");
  for (const f of functions as Partial<FunctionMetadata>[]) {
    if (typeof f?.id !== "string" || typeof f.name !== "string" || !Array.isArray(f.parameters)) {
      throw new MetadataError(`functions.json: an entry lacks its id, name or parameters (${JSON.stringify(f)}).`);
    }
  }
  return functions as FunctionMetadata[];
}

/** Metadata by upper-case id. */
export function byId(metadata: readonly FunctionMetadata[]): Map<string, FunctionMetadata> {
  return new Map(metadata.map((m) => [m.id.toUpperCase(), m]));
}
