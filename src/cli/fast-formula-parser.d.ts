/** The part of fast-formula-parser's API this project uses (the package ships no types). */
declare module "fast-formula-parser" {
  class FormulaError extends Error {
    constructor(error: string, msg?: string, details?: unknown);
    readonly error: string;
    readonly details?: unknown;
  }
  interface ParserConfig {
    functions?: Record<string, (...args: any[]) => unknown>;
    onCell?: (ref: { sheet: string; row: number; col: number }) => unknown;
    onRange?: (ref: {
      sheet: string;
      from: { row: number; col: number };
      to: { row: number; col: number };
    }) => unknown[][];
    onVariable?: (name: string, sheet: string) => unknown;
  }
  interface Position {
    sheet: string;
    row: number;
    col: number;
  }
  class FormulaParser {
    constructor(config?: ParserConfig);
    parse(formula: string, position: Position, allowReturnArray?: boolean): unknown;
    parseAsync(formula: string, position: Position, allowReturnArray?: boolean): Promise<unknown>;
    static FormulaError: typeof FormulaError;
    static DepParser: typeof DepParser;
  }
  class DepParser {
    constructor(config?: { onVariable?: (name: string, sheet: string) => unknown });
    parse(
      formula: string,
      position: Position,
    ): (
      | { sheet?: string; row: number; col: number }
      | { sheet?: string; from: { row: number; col: number }; to: { row: number; col: number } }
    )[];
  }
  export default FormulaParser;
  export { FormulaError, DepParser };
}
