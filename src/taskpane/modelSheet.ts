/**
 * "Insert model sheet": the layout of a ready GPU cost model, as data. Pure (tested in Node,
 * evaluated cell by cell with gpu-cost's formula engine in test/taskpane/modelSheet.test.ts);
 * ./modelSheetExcel.ts writes it with Office.js in one batch.
 *
 * The sheet, for a finance analyst:
 * - Inputs (column B, Excel's built-in "Input" style): chip, GPUs, years, cloud, the two rents
 *   compared, cost of capital, served model, tokens a query, API, queries a day, training run,
 *   custom chip. Lists (chips, clouds, rent modes, models, APIs) are drop-downs built from the
 *   price book in force; inputs that are assumptions of the price book hold `=GPU.PRICE(key)`,
 *   so they follow the pane's edits until the analyst types a number over them.
 * - Outputs: live GPU.* formulas on those cells (buy against rent for a node and the cluster,
 *   break-even, token cost against an API, a training run, a serving fleet, custom-chip ROI),
 *   in finance number formats.
 * - A monthly table from GPU.CASHFLOWS: buy, the pay-as-you-go rent and the committed rent,
 *   each discounted at the cost of capital (input) and summed, and a "Break-even" column that
 *   holds the buy line's value at the first month renting has cost more (#N/A elsewhere, which
 *   a line chart leaves out): a marker on the chart.
 *
 * Why present values: GPU.BREAKEVEN discounts at the cost of capital, monthly, flows at each
 * month's end, so the discounted cumulative buy and rent lines cross exactly at its figure, and
 * the first month the rent line is above the buy line is ROUNDUP(GPU.BREAKEVEN(...), 0). A cost
 * of capital of 0 in B12 gives the undiscounted lines.
 */
import { DEFAULT_GPU, DEFAULT_PROVIDER, RENT_MODES, type PriceBook } from "../pricing";

/** What a cell is for: the writer maps each role to Excel formatting. */
export type CellRole =
  "title" | "section" | "label" | "input" | "linked-input" | "output" | "note" | "header" | "table";

export interface LayoutCell {
  /** A1 address on the model sheet, e.g. "B5". */
  readonly address: string;
  /** A constant, a formula (a string starting with "="), or null: a cell a spill fills, given only its format. */
  readonly value: string | number | null;
  readonly role: CellRole;
  /** Excel number format; General when absent. */
  readonly format?: string;
  /** An in-cell drop-down of these values (data validation list). */
  readonly list?: readonly string[];
}

export interface ChartSeriesLayout {
  /** Line colour, #RRGGBB. */
  readonly color: string;
  /** The break-even series: a marker with its name as data label, no line. */
  readonly marker?: boolean;
}

export interface ChartLayout {
  readonly type: "Line";
  readonly title: string;
  /** Header row (series names) and values, one series per column. */
  readonly source: string;
  /** The months, the category axis. */
  readonly categories: string;
  readonly seriesBy: "Columns";
  readonly series: readonly ChartSeriesLayout[];
  readonly position: { readonly from: string; readonly to: string };
  readonly valueFormat: string;
  readonly categoryTitle: string;
}

export interface ModelSheetLayout {
  /** Every cell written, in row order. */
  readonly cells: readonly LayoutCell[];
  /** The rectangle the cells lie in (written as one block, empty cells left alone). */
  readonly area: string;
  /** Column widths in points. */
  readonly columns: readonly { readonly column: string; readonly width: number }[];
  /** Ranges to shade as a section band (A:C of a section's row). */
  readonly bands: readonly string[];
  readonly chart: ChartLayout;
  /** Where each input and output is, by id (for the tests and the pane's message). */
  readonly at: Readonly<Record<string, string>>;
  /** The monthly table: header row, first and last month rows. */
  readonly table: { readonly header: number; readonly first: number; readonly last: number };
  readonly months: number;
}

/** The name a new model sheet gets: "GPU model", then "GPU model 2", 3... */
export const MODEL_SHEET_NAME = "GPU model";

/**
 * The first name not taken, compared as Excel compares sheet names (case-insensitively):
 * nextSheetName(["GPU model", "gpu MODEL 2"]) = "GPU model 3".
 */
export function nextSheetName(existing: readonly string[], base: string = MODEL_SHEET_NAME): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} ${i}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** What the pane knows when the button is pressed. */
export interface ModelChoices {
  /** Chips the workbook already prices, most used first: the first one that can be bought and rented is used. */
  readonly chips?: readonly string[];
  readonly provider?: string;
}

// ---- number formats (one place; the sensitivity grid uses them too) -------------------------

export const FORMATS = {
  usd: "$#,##0",
  usdCents: "$#,##0.00",
  usdQuery: "$0.00000",
  count: "#,##0",
  months: '0.0 "months"',
  days: '#,##0.0 "days"',
  ratio: '0.00"x"',
  percent: "0.0%",
  share: "0%",
  scientific: "0.00E+00",
  factor: "0.0000",
  years: "General",
} as const;

// ---- addresses --------------------------------------------------------------------------------

export function columnName(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

const cell = (col: number, row: number) => `${columnName(col)}${row}`;
const abs = (address: string) => address.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");

/** "A1" text quoted for a formula: "a ""b""" */
const text = (s: string) => `"${s.replace(/"/g, '""')}"`;

// ---- choices from the price book --------------------------------------------------------------

/** A chip that can be bought (node price) and is rented by `provider`. */
function buyableAndRented(book: PriceBook, id: string, provider: string): boolean {
  const gpu = book.accelerators.get(id.toLowerCase());
  if (!gpu?.nodePriceUsd) return false;
  try {
    book.instance(provider, gpu);
    return true;
  } catch {
    return false;
  }
}

/** The chip the model starts on: the workbook's first chip that can be bought and rented, else the default. */
export function pickChip(book: PriceBook, chips: readonly string[], provider: string): string {
  for (const id of [...chips, DEFAULT_GPU]) {
    if (buyableAndRented(book, id, provider)) return book.accelerators.get(id.toLowerCase())!.id;
  }
  return DEFAULT_GPU;
}

/** The committed rent compared: the longest commitment `provider` sells for the chip. */
export function pickCommitment(book: PriceBook, chip: string, provider: string): string {
  try {
    const rates = book.instance(provider, book.accelerator(chip)).hourlyUsd;
    return ["reserved3y", "reserved1y", "block", "spot"].find((m) => Object.hasOwn(rates, m)) ?? "ondemand";
  } catch {
    return "reserved3y";
  }
}

/** The served model: Llama 3.3 70B where the book has it, else its first model. */
export function pickModel(book: PriceBook): string {
  return book.models.get("llama-3.3-70b")?.id ?? [...book.models.values()][0]?.id ?? "gpt-3";
}

/** The API compared: the same model's API where the book lists one, else its first API; none in a book without API prices. */
export function pickApi(book: PriceBook, model: string): string | undefined {
  return book.apis.get(model.toLowerCase())?.id ?? [...book.apis.values()][0]?.id;
}

/** Excel's in-cell lists hold at most 255 characters: longer lists are left without a drop-down. */
const LIST_LIMIT = 255;
const listOf = (values: readonly string[]) => (values.join(",").length <= LIST_LIMIT ? values : undefined);

// ---- the layout -------------------------------------------------------------------------------

/** Chinchilla-optimal training: 20 tokens a parameter (Hoffmann et al., "Training Compute-Optimal Large Language Models", 2022-03). */
export const TOKENS_PER_PARAMETER = 20;

const CLUSTER_GPUS = 1024;
const QUERIES_PER_DAY = 10_000_000;
const CUSTOM_CHIPS = 100_000;
const YEARS = 3;

/**
 * The model sheet for the book in force.
 *
 * Example (2026.11-1, no chip in the workbook): H100-SXM, 1,024 GPUs, 3 years at AWS, on demand
 * against reserved3y; B31 = GPU.BREAKEVEN = 10.7 months; the monthly table runs from month 0 to
 * 36 and its break-even marker sits at month 11.
 */
export function modelSheet(book: PriceBook, choices: ModelChoices = {}): ModelSheetLayout {
  const provider = choices.provider ?? DEFAULT_PROVIDER;
  const chip = pickChip(book, choices.chips ?? [], provider);
  const commitment = pickCommitment(book, chip, provider);
  const model = pickModel(book);
  const api = pickApi(book, model);

  const cells: LayoutCell[] = [];
  const bands: string[] = [];
  const at: Record<string, string> = {};
  let row = 1;
  const put = (
    col: number,
    value: string | number | null,
    role: CellRole,
    format?: string,
    list?: readonly string[],
  ) => {
    const address = cell(col, row);
    cells.push({
      address,
      value,
      role,
      ...(format !== undefined ? { format } : {}),
      ...(list !== undefined ? { list } : {}),
    });
    return address;
  };
  const section = (title: string) => {
    row++;
    put(1, title, "section");
    bands.push(`A${row}:C${row}`);
    row++;
  };
  /** A labelled row: label in A, value in B, unit or note in C. */
  const line = (
    id: string,
    label: string,
    value: string | number,
    role: CellRole,
    format: string | undefined,
    note: string,
    list?: readonly string[],
  ) => {
    put(1, label, "label");
    at[id] = put(2, value, role, format, list);
    if (note) put(3, note, "note");
    row++;
    return abs(at[id]!);
  };

  put(1, "GPU cost model", "title");
  row++;
  put(1, "Price book edition", "label");
  at.edition = put(2, "=GPU.EDITION()", "output");
  put(3, "Orange cells are inputs; every other figure is a live GPU.* formula.", "note");
  row++;

  // Inputs.
  section("Inputs");
  const price = (key: string) => `=GPU.PRICE(${text(key)})`;
  const FROM_BOOK = "from the price book; type a value to override";
  const chipIn = line(
    "chip",
    "Accelerator",
    chip,
    "input",
    undefined,
    "chip",
    listOf([...book.accelerators.values()].map((a) => a.id)),
  );
  const gpus = line("gpus", "GPUs in the cluster", CLUSTER_GPUS, "input", FORMATS.count, "GPUs");
  const years = line("years", "Years compared", YEARS, "input", FORMATS.years, "years");
  const cloud = line("provider", "Cloud provider", provider, "input", undefined, "cloud", listOf(book.providers));
  const rent = line("rent", "Rent, pay as you go", "ondemand", "input", undefined, "rent mode", RENT_MODES);
  const committed = line("committed", "Rent, committed", commitment, "input", undefined, "rent mode", RENT_MODES);
  const rate = line(
    "costOfCapital",
    "Cost of capital",
    price("finance.cost_of_capital"),
    "linked-input",
    FORMATS.percent,
    `a year; ${FROM_BOOK}`,
  );
  const served = line(
    "model",
    "Model served",
    model,
    "input",
    undefined,
    "reference model",
    listOf([...book.models.values()].map((m) => m.id)),
  );
  const tokensIn = line(
    "tokensIn",
    "Prompt tokens a query",
    price("method.prompt_tokens"),
    "linked-input",
    FORMATS.count,
    FROM_BOOK,
  );
  const tokensOut = line(
    "tokensOut",
    "Output tokens a query",
    price("method.output_tokens"),
    "linked-input",
    FORMATS.count,
    FROM_BOOK,
  );
  const apiIn = api
    ? line("api", "API compared", api, "input", undefined, "API", listOf([...book.apis.values()].map((a) => a.id)))
    : undefined;
  const queries = line("queries", "Queries a day", QUERIES_PER_DAY, "input", FORMATS.count, "queries");
  const params = line(
    "trainParams",
    "Training: parameters",
    `=GPU.PRICE("model."&${served}&".params")`,
    "linked-input",
    FORMATS.scientific,
    "the served model's; type a count to override",
  );
  const tokens = line(
    "trainTokens",
    "Training: tokens",
    `=${TOKENS_PER_PARAMETER}*${params}`,
    "linked-input",
    FORMATS.scientific,
    "20 a parameter (Chinchilla, Hoffmann et al. 2022)",
  );
  const mfu = line("mfu", "Training: MFU", price("method.training_mfu"), "linked-input", FORMATS.share, FROM_BOOK);
  const units = line("units", "Custom chips built", CUSTOM_CHIPS, "input", FORMATS.count, "chips");
  const unitCost = line(
    "unitCost",
    "Cost to make a chip",
    price("chip.unit_cost"),
    "linked-input",
    FORMATS.usd,
    `USD; ${FROM_BOOK}`,
  );
  const nre = line(
    "nre",
    "Chip design cost a year",
    price("chip.nre_per_year"),
    "linked-input",
    FORMATS.usd,
    `USD; ${FROM_BOOK}`,
  );
  const programme = line(
    "programmeYears",
    "Chip programme years",
    price("chip.years"),
    "linked-input",
    FORMATS.years,
    FROM_BOOK,
  );

  // Outputs.
  const out = (id: string, label: string, formula: string, format: string, note: string) =>
    line(id, label, formula, "output", format, note);
  section("Buy against rent");
  const node = out("nodeGpus", "GPUs in a node", `=GPU.PRICE(${chipIn}&".node_gpus")`, FORMATS.count, "GPUs");
  out(
    "nodeBuy",
    "Node bought, all-in",
    `=GPU.CLUSTERCOST(${node},${chipIn},"buy",${years},${cloud})`,
    FORMATS.usd,
    "USD over the years",
  );
  out(
    "nodeRent",
    "Node rented, pay as you go",
    `=GPU.CLUSTERCOST(${node},${chipIn},${rent},${years},${cloud})`,
    FORMATS.usd,
    "USD over the years",
  );
  out(
    "nodeCommitted",
    "Node rented, committed",
    `=GPU.CLUSTERCOST(${node},${chipIn},${committed},${years},${cloud})`,
    FORMATS.usd,
    "USD over the years",
  );
  const clusterBuy = out(
    "clusterBuy",
    "Cluster bought, all-in",
    `=GPU.CLUSTERCOST(${gpus},${chipIn},"buy",${years},${cloud})`,
    FORMATS.usd,
    "USD over the years",
  );
  const clusterRent = out(
    "clusterRent",
    "Cluster rented, pay as you go",
    `=GPU.CLUSTERCOST(${gpus},${chipIn},${rent},${years},${cloud})`,
    FORMATS.usd,
    "USD over the years",
  );
  const clusterCommitted = out(
    "clusterCommitted",
    "Cluster rented, committed",
    `=GPU.CLUSTERCOST(${gpus},${chipIn},${committed},${years},${cloud})`,
    FORMATS.usd,
    "USD over the years",
  );
  out("rentOverBuy", "Pay-as-you-go rent over buying", `=${clusterRent}/${clusterBuy}`, FORMATS.ratio, "ratio");
  out("committedOverBuy", "Committed rent over buying", `=${clusterCommitted}/${clusterBuy}`, FORMATS.ratio, "ratio");
  const breakeven = out(
    "breakeven",
    "Break-even against pay as you go",
    `=GPU.BREAKEVEN(${chipIn},${rent},${cloud})`,
    FORMATS.months,
    "owning costs less after, discounted",
  );
  out(
    "breakevenCommitted",
    "Break-even against committed",
    `=GPU.BREAKEVEN(${chipIn},${committed},${cloud})`,
    FORMATS.months,
    "months; #N/A if never",
  );
  out(
    "hourOwned",
    "GPU-hour owned, all-in",
    `=GPU.HOURLY(${chipIn},"buy",${cloud})`,
    FORMATS.usdCents,
    "USD, levelized at the cost of capital",
  );
  out(
    "hourRented",
    "GPU-hour rented, pay as you go",
    `=GPU.HOURLY(${chipIn},${rent},${cloud})`,
    FORMATS.usdCents,
    "USD",
  );

  section("Tokens against an API");
  out(
    "tokensPerSecond",
    "Output tokens a second per GPU",
    `=GPU.TOKENSPERSEC(${served},${chipIn},,,${tokensIn},${tokensOut})`,
    FORMATS.count,
    "at full load",
  );
  const selfHosted = out(
    "tokenCost",
    "Self-hosted, per million output tokens",
    `=GPU.TOKENCOST(${served},${chipIn},${rent},${cloud},,,${tokensIn},${tokensOut})`,
    FORMATS.usdCents,
    "USD, prompts included",
  );
  // From the line above, at the same serving precision (GPU.QUERYCOST computes at bf16: it takes no precision).
  out(
    "queryCost",
    "Self-hosted, per query",
    `=${selfHosted}*${tokensOut}/1000000`,
    FORMATS.usdQuery,
    "USD: the line above x output tokens",
  );
  if (apiIn) {
    const apiTokens = out(
      "apiTokenCost",
      "API, per million output tokens",
      `=GPU.APICOST(${apiIn},1000000*${tokensIn}/${tokensOut},1000000)`,
      FORMATS.usdCents,
      "USD, with their prompts",
    );
    out("apiQueryCost", "API, per query", `=GPU.APICOST(${apiIn},${tokensIn},${tokensOut})`, FORMATS.usdQuery, "USD");
    out("apiOverSelf", "API over self-hosted", `=${apiTokens}/${selfHosted}`, FORMATS.ratio, "ratio");
  } else {
    put(1, `Price book ${book.version} has no API prices; Update in the pane adds them.`, "note");
    row++;
  }

  section("Training run on the cluster");
  out("trainFlops", "Training compute", `=GPU.TRAINFLOPS(${params},${tokens})`, FORMATS.scientific, "FLOP");
  out(
    "trainDays",
    "Days on the cluster",
    `=GPU.TRAINDAYS(${params},${tokens},${gpus},${chipIn},${mfu})`,
    FORMATS.days,
    "wall clock, goodput included",
  );
  out(
    "trainCost",
    "Cost, rented pay as you go",
    `=GPU.TRAINCOST(${params},${tokens},${chipIn},${mfu},${rent},${cloud})`,
    FORMATS.usd,
    "USD",
  );
  out(
    "trainCostOwned",
    "Cost, owned (amortized)",
    `=GPU.TRAINCOST(${params},${tokens},${chipIn},${mfu},"amortized",${cloud})`,
    FORMATS.usd,
    "USD: value lost while it runs + energy",
  );

  section("Serving fleet");
  const perQuery = `${tokensIn}+${tokensOut}`;
  out(
    "fleetSize",
    "Accelerators to serve the load",
    `=GPU.FLEETSIZE(${queries},${perQuery},${served},${chipIn})`,
    FORMATS.count,
    "GPUs",
  );
  const fleet = (pricing: string) =>
    `GPU.FLEETCOST(${queries},${perQuery},${served},${chipIn},${pricing},${years},${cloud})`;
  out("fleetYearly", "Yearly cost, pay as you go", `=INDEX(${fleet(rent)},3,2)`, FORMATS.usd, "USD a year");
  out("fleetYearlyCommitted", "Yearly cost, committed", `=INDEX(${fleet(committed)},3,2)`, FORMATS.usd, "USD a year");
  out("fleetTotal", "Total over the years, pay as you go", `=INDEX(${fleet(rent)},5,2)`, FORMATS.usd, "USD");

  section("Custom chip");
  out(
    "chipRoi",
    "Saved by building the chips",
    `=GPU.CHIPROI(${units},${unitCost},${nre},${programme},${chipIn})`,
    FORMATS.usd,
    "USD against buying the same compute as GPUs",
  );
  out(
    "chipBreakeven",
    "Chips to build to break even",
    `=GPU.CHIPBREAKEVEN(${unitCost},${nre},${programme},${chipIn})`,
    FORMATS.count,
    "chips",
  );

  // The monthly table.
  section("Cumulative cost by month, present value at the cost of capital");
  const months = Math.round(YEARS * 12);
  put(
    1,
    `GPU.CASHFLOWS by month: the purchase at month 0, the hardware sold at its residual value in the last month. The table and chart cover the ${YEARS} years set at insertion (insert a new sheet for another period); "Break-even" marks the first month renting has cost more.`,
    "note",
  );
  row++;
  const header = row;
  const first = header + 1;
  const last = first + months;
  const flows = (pricing: string) => `GPU.CASHFLOWS(${gpus},${chipIn},${pricing},${years},${cloud},"month")`;
  put(1, "Month", "header");
  put(2, "Buy (USD)", "header");
  put(3, `="Rent "&${rent}&" (USD)"`, "header");
  put(4, `="Rent "&${committed}&" (USD)"`, "header");
  put(5, "Discount factor", "header");
  put(6, "Buy, cumulative", "header");
  put(7, `="Rent "&${rent}&", cumulative"`, "header");
  put(8, `="Rent "&${committed}&", cumulative"`, "header");
  put(9, `=IFERROR("Break-even: "&TEXT(${breakeven},"0.0")&" months","Break-even: never")`, "header");
  for (let r = first; r <= last; r++) {
    row = r;
    const month = `A${r}`;
    if (r === first) {
      at.flows = put(1, `=DROP(CHOOSECOLS(${flows(rent)},1,2,3),1)`, "table", FORMATS.count);
      at.committedFlows = put(4, `=DROP(CHOOSECOLS(${flows(committed)},3),1)`, "table", FORMATS.usd);
    }
    put(5, `=IF(ISNUMBER(${month}),1/(1+${rate})^(${month}/12),NA())`, "table", FORMATS.factor);
    const sum = (flow: string, col: string) =>
      r === first ? `=${flow}${r}*E${r}` : `=${col}${r - 1}+${flow}${r}*E${r}`;
    put(6, sum("B", "F"), "table", FORMATS.usd);
    put(7, sum("C", "G"), "table", FORMATS.usd);
    put(8, sum("D", "H"), "table", FORMATS.usd);
    put(9, `=IF(${month}=ROUNDUP(${breakeven},0),F${r},NA())`, "table", FORMATS.usd);
  }
  // Number formats of the spilled month and flow cells (a spill takes its cells' formats).
  for (let r = first; r <= last; r++) {
    for (const [col, format] of [
      [1, FORMATS.count],
      [2, FORMATS.usd],
      [3, FORMATS.usd],
      [4, FORMATS.usd],
    ] as const) {
      if (r === first && (col === 1 || col === 4)) continue;
      cells.push({ address: cell(col, r), value: null, role: "table", format });
    }
  }
  cells.sort((a, b) => rowOf(a.address) - rowOf(b.address) || colOf(a.address) - colOf(b.address));

  return {
    cells,
    area: `A1:I${last}`,
    columns: [
      { column: "A", width: 210 },
      { column: "B", width: 96 },
      { column: "C", width: 150 },
      { column: "D", width: 96 },
      { column: "E", width: 84 },
      { column: "F", width: 96 },
      { column: "G", width: 110 },
      { column: "H", width: 110 },
      { column: "I", width: 130 },
    ],
    bands,
    chart: {
      type: "Line",
      title: "Cumulative cost, present value at the cost of capital",
      source: `F${header}:I${last}`,
      categories: `A${first}:A${last}`,
      seriesBy: "Columns",
      series: [{ color: "#1F4E79" }, { color: "#C55A11" }, { color: "#548235" }, { color: "#C00000", marker: true }],
      position: { from: "F4", to: "M24" },
      valueFormat: '$#,##0.0,,"M"',
      categoryTitle: "Month",
    },
    at,
    table: { header, first, last },
    months,
  };
}

function rowOf(address: string): number {
  return Number(/\d+$/.exec(address)![0]);
}

function colOf(address: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/.exec(address)![0]) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
