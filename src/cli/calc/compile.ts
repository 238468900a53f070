import { parse, parseR1C1Ref, tokenize, translateFormulaToR1C1 } from "@borgar/fx";
import { ErrorCode, ExcelError, isErrorCode } from "../../runtime";
import { BUILTINS } from "./functions";
import { MAX_COLS, MAX_ROWS, NotReady, State, Unsupported, type Sheet } from "./model";
import type { Ctx, FnDef, Kind, Out } from "./types";
import {
  NA,
  REF,
  Ref,
  Union,
  VALUE,
  broadcast,
  collapse,
  compare,
  err,
  finite,
  isError,
  toNumber,
  toText,
  type Matrix,
  type Scalar,
  type Value,
} from "./values";

/**
 * Formulas to closures. The text is parsed once per shape by @borgar/fx (MIT, maintained: a
 * tokenizer and parser of Excel's grammar), in R1C1 form, so every cell of a filled-down or
 * shared formula reuses one compiled closure with its own position. The closures follow Excel:
 *
 * - A plain formula evaluates references in scalar places by implicit intersection with its
 *   own row or column, and shows the first value of an array (pre-dynamic-array semantics, as
 *   Excel keeps for formulas saved without array metadata).
 * - An array formula (legacy Ctrl+Shift+Enter, or dynamic arrays) evaluates element-wise and
 *   lifts scalar functions over arrays; so does any argument of an array parameter (SUMPRODUCT).
 * - LET binds names in a scope; references stay references until a value is needed.
 * - A closure returns a value, or a promise when a custom function (GPU.*) is involved.
 */

/** A reference written in a formula, relative to the formula's cell when not absolute. */
export interface StaticRef {
  readonly sheet: string | undefined;
  readonly r0: number | null;
  readonly c0: number | null;
  readonly r1: number | null;
  readonly c1: number | null;
  readonly $r0: boolean;
  readonly $c0: boolean;
  readonly $r1: boolean;
  readonly $c1: boolean;
}

export interface CompiledFormula {
  /** Evaluates at ctx's cell: a value or a matrix (array formulas), or a promise of one. */
  readonly run: (ctx: Ctx) => Scalar | Matrix | Promise<Scalar | Matrix>;
  /** References written in the formula, for dependency order. */
  readonly refs: readonly StaticRef[];
  /** Defined names it uses (not LET's). */
  readonly names: readonly { name: string; sheet: string | undefined }[];
  /** Why it cannot be computed, when it cannot. */
  readonly unsupported: string | undefined;
  /** The text is not a formula Excel would accept (as opposed to one gpu-cost does not compute). */
  readonly invalid: boolean;
  /** It uses INDIRECT, OFFSET or a spill reference: what it reads is known only when evaluated. */
  readonly dynamic: boolean;
}

export class CompileError extends Error {
  constructor(
    message: string,
    /** The formula is valid Excel, but gpu-cost does not compute it. */
    readonly unsupported: boolean,
  ) {
    super(message);
  }
}

type Ev = (ctx: Ctx) => Out;

const isP = (v: unknown): v is Promise<Value> => v instanceof Promise;

export function then1(a: Out, f: (a: Value) => Out): Out {
  return isP(a) ? a.then(f) : f(a);
}

export function thenAll(list: Out[], f: (vals: Value[]) => Out): Out {
  for (const v of list) if (isP(v)) return Promise.all(list).then(f);
  return f(list as Value[]);
}

/**
 * The formula as fx reads it: no "=", no file-format prefixes (_xlfn., _xlws., _xlpm. for LET
 * names), add-in functions as GPU.NAME (files may store _xldudf_GPU_NAME), outside strings only.
 */
export function normalizeFormula(text: string): string {
  const t = text.trim().replace(/^=/, "");
  if (!/_xl|_XL/.test(t)) return t;
  return t
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/_xldudf_GPU_([A-Z0-9]+)\s*\(/gi, "GPU.$1(")
            .replace(/\b_xlfn\.SINGLE\(/gi, "SINGLE(")
            .replace(/\b_xlfn\.ANCHORARRAY\(/gi, "ANCHORARRAY(")
            .replace(/\b_xl(fn|ws|pm)\./gi, ""),
    )
    .join('"');
}

interface Compilation {
  refs: StaticRef[];
  names: { name: string; sheet: string | undefined }[];
  dynamic: boolean;
  scopes: Map<string, number>[];
  slotCount: number;
}

/** A row or column of a reference at a cell: absolute, or relative to it; null for whole columns/rows. */
function coord(v: number | null, abs: boolean, at: number): number | null {
  if (v === null) return null;
  return abs ? v + 1 : at + v;
}

/** The absolute area of a static reference at (row, col); undefined when off the sheet. */
export function areaAt(
  ref: StaticRef,
  row: number,
  col: number,
): { r0: number; c0: number; r1: number; c1: number } | undefined {
  const r0 = coord(ref.r0, ref.$r0, row) ?? 1;
  const r1 = coord(ref.r1, ref.$r1, row) ?? MAX_ROWS;
  const c0 = coord(ref.c0, ref.$c0, col) ?? 1;
  const c1 = coord(ref.c1, ref.$c1, col) ?? MAX_COLS;
  const a = { r0: Math.min(r0, r1), r1: Math.max(r0, r1), c0: Math.min(c0, c1), c1: Math.max(c0, c1) };
  if (a.r0 < 1 || a.c0 < 1 || a.r1 > MAX_ROWS || a.c1 > MAX_COLS) return undefined;
  return a;
}

function sheetOf(ctx: Ctx, name: string | undefined): Sheet | undefined {
  return name === undefined ? ctx.sheet : ctx.wb.sheet(name);
}

/** A reference's single value at the formula's cell: Excel's implicit intersection. */
export function intersect(ref: Ref, ctx: Ctx): Scalar {
  if (ref.isCell) return ctx.wb.cell(ref.sheet as Sheet, ref.r0, ref.c0, ctx.cell);
  let row: number;
  let col: number;
  if (ref.c0 === ref.c1) {
    if (ctx.row < ref.r0 || ctx.row > ref.r1) return VALUE("The range does not meet the formula's row.");
    row = ctx.row;
    col = ref.c0;
  } else if (ref.r0 === ref.r1) {
    if (ctx.col < ref.c0 || ctx.col > ref.c1) return VALUE("The range does not meet the formula's column.");
    row = ref.r0;
    col = ctx.col;
  } else {
    if (ctx.row < ref.r0 || ctx.row > ref.r1 || ctx.col < ref.c0 || ctx.col > ref.c1) {
      return VALUE("The range does not contain the formula's cell.");
    }
    row = ctx.row;
    col = ctx.col;
  }
  return ctx.wb.cell(ref.sheet as Sheet, row, col, ctx.cell);
}

/** A value where one value is expected: refs intersected (plain) or read whole (array). */
export function operand(v: Value, array: boolean, ctx: Ctx): Scalar | Matrix {
  if (v instanceof Ref) return array ? collapse(ctx.wb.values(v, ctx.cell)) : intersect(v, ctx);
  if (v instanceof Union) return VALUE("A union of ranges is not a value.");
  if (Array.isArray(v)) return array ? v : v[0]![0]!;
  return v;
}

/** Values of an array argument: a matrix (a scalar as 1x1). */
export function arrayArg(v: Value, ctx: Ctx): Matrix | ExcelError {
  if (v instanceof Ref) return ctx.wb.values(v, ctx.cell);
  if (v instanceof Union) return VALUE("A union of ranges cannot be an array.");
  if (Array.isArray(v)) return v;
  return [[v]];
}

const ARITH: Record<string, (x: number, y: number) => number | ExcelError> = {
  "+": (x, y) => finite(x + y),
  "-": (x, y) => finite(x - y),
  "*": (x, y) => finite(x * y),
  "/": (x, y) => (y === 0 ? err(ErrorCode.divisionByZero) : finite(x / y)),
  "^": (x, y) => {
    if (x === 0 && y === 0) return err(ErrorCode.invalidNumber);
    if (x === 0 && y < 0) return err(ErrorCode.divisionByZero);
    return finite(Math.pow(x, y));
  },
};

function arith(op: string): (a: Scalar, b: Scalar) => Scalar {
  const f = ARITH[op]!;
  return (a, b) => {
    const x = toNumber(a);
    if (isError(x)) return x;
    const y = toNumber(b);
    if (isError(y)) return y;
    return f(x, y);
  };
}

const COMPARE: Record<string, (c: number) => boolean> = {
  "=": (c) => c === 0,
  "<>": (c) => c !== 0,
  "<": (c) => c < 0,
  ">": (c) => c > 0,
  "<=": (c) => c <= 0,
  ">=": (c) => c >= 0,
};

function comparison(op: string): (a: Scalar, b: Scalar) => Scalar {
  const test = COMPARE[op]!;
  return (a, b) => {
    if (isError(a)) return a;
    if (isError(b)) return b;
    return test(compare(a, b));
  };
}

const concat = (a: Scalar, b: Scalar): Scalar => {
  const x = toText(a);
  if (isError(x)) return x;
  const y = toText(b);
  if (isError(y)) return y;
  return x + y;
};

/** The bounding reference of two references on one sheet (the ":" operator). */
function rangeOp(a: Value, b: Value): Value {
  if (!(a instanceof Ref) || !(b instanceof Ref)) return VALUE("The : operator joins references only.");
  if (a.sheet !== b.sheet) return REF("A range cannot span two sheets.");
  return new Ref(a.sheet, Math.min(a.r0, b.r0), Math.min(a.c0, b.c0), Math.max(a.r1, b.r1), Math.max(a.c1, b.c1));
}

function intersectOp(a: Value, b: Value): Value {
  if (!(a instanceof Ref) || !(b instanceof Ref)) return VALUE("The intersection operator takes references.");
  const r0 = Math.max(a.r0, b.r0);
  const r1 = Math.min(a.r1, b.r1);
  const c0 = Math.max(a.c0, b.c0);
  const c1 = Math.min(a.c1, b.c1);
  if (a.sheet !== b.sheet || r0 > r1 || c0 > c1) return err(ErrorCode.nullReference);
  return new Ref(a.sheet, r0, c0, r1, c1);
}

function unionOp(a: Value, b: Value): Value {
  const refs = (v: Value): Ref[] | undefined => (v instanceof Ref ? [v] : v instanceof Union ? [...v.refs] : undefined);
  const x = refs(a);
  const y = refs(b);
  if (!x || !y) return VALUE("The union operator takes references.");
  return new Union([...x, ...y]);
}

/** The area a dynamic array at `ref` spills to now (the `#` operator). */
function spillRef(v: Value, ctx: Ctx): Value {
  if (!(v instanceof Ref) || !v.isCell) return REF("# follows a cell holding a dynamic array.");
  const owner = (v.sheet as Sheet).owner(v.r0, v.c0);
  if (owner && owner !== ctx.cell && owner.state !== State.Done) throw new NotReady(owner);
  if (!owner || owner.row !== v.r0 || owner.col !== v.c0 || owner.mode !== "dynamic" || !owner.spill) {
    return REF(`There is no spilled array at ${owner?.address ?? "that cell"}.`);
  }
  const s = owner.spill;
  return new Ref(v.sheet, s.r0, s.c0, s.r1, s.c1);
}

interface Node {
  type: string;
  [k: string]: any;
}

class Compiler {
  readonly c: Compilation = { refs: [], names: [], dynamic: false, scopes: [], slotCount: 0 };

  compile(node: Node | null, array: boolean): Ev {
    if (node === null) return () => undefined as unknown as Value; // an omitted argument
    switch (node.type) {
      case "Literal": {
        const v = node.value as Scalar;
        return () => v;
      }
      case "ErrorLiteral": {
        const code = String(node.value).toUpperCase();
        const e = new ExcelError(isErrorCode(code) ? code : ErrorCode.invalidValue);
        return () => e;
      }
      case "ReferenceIdentifier":
        return this.reference(node);
      case "ArrayExpression": {
        const m: Matrix = (node.elements as Node[][]).map((row) =>
          row.map((el) => {
            if (el.type === "Literal") return el.value as Scalar;
            if (el.type === "ErrorLiteral") {
              const code = String(el.value).toUpperCase();
              return new ExcelError(isErrorCode(code) ? code : ErrorCode.invalidValue);
            }
            throw new CompileError("An array constant holds only numbers, text, booleans and errors.", false);
          }),
        );
        if (m.some((r) => r.length !== m[0]!.length))
          throw new CompileError("An array constant must be a rectangle.", false);
        return () => m;
      }
      case "UnaryExpression":
        return this.unary(node, array);
      case "BinaryExpression":
        return this.binary(node, array);
      case "CallExpression":
        return this.call(String(node.callee.name), node.arguments as (Node | null)[], array);
      case "LetExpression":
        return this.let(node, array);
      case "LambdaExpression":
        throw new CompileError("LAMBDA is not a function gpu-cost computes.", true);
      default:
        throw new CompileError(`Unknown formula element ${node.type}.`, false);
    }
  }

  private reference(node: Node): Ev {
    const text = String(node.value);
    if (node.kind === "table") throw new CompileError(`Structured table references (${text}) are not computed.`, true);
    if (node.kind === "name") {
      const parsed = parseR1C1Ref(text) as { context?: string[]; name?: string } | undefined;
      const sheet = parsed?.context?.[0];
      if ((parsed?.context?.length ?? 0) > 1) throw new CompileError(`${text} refers to another workbook.`, true);
      const name = parsed?.name ?? text;
      if (sheet === undefined) {
        for (let i = this.c.scopes.length - 1; i >= 0; i--) {
          const slot = this.c.scopes[i]!.get(name.toUpperCase());
          if (slot !== undefined) return (ctx) => ctx.locals![slot]!;
        }
      }
      this.c.names.push({ name, sheet });
      return (ctx) => {
        const scope = sheet === undefined ? undefined : ctx.wb.sheet(sheet);
        if (sheet !== undefined && !scope) return REF(`No sheet named "${sheet}".`);
        const def = ctx.wb.name(name, ctx.sheet, scope);
        if (!def) return err(ErrorCode.invalidName, `No name "${name}" is defined.`);
        if (def.unsupported || !def.formula)
          throw new Unsupported(`the name ${name}: ${def.unsupported ?? "not computed"}`);
        return def.formula.run(ctx) as Out;
      };
    }
    const parsed = parseR1C1Ref(text) as
      { context?: string[]; range?: Record<string, number | boolean | null> } | undefined;
    if (!parsed?.range) throw new CompileError(`${text} is not a reference.`, false);
    const context = parsed.context ?? [];
    if (context.length > 1) throw new CompileError(`${text} refers to another workbook (an external link).`, true);
    const sheet = context[0];
    if (sheet !== undefined && sheet.includes(":"))
      throw new CompileError(`3-D references (${text}) are not computed.`, true);
    const r = parsed.range;
    const ref: StaticRef = {
      sheet,
      r0: r.r0 as number | null,
      c0: r.c0 as number | null,
      r1: r.r1 as number | null,
      c1: r.c1 as number | null,
      $r0: !!r.$r0,
      $c0: !!r.$c0,
      $r1: !!r.$r1,
      $c1: !!r.$c1,
    };
    this.c.refs.push(ref);
    return (ctx) => {
      const s = sheetOf(ctx, sheet);
      if (!s) return REF(`No sheet named "${sheet}".`);
      const a = areaAt(ref, ctx.row, ctx.col);
      if (!a) return REF("The reference falls off the sheet.");
      return new Ref(s, a.r0, a.c0, a.r1, a.c1);
    };
  }

  private unary(node: Node, array: boolean): Ev {
    const op = node.operator as string;
    const arg = this.compile(node.arguments[0] as Node, op === "#" || op === "@" ? true : array);
    switch (op) {
      case "-":
        return (ctx) =>
          then1(arg(ctx), (v) =>
            broadcast(operand(v, array, ctx), 0, (x) => {
              const n = toNumber(x);
              return isError(n) ? n : n === 0 ? 0 : -n;
            }),
          );
      case "+":
        return (ctx) => then1(arg(ctx), (v) => operand(v, array, ctx));
      case "%":
        return (ctx) =>
          then1(arg(ctx), (v) =>
            broadcast(operand(v, array, ctx), 0, (x) => {
              const n = toNumber(x);
              return isError(n) ? n : n / 100;
            }),
          );
      case "#":
        this.c.dynamic = true;
        return (ctx) => then1(arg(ctx), (v) => spillRef(v, ctx));
      case "@":
        return (ctx) =>
          then1(arg(ctx), (v) => (v instanceof Ref ? intersect(v, ctx) : Array.isArray(v) ? v[0]![0]! : v));
      default:
        throw new CompileError(`Unknown operator ${op}.`, false);
    }
  }

  private binary(node: Node, array: boolean): Ev {
    const op = node.operator as string;
    const [l, r] = node.arguments as Node[];
    const refOp = op === ":" || op === " " || op === ",";
    const a = this.compile(l!, refOp ? true : array);
    const b = this.compile(r!, refOp ? true : array);
    if (op === ":") return (ctx) => thenAll([a(ctx), b(ctx)], ([x, y]) => rangeOp(x!, y!));
    if (op === " ") return (ctx) => thenAll([a(ctx), b(ctx)], ([x, y]) => intersectOp(x!, y!));
    if (op === ",") return (ctx) => thenAll([a(ctx), b(ctx)], ([x, y]) => unionOp(x!, y!));
    const f = op in ARITH ? arith(op) : op in COMPARE ? comparison(op) : op === "&" ? concat : undefined;
    if (!f) throw new CompileError(`Unknown operator ${op}.`, false);
    return (ctx) => {
      const x = a(ctx);
      const y = b(ctx);
      if (isP(x) || isP(y)) {
        return Promise.all([x, y]).then(([p, q]) => broadcast(operand(p, array, ctx), operand(q, array, ctx), f));
      }
      return broadcast(operand(x, array, ctx), operand(y, array, ctx), f);
    };
  }

  private let(node: Node, array: boolean): Ev {
    const scope = new Map<string, number>();
    this.c.scopes.push(scope);
    const steps: { slot: number; ev: Ev }[] = [];
    for (const d of node.declarations as Node[]) {
      const name = String(d.id.name)
        .replace(/^_xlpm\./i, "")
        .toUpperCase();
      const ev = this.compile(d.init as Node, array);
      const slot = this.c.slotCount++;
      scope.set(name, slot); // visible to the next declarations and the body
      steps.push({ slot, ev });
    }
    if (!node.body) throw new CompileError("LET needs a calculation after its names.", false);
    const body = this.compile(node.body as Node, array);
    this.c.scopes.pop();
    return (ctx) => {
      ctx.locals ??= [];
      const locals = ctx.locals;
      const run = (i: number): Out => {
        for (; i < steps.length; i++) {
          const step = steps[i]!;
          const v = step.ev(ctx);
          if (isP(v)) {
            const next = i + 1;
            return v.then((value) => {
              locals[step.slot] = value;
              return run(next);
            });
          }
          locals[step.slot] = v;
        }
        return body(ctx);
      };
      return run(0);
    };
  }

  private call(rawName: string, args: (Node | null)[], array: boolean): Ev {
    const name = rawName.toUpperCase();
    if (name.startsWith("GPU.")) return this.custom(name, args, array);
    const def = BUILTINS.get(name);
    if (!def) throw new CompileError(`${name} is not a function gpu-cost computes.`, true);
    if (args.length < def.min || args.length > def.max) {
      throw new CompileError(
        `${name} takes ${def.min === def.max ? def.min : `${def.min} to ${def.max === Infinity ? "any number of" : def.max}`} arguments; got ${args.length}.`,
        false,
      );
    }
    if (def.volatile && (name === "INDIRECT" || name === "OFFSET")) this.c.dynamic = true;
    const kinds = args.map((_, i) => def.kinds[Math.min(i, def.kinds.length - 1)]!);
    const evs = args.map((node, i) => this.compile(node, kinds[i] === "array" ? true : array));
    return (ctx) => {
      const raw: Out[] = new Array(evs.length);
      let async = false;
      for (let i = 0; i < evs.length; i++) {
        if (kinds[i] === "lazy") {
          const ev = evs[i]!;
          raw[i] = (() => ev(ctx)) as unknown as Value;
        } else {
          const v = evs[i]!(ctx);
          if (isP(v)) async = true;
          raw[i] = v;
        }
      }
      if (async) return Promise.all(raw).then((vals) => apply(def, kinds, vals, array, ctx));
      return apply(def, kinds, raw as Value[], array, ctx);
    };
  }

  private custom(name: string, args: (Node | null)[], array: boolean): Ev {
    const evs = args.map((node) => this.compile(node, array));
    const id = name.slice("GPU.".length);
    return (ctx) => {
      const fn = ctx.env.customFunction(id);
      if (!fn) throw new Unsupported(`${name} is not a function of this add-in`);
      const raw = evs.map((ev) => ev(ctx));
      const go = (vals: Value[]): Out => {
        const prepared: unknown[] = vals.map((v, i) => {
          if (v === undefined) return undefined;
          if (fn.matrix[i]) return matrixForCustom(v, ctx);
          const s = operand(v, array, ctx);
          return Array.isArray(s) ? s.map((row) => row.map((x) => x)) : s;
        });
        for (const p of prepared) if (isError(p)) return p;
        return fn.call(prepared, ctx.cell?.address);
      };
      return thenAll(raw, go);
    };
  }
}

/** A range argument of a custom function: values, empty cells as null (Excel on the web). */
function matrixForCustom(v: Value, ctx: Ctx): unknown {
  const m = arrayArg(v, ctx);
  return m;
}

/** Prepares arguments by kind, propagates errors, lifts scalar functions over arrays, and calls. */
function apply(def: FnDef, kinds: Kind[], vals: Value[], array: boolean, ctx: Ctx): Out {
  const args: unknown[] = new Array(vals.length);
  let lift = -1;
  for (let i = 0; i < vals.length; i++) {
    const v = vals[i];
    const kind = kinds[i]!;
    if (v === undefined || kind === "lazy" || kind === "any" || kind === "ref") {
      args[i] = v;
      continue;
    }
    if (kind === "array") {
      args[i] = arrayArg(v, ctx);
      continue;
    }
    const s = operand(v, array, ctx);
    if (Array.isArray(s)) lift = i;
    else if (isError(s) && !def.passErrors) return s;
    args[i] = s;
  }
  if (lift < 0 || def.noLift) return def.impl(args, ctx);
  // Lifting: call per element of the array arguments (broadcast), as Excel does for scalar params.
  let rows = 1;
  let cols = 1;
  for (let i = 0; i < args.length; i++) {
    if (kinds[i] === "scalar" && Array.isArray(args[i])) {
      const m = args[i] as Matrix;
      rows = Math.max(rows, m.length);
      cols = Math.max(cols, m[0]!.length);
    }
  }
  const out: Matrix = [];
  for (let r = 0; r < rows; r++) {
    const row: Scalar[] = [];
    for (let c = 0; c < cols; c++) {
      const element = args.map((a, i) => {
        if (kinds[i] !== "scalar" || !Array.isArray(a)) return a;
        const m = a as Matrix;
        const rr = m.length === 1 ? 0 : r;
        const cc = m[0]!.length === 1 ? 0 : c;
        return rr < m.length && cc < m[0]!.length ? m[rr]![cc]! : NA();
      });
      const bad = def.passErrors ? undefined : element.find((e, i) => kinds[i] === "scalar" && isError(e));
      if (bad) {
        row.push(bad as ExcelError);
        continue;
      }
      const v = def.impl(element, ctx);
      if (isP(v)) throw new Unsupported("an asynchronous function inside an array");
      row.push(firstValue(v, ctx));
    }
    out.push(row);
  }
  return out;
}

/** One value of a result: a reference's single value, an array's first element. */
export function firstValue(v: Value, ctx: Ctx): Scalar {
  if (v instanceof Ref) return v.isCell ? ctx.wb.cell(v.sheet as Sheet, v.r0, v.c0, ctx.cell) : intersect(v, ctx);
  if (v instanceof Union) return VALUE();
  if (Array.isArray(v)) return v[0]![0]!;
  return v === undefined ? null : v;
}

/** What a formula's cell shows: blank as 0; plain formulas one value, array formulas a matrix. */
function finish(v: Value, mode: "single" | "array", ctx: Ctx): Scalar | Matrix {
  if (mode === "single") {
    const s = v instanceof Ref ? intersect(v, ctx) : firstValue(v, ctx);
    return s === null ? 0 : s;
  }
  const m = v instanceof Ref ? ctx.wb.values(v, ctx.cell) : v instanceof Union ? VALUE() : v;
  if (!Array.isArray(m)) return m === null || m === undefined ? 0 : m;
  const out = m.map((row) => row.map((x) => (x === null ? 0 : x)));
  return collapse(out);
}

/** Key of a compiled shape: the formula in R1C1 at its cell, and its evaluation mode. */
const cache = new Map<string, CompiledFormula>();
const MAX_CACHE = 50_000;

const CELL = /(?<![A-Za-z0-9_.$#])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!.])/g;
const BEAM = /(?<![A-Za-z0-9_.$!#])\$?(?:[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\d+:\$?\d+)(?![A-Za-z0-9_(])/;

/**
 * A cache key equal for two formulas exactly when they are the same formula relative to their
 * cells (what R1C1 notation says), computed without tokenizing: string literals kept, every
 * A1 cell reference rewritten relative to (row, col). Undefined when the text has what this
 * scan does not handle (quoted sheet names, structured or external references, whole rows or
 * columns): fx then gives the R1C1 form.
 *
 * Example: "A5*2" at B5 and "A6*2" at B6 share the key "|c-1r0|*2".
 */
export function relativeKey(text: string, row: number, col: number): string | undefined {
  if (text.includes("'") || text.includes("[")) return undefined;
  const parts = text.split('"');
  for (let i = 0; i < parts.length; i += 2) {
    const part = parts[i]!;
    if (BEAM.test(part)) return undefined;
    let bad = false;
    parts[i] = part.replace(CELL, (_m, $c: string, letters: string, $r: string, digits: string) => {
      let c = 0;
      for (let k = 0; k < letters.length; k++) c = c * 26 + (letters.charCodeAt(k) & 31);
      const r = Number(digits);
      if (c > MAX_COLS || r < 1 || r > MAX_ROWS) bad = true;
      return `\u0001${$c ? `C${c}` : `c${c - col}`}${$r ? `R${r}` : `r${r - row}`}\u0001`;
    });
    if (bad) return undefined;
  }
  return parts.join('"');
}

/**
 * Compiles `text` (as stored, without "=") for the cell at (row, col). `mode` "single" for plain
 * formulas, "array" for array and dynamic-array formulas. Never throws: a formula that cannot be
 * computed says why in `unsupported`.
 */
export function compileFormula(text: string, row: number, col: number, mode: "single" | "array"): CompiledFormula {
  const normalized = normalizeFormula(text);
  const fast = relativeKey(normalized, row, col);
  const fastKey = fast === undefined ? undefined : `${mode}|${fast}`;
  if (fastKey !== undefined) {
    const hit = cache.get(fastKey);
    if (hit) return hit;
  }
  let r1c1: string;
  try {
    r1c1 = translateFormulaToR1C1(`=${normalized}`, `${colLetters(col)}${row}`);
  } catch (error) {
    return failed(`The formula does not parse: ${(error as Error).message}`, false);
  }
  const key = `${mode}#${r1c1}`;
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = compileR1C1(r1c1, mode);
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(key, compiled);
  }
  if (fastKey !== undefined) cache.set(fastKey, compiled);
  return compiled;
}

function failed(reason: string, unsupported: boolean): CompiledFormula {
  return {
    run: () => {
      throw new CompileError(reason, unsupported);
    },
    refs: [],
    names: [],
    unsupported: reason,
    invalid: !unsupported,
    dynamic: false,
  };
}

function compileR1C1(r1c1: string, mode: "single" | "array"): CompiledFormula {
  let ast: Node;
  try {
    ast = parse(tokenize(r1c1, { r1c1: true, mergeRefs: true, negativeNumbers: true }) as never, {}) as Node;
  } catch (error) {
    const detail = error instanceof RangeError ? "it is nested too deeply" : (error as Error).message;
    return failed(`The formula does not parse: ${detail}.`, false);
  }
  const compiler = new Compiler();
  let root: Ev;
  try {
    root = compiler.compile(ast, mode === "array");
  } catch (error) {
    if (error instanceof CompileError) return failed(error.message, error.unsupported);
    if (error instanceof RangeError) return failed("The formula is nested too deeply.", false);
    throw error;
  }
  const { refs, names, dynamic } = compiler.c;
  return {
    run: (ctx) => {
      const v = root(ctx);
      return isP(v) ? v.then((x) => finish(x, mode, ctx)) : finish(v, mode, ctx);
    },
    refs,
    names,
    unsupported: undefined,
    invalid: false,
    dynamic,
  };
}

function colLetters(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** Whether `text` parses as a formula (for `gpu-cost eval`'s messages). */
export function parseProblem(text: string): string | undefined {
  const c = compileFormula(text, 1, 1, "array");
  return c.unsupported;
}

export { NA };
