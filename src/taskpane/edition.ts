/**
 * "Update to the latest price book" lists what would change before the user accepts: hundreds
 * of keys when a new edition lands, so grouped by the pane's groups, with counts of new,
 * changed and removed figures. Pure (tested in Node).
 */
import type { PriceBook } from "../pricing";
import type { EditionChange } from "../store/store";
import { GROUP_ORDER } from "./layout";

export interface ChangeLine {
  readonly key: string;
  readonly label: string;
  readonly from: number | undefined;
  readonly to: number | undefined;
  readonly unit: string;
  readonly kind: "changed" | "new" | "removed";
}

export interface ChangeGroup {
  readonly name: string;
  readonly lines: readonly ChangeLine[];
  readonly changed: number;
  readonly added: number;
  readonly removed: number;
}

/**
 * Groups `changes` (from `store.editionChanges()`) by the group each key belongs to in the
 * next edition (or the current one for a removed key), in the pane's group order.
 * groupChanges([{key: "facility.pue", from: 1.25, to: 1.1}, {key: "b300.gpu_price", to: 40000}], now, next)
 *   -> [{name: "Accelerators", added: 1, ...}, {name: "Facility", changed: 1, ...}]
 */
export function groupChanges(changes: readonly EditionChange[], now: PriceBook, next: PriceBook): ChangeGroup[] {
  const byGroup = new Map<string, ChangeLine[]>();
  for (const c of changes) {
    const a = next.assumptions.get(c.key) ?? now.assumptions.get(c.key);
    const group = a?.group ?? "Other";
    const kind = c.from === undefined ? "new" : c.to === undefined ? "removed" : "changed";
    const line: ChangeLine = { key: c.key, label: c.label, from: c.from, to: c.to, unit: a?.shipped.unit ?? "", kind };
    const lines = byGroup.get(group) ?? [];
    lines.push(line);
    byGroup.set(group, lines);
  }
  const names = [
    ...GROUP_ORDER.filter((g) => byGroup.has(g)),
    ...[...byGroup.keys()].filter((g) => !GROUP_ORDER.includes(g)),
  ];
  return names.map((name) => {
    const lines = byGroup.get(name)!;
    const count = (kind: ChangeLine["kind"]) => lines.filter((l) => l.kind === kind).length;
    return { name, lines, changed: count("changed"), added: count("new"), removed: count("removed") };
  });
}

/** "12 changed, 3 new, 1 removed" (parts that are zero left out). */
export function countsText(g: Pick<ChangeGroup, "changed" | "added" | "removed">): string {
  const parts: string[] = [];
  if (g.changed) parts.push(`${g.changed} changed`);
  if (g.added) parts.push(`${g.added} new`);
  if (g.removed) parts.push(`${g.removed} removed`);
  return parts.join(", ");
}
