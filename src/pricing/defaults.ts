/**
 * Defaults of omitted arguments: part of the functions' public contract (documented in the
 * README's function reference), not prices. Prices and rates live in ./book.
 */
export const DEFAULT_GPU = "H100-SXM";
export const DEFAULT_PROVIDER = "aws";
export const DEFAULT_PRICING = "ondemand";
export const DEFAULT_YEARS = 3;
export const DEFAULT_PRECISION = "bf16";
export const DEFAULT_SCALING_LAW = "fixed-tokens";
/** HOURLY counts every paid hour as useful unless told otherwise. */
export const DEFAULT_HOURLY_UTILIZATION = 1;
/** The reference custom accelerator of CHIPROI and CHIPBREAKEVEN (its FLOP/s come from the price book). */
export const CUSTOM_CHIP_MODEL = "MAIA-100";
/** CASHFLOWS's periods unless told otherwise. */
export const DEFAULT_PERIOD = "year";
