/**
 * The "Functions" tab: a searchable reference of every GPU.* function (from functions.json,
 * fetched when the tab is first opened) with a form per function that writes the formula into
 * the selected cell. A cell that already holds something is replaced only after the user says
 * so in the pane.
 */
import { messageOf } from "../store/store";
import { observe, syncArray } from "./observe";
import type { PaneHost, Status } from "./paneModel";
import {
  composeFormula,
  exampleTexts,
  matches,
  parseMetadata,
  signature,
  type FunctionInfo,
  type KnownName,
  type ParamInfo,
} from "./reference";

export class ParamField {
  declare text: string;
  constructor(
    readonly info: ParamInfo,
    text: string,
  ) {
    this.text = text;
  }
  get label(): string {
    return this.info.optional ? `${this.info.name} (optional)` : this.info.name;
  }
}
observe(ParamField, "text");

export class FunctionModel {
  declare open: boolean;
  declare busy: boolean;
  declare message: string;
  /** The selected cell holds something: its address and content, until the user answers. */
  declare occupied: { readonly address: string; readonly existing: string } | null;
  readonly params: readonly ParamField[];

  constructor(
    readonly info: FunctionInfo,
    private readonly done: (status: Status) => void,
    private readonly host: Pick<PaneHost, "insertIntoSelection">,
    private readonly known: KnownName,
  ) {
    this.open = false;
    this.busy = false;
    this.message = "";
    this.occupied = null;
    const texts = exampleTexts(info);
    this.params = info.params.map((p, i) => new ParamField(p, texts[i] ?? ""));
  }

  get signature(): string {
    return signature(this.info);
  }

  get id(): string {
    return `fn-${this.info.id.toLowerCase()}`;
  }

  /** The formula the form's fields make, and the required parameters left empty. */
  get composed(): { formula: string; missing: string[] } {
    return composeFormula(
      this.info,
      this.params.map((p) => p.text),
      this.known,
    );
  }

  /** Writes the formula into the selected cell; `replace` is the address the user agreed to overwrite. */
  async insert(replace?: string): Promise<void> {
    const { formula, missing } = this.composed;
    if (missing.length > 0) {
      this.message = `Fill in ${missing.join(", ")}: ${missing.length === 1 ? "it is" : "they are"} required.`;
      return;
    }
    this.busy = true;
    this.message = "";
    try {
      const result = await this.host.insertIntoSelection(formula, replace);
      if (result.kind === "occupied") {
        this.occupied = { address: result.address, existing: result.existing };
      } else {
        this.occupied = null;
        this.done({ kind: "info", text: `Inserted ${formula} in ${result.address}.` });
        this.message = `Inserted in ${result.address}.`;
      }
    } catch (error) {
      this.message = `Not inserted: ${messageOf(error)}`;
      this.done({ kind: "error", text: this.message });
    } finally {
      this.busy = false;
    }
  }

  keep(): void {
    this.occupied = null;
    this.message = "Nothing was changed.";
  }
}
observe(FunctionModel, "open", "busy", "message", "occupied");

export class ReferenceModel {
  declare state: "idle" | "loading" | "ready" | "error";
  declare error: string;
  declare search: string;
  declare shownCount: number;
  readonly shown: FunctionModel[] = [];
  private all: FunctionModel[] = [];

  constructor(
    private readonly host: Pick<PaneHost, "functionsMetadata" | "insertIntoSelection">,
    private readonly done: (status: Status) => void,
    private readonly known: KnownName = () => false,
  ) {
    this.state = "idle";
    this.error = "";
    this.search = "";
    this.shownCount = 0;
  }

  /** Fetches functions.json once (again after a failure). */
  async load(): Promise<void> {
    if (this.state === "loading" || this.state === "ready") return;
    this.state = "loading";
    try {
      const infos = parseMetadata(await this.host.functionsMetadata());
      this.all = infos.map((i) => new FunctionModel(i, this.done, this.host, this.known));
      this.state = "ready";
      this.filter();
    } catch (error) {
      this.error = `The function list could not be loaded: ${messageOf(error)}`;
      this.state = "error";
    }
  }

  setSearch(text: string): void {
    this.search = text;
    this.filter();
  }

  get count(): number {
    return this.all.length;
  }

  private filter(): void {
    const shown = this.all.filter((f) => matches(f.info, this.search));
    syncArray(this.shown, shown);
    this.shownCount = shown.length;
  }
}
observe(ReferenceModel, "state", "error", "search", "shownCount");
