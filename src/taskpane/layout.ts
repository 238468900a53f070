/**
 * How the pane lays out the price book: pure functions of a PriceBook (no DOM, no Office), so
 * the layout is tested in Node (test/taskpane/layout.test.ts).
 *
 * - Groups in a fixed order (Accelerators, Cloud rates, Facility, Methods, then any group a
 *   later edition adds), each with its count.
 * - Accelerators and Cloud rates as compact tables: a row per chip (or instance), a column per
 *   figure. Keys are `<chip>.<field...>` and `<provider>.<instance...>.<field>`.
 * - "Key drivers" first: the figures a finance user changes most, for the chips the workbook
 *   uses (see `keyDrivers`).
 */
import { DEFAULT_GPU, DEFAULT_PRICING, DEFAULT_PROVIDER, type Assumption, type PriceBook } from "../pricing";

/** Groups the pane knows, in the order it shows them; unknown groups follow in book order. */
export const GROUP_ORDER: readonly string[] = ["Accelerators", "Cloud rates", "Facility", "Methods"];

export interface GroupLayout {
  readonly name: string;
  readonly assumptions: readonly Assumption[];
  /** Present for groups shown as a table (a row per chip or instance); computed when called. */
  readonly table?: () => TableLayout;
}

export interface TableColumn {
  /** The part of the key a column stands for: "node_price", "tflops.bf16", "ondemand"... */
  readonly field: string;
  readonly label: string;
  readonly unit: string;
}

export interface TableRow {
  /** The part of the key a row stands for: "h100-sxm", "aws.p5.48xlarge". */
  readonly id: string;
  readonly label: string;
  /** What the row is about in a word: the chip an instance carries. */
  readonly detail?: string;
  /** Keys by column (undefined where the row has no such figure). */
  readonly keys: readonly (string | undefined)[];
}

export interface TableLayout {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
}

/** Short names of the cloud columns (the rest keep their key part). */
const MODE_LABELS: Readonly<Record<string, string>> = {
  ondemand: "On demand",
  reserved1y: "Reserved 1 yr",
  reserved3y: "Reserved 3 yr",
  spot: "Spot",
  block: "Capacity block",
  gpus: "GPUs",
};

/**
 * The price book's assumptions by group, in display order, with the two big groups as tables.
 * groupsOf(book)[0] -> { name: "Accelerators", assumptions: [97 of them], table: () => {11 rows} }.
 */
export function groupsOf(book: PriceBook): GroupLayout[] {
  const byGroup = new Map<string, Assumption[]>();
  for (const a of book.assumptions.values()) {
    const list = byGroup.get(a.group) ?? [];
    list.push(a);
    byGroup.set(a.group, list);
  }
  const names = [
    ...GROUP_ORDER.filter((g) => byGroup.has(g)),
    ...[...byGroup.keys()].filter((g) => !GROUP_ORDER.includes(g)),
  ];
  return names.map((name) => {
    const assumptions = byGroup.get(name)!;
    if (name === "Accelerators") return { name, assumptions, table: () => acceleratorTable(book, assumptions) };
    if (name === "Cloud rates") return { name, assumptions, table: () => cloudTable(book, assumptions) };
    return { name, assumptions };
  });
}

/** A row per chip (`h100-sxm.node_price` -> row "h100-sxm", column "node_price"). */
function acceleratorTable(book: PriceBook, assumptions: readonly Assumption[]): TableLayout {
  return tableOf(assumptions, (a) => {
    const dot = a.key.indexOf(".");
    const row = a.key.slice(0, dot);
    const id = book.accelerators.get(row)?.id ?? row.toUpperCase();
    return { row, field: a.key.slice(dot + 1), rowLabel: id, columnLabel: stripPrefix(a.label, id) };
  });
}

/** A row per instance (`aws.p5.48xlarge.ondemand` -> row "aws.p5.48xlarge", column "ondemand"). */
function cloudTable(book: PriceBook, assumptions: readonly Assumption[]): TableLayout {
  const carries = new Map<string, string>();
  for (const i of book.data.instances ?? []) carries.set(`${i.provider}.${i.name}`.toLowerCase(), i.gpu);
  return tableOf(
    assumptions,
    (a) => {
      const dot = a.key.lastIndexOf(".");
      const row = a.key.slice(0, dot);
      const field = a.key.slice(dot + 1);
      const rowLabel = row.replace(".", " ");
      return { row, field, rowLabel, columnLabel: MODE_LABELS[field] ?? stripPrefix(a.label, rowLabel) };
    },
    (row) => carries.get(row),
  );
}

interface Placement {
  row: string;
  field: string;
  rowLabel: string;
  columnLabel: string;
}

function tableOf(
  assumptions: readonly Assumption[],
  place: (a: Assumption) => Placement,
  detailOf: (row: string) => string | undefined = () => undefined,
): TableLayout {
  const columns = new Map<string, TableColumn>();
  const rows = new Map<string, { label: string; byField: Map<string, string> }>();
  for (const a of assumptions) {
    const p = place(a);
    if (!columns.has(p.field)) columns.set(p.field, { field: p.field, label: p.columnLabel, unit: a.shipped.unit });
    let row = rows.get(p.row);
    if (!row) rows.set(p.row, (row = { label: p.rowLabel, byField: new Map() }));
    row.byField.set(p.field, a.key);
  }
  const fields = [...columns.keys()];
  return {
    columns: [...columns.values()],
    rows: [...rows].map(([id, r]) => {
      const detail = detailOf(id);
      return {
        id,
        label: r.label,
        ...(detail === undefined ? {} : { detail }),
        keys: fields.map((f) => r.byField.get(f)),
      };
    }),
  };
}

function stripPrefix(label: string, prefix: string): string {
  const rest = label.toLowerCase().startsWith(`${prefix.toLowerCase()} `) ? label.slice(prefix.length + 1) : label;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** What the workbook's formulas (or its edits) say it prices. */
export interface Usage {
  /** Accelerator ids, most relevant first (any case). */
  readonly gpus: readonly string[];
  readonly providers: readonly string[];
  readonly modes: readonly string[];
}

/** One key driver: an assumption key, the words shown beside it and the heading it sits under. */
export interface Driver {
  readonly key: string;
  readonly label: string;
  readonly heading: string;
  /** What the figure is of, under its label ("8-GPU node", "aws p5.48xlarge"). */
  readonly detail?: string;
}

/** At most this many chips among the key drivers: the first screen stays one screen. */
export const MAX_DRIVER_CHIPS = 3;

/**
 * Keys a finance user changes most, in this order: for each chip the workbook uses (the default
 * chip when none is known), its purchase prices and the rent of the instances carrying it at
 * the providers it uses (default aws, else the first provider renting it), in the modes it uses
 * and on demand (the default; every mode when none is named); then utilisation and MFU; electricity, PUE and life; cost of
 * capital. Keys missing from the book in force are skipped, so a driver arriving with a later
 * edition (finance.cost_of_capital) appears once the workbook uses that edition.
 *
 * keyDrivers(book, {gpus: [], providers: [], modes: []}) -> h100-sxm.node_price,
 * h100-sxm.gpu_price, aws.p5.48xlarge.ondemand/.reserved1y/.reserved3y, method.training_mfu,
 * method.decode_batch, facility.electricity, facility.pue, facility.depreciation_years.
 */
export function keyDrivers(book: PriceBook, usage: Usage): Driver[] {
  const out: Driver[] = [];
  const add = (key: string, label: string, heading: string, detail?: string) => {
    if (!book.assumptions.has(key) || out.some((d) => d.key === key)) return;
    out.push(detail === undefined ? { key, label, heading } : { key, label, heading, detail });
  };
  const chips = unique(usage.gpus.map((g) => book.accelerators.get(g.trim().toLowerCase())?.id)).slice(
    0,
    MAX_DRIVER_CHIPS,
  );
  if (chips.length === 0) chips.push(book.accelerators.get(DEFAULT_GPU.toLowerCase())?.id ?? DEFAULT_GPU);
  const instances = book.data.instances ?? [];
  // The modes named in the workbook and the default one (an omitted pricing argument), or all.
  const wantedModes = new Set(usage.modes.map((m) => m.toLowerCase()));
  if (wantedModes.size > 0) wantedModes.add(DEFAULT_PRICING);
  for (const chip of chips) {
    const k = chip.toLowerCase();
    const perNode = book.accelerators.get(k)?.gpusPerNode;
    add(`${k}.node_price`, "Purchase, a node", chip, perNode === undefined ? undefined : `${perNode}-GPU node`);
    add(`${k}.gpu_price`, "Purchase, a GPU", chip);
    const renting = instances.filter((i) => i.gpu.toLowerCase() === k);
    const renters = unique(renting.map((i) => i.provider.toLowerCase()));
    let providers = unique(usage.providers.map((p) => p.toLowerCase())).filter((p) => renters.includes(p));
    if (providers.length === 0)
      providers = renters.includes(DEFAULT_PROVIDER) ? [DEFAULT_PROVIDER] : renters.slice(0, 1);
    for (const i of renting.filter((r) => providers.includes(r.provider.toLowerCase()))) {
      const base = `${i.provider}.${i.name}`.toLowerCase();
      const modes = Object.keys(i.hourlyUsd).filter((m) => wantedModes.size === 0 || wantedModes.has(m));
      for (const mode of modes) add(`${base}.${mode}`, `Rent, ${modeWords(mode)}`, chip, `${i.provider} ${i.name}`);
    }
  }
  add("method.utilization", "Utilisation", "Utilisation");
  add("method.training_mfu", "Training MFU", "Utilisation");
  add("method.decode_batch", "Decode batch (inference utilisation)", "Utilisation");
  add("facility.electricity", "Electricity", "Facility and finance");
  add("facility.pue", "PUE", "Facility and finance");
  add("facility.depreciation_years", "Life (depreciation)", "Facility and finance");
  add("finance.cost_of_capital", "Cost of capital", "Facility and finance");
  return out;
}

function modeWords(mode: string): string {
  return (MODE_LABELS[mode] ?? mode).toLowerCase();
}

function unique<T>(items: readonly (T | undefined)[]): T[] {
  const out: T[] = [];
  for (const i of items) if (i !== undefined && !out.includes(i)) out.push(i);
  return out;
}
