import { boundsProblem, type Assumption } from "../pricing";

/**
 * Reads what a user typed for an assumption. Accepts the ways numbers are written in a finance
 * team ("1,250,000", "1 250 000", "2.5e9", "$98.32", "6%" for a fraction) and refuses anything
 * else, or anything outside the assumption's bounds, with a message that names the unit and
 * the accepted range. Pure: tested in Node.
 */
export type Parsed = { ok: true; value: number } | { ok: false; message: string };

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

export function parseAssumptionInput(text: string, assumption: Assumption): Parsed {
  let t = text
    .trim()
    .replace(/^\$/, "")
    .replace(/[,_\s]/g, "");
  if (t === "") return { ok: false, message: `Enter a number in ${assumption.shipped.unit}.` };
  let scale = 1;
  if (t.endsWith("%")) {
    if (!assumption.shipped.unit.startsWith("fraction")) {
      return {
        ok: false,
        message: `A percentage applies to fractions; ${assumption.label} is in ${assumption.shipped.unit}.`,
      };
    }
    t = t.slice(0, -1);
    scale = 0.01;
  }
  if (!NUMBER.test(t))
    return { ok: false, message: `"${text.trim()}" is not a number. Enter a value in ${assumption.shipped.unit}.` };
  const value = Number(t) * scale;
  const problem = boundsProblem(value, assumption.bounds);
  if (problem) return { ok: false, message: `${assumption.label} ${problem} (${assumption.shipped.unit}).` };
  return { ok: true, value };
}

/** How a value is shown in its input: plain, full precision, no grouping (round-trips). */
export function formatValue(value: number): string {
  return String(value);
}
