import { distance } from "fastest-levenshtein";

/**
 * The candidates nearest to what the user typed, for "did you mean" messages: candidates that
 * contain the input (or are contained in it) first, then by edit distance. Only called on the
 * error path, so a linear scan over a few hundred keys is fine.
 */
export function closest(input: string, candidates: Iterable<string>, count = 3): string[] {
  // A pasted paragraph is not a typo: compare its start only, keeping the work bounded.
  const needle = input.slice(0, 64).toLowerCase();
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of candidates) {
    const hay = candidate.toLowerCase();
    const contains = needle.length > 0 && (hay.includes(needle) || needle.includes(hay));
    scored.push({ candidate, score: distance(needle, hay) - (contains ? 1000 : 0) });
  }
  scored.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, count).map((s) => s.candidate);
}

/** "a", "b" or "c": a list of accepted values for an error message. */
export function listOf(values: readonly string[]): string {
  const quoted = values.map((v) => `"${v}"`);
  return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}

/** What the user typed, quoted for a message and cut short if long: "H900", "aaaa...". */
export function quote(text: string, max = 40): string {
  return `"${text.length > max ? `${text.slice(0, max)}...` : text}"`;
}
