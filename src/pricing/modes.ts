import { PRECISIONS, RENT_MODES, type Precision, type RentMode } from "./book/types";
import { listOf, quote } from "./closest";
import { invalid } from "./errors";

/** How compute is paid for: owned ("capex" alone or all-in "buy"), rented, or a custom rate. */
export type Pricing =
  | { readonly kind: "capex" }
  | { readonly kind: "buy" }
  | { readonly kind: "rent"; readonly mode: RentMode }
  /** A negotiated price in USD per GPU-hour. */
  | { readonly kind: "rate"; readonly usdPerGpuHour: number };

export const OWN_MODES = ["capex", "buy"] as const;
export const PRICING_MODES: readonly string[] = [...OWN_MODES, ...RENT_MODES];

/**
 * Reads a `pricing` argument: a mode name in any case, or a number (USD per GPU-hour).
 * parsePricing("Reserved3Y") = { kind: "rent", mode: "reserved3y" }.
 */
export function parsePricing(value: string | number): Pricing {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) {
      throw invalid(`pricing as a number is a price in USD per GPU-hour and must be 0 or more; got ${value}.`);
    }
    return { kind: "rate", usdPerGpuHour: value };
  }
  const mode = value.trim().toLowerCase();
  if (mode === "capex" || mode === "buy") return { kind: mode };
  if ((RENT_MODES as readonly string[]).includes(mode)) return { kind: "rent", mode: mode as RentMode };
  throw invalid(`Unknown pricing ${quote(value)}. Use ${listOf(PRICING_MODES)}, or a price in USD per GPU-hour.`);
}

/** Reads a `precision` argument in any case: parsePrecision("FP8") = "fp8". */
export function parsePrecision(value: string): Precision {
  const p = value.trim().toLowerCase();
  if ((PRECISIONS as readonly string[]).includes(p)) return p as Precision;
  throw invalid(`Unknown precision ${quote(value)}. Use ${listOf(PRECISIONS)}.`);
}
