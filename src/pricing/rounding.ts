/**
 * Whole units needed for `x` units of work: ceil(x), forgiving the last bits of floating-point
 * noise (0.1 x 3 x 80 = 24.000000000000004 must need 24 nodes, not 25). The tolerance is
 * relative, so a tiny positive need still takes one whole unit.
 */
export function wholeNeeded(x: number): number {
  return Math.ceil(x * (1 - 1e-12));
}
