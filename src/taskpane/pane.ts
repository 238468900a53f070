import type { Assumption, AssumptionGroup, PriceBook } from "../pricing";
import type { AssumptionStore } from "../store/store";
import { messageOf } from "../store/store";
import { noteOf } from "../pricing/book/notes";
import { h } from "./dom";
import { formatValue, parseAssumptionInput } from "./validate";

const GROUPS: readonly AssumptionGroup[] = ["Accelerators", "Cloud rates", "Facility", "Methods"];

/** An edit the user typed that is not saved (refused by validation, or its save failed). */
interface Pending {
  readonly text: string;
  readonly message: string;
}

/**
 * The assumptions editor. It renders the store's state and turns the user's actions into
 * store calls; it holds only view state (search, filter, edits not yet saved). Re-rendered
 * on every store change, keeping focus and unsaved edits by key.
 */
export class AssumptionsPane {
  private search = "";
  private changedOnly = false;
  private readonly pending = new Map<string, Pending>();
  /** Values being saved, by key: a second "change" for the same value is not a second edit. */
  private readonly saving = new Map<string, number>();
  private status: { kind: "info" | "error"; text: string } | undefined;
  /** The "new scenario" name field is open. */
  private naming = false;
  /** "Reset all" was pressed once and waits for its confirmation. */
  private confirmingReset = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly store: AssumptionStore,
  ) {
    store.subscribe(() => this.render());
    this.render();
  }

  render(): void {
    const focused = document.activeElement?.closest<HTMLElement>("[data-key],[data-control]");
    const focusKey = focused?.dataset.key ?? focused?.dataset.control;
    this.root.replaceChildren(this.header(), ...this.banners(), this.toolbar(), ...this.groups());
    if (focusKey) {
      const target = this.root.querySelector<HTMLElement>(
        `[data-key="${CSS.escape(focusKey)}"],[data-control="${CSS.escape(focusKey)}"]`,
      );
      target?.focus();
    }
  }

  private header(): HTMLElement {
    const { doc } = this.store.snapshot;
    const select = h(
      "select",
      {
        id: "scenario",
        "data-control": "scenario",
        "aria-label": "Active scenario",
        onchange: (e: Event) =>
          this.run(() => this.store.activate((e.target as HTMLSelectElement).value), "Scenario switched."),
      },
      ...this.store.scenarios().map((s) => h("option", { value: s, selected: s === doc.activeScenario }, s)),
    );
    return h(
      "header",
      {},
      h("h1", {}, "GPU cost assumptions"),
      h(
        "div",
        { class: "scenario" },
        h("label", { for: "scenario" }, "Scenario"),
        select,
        ...this.newScenarioControls(),
        doc.activeScenario !== "base" &&
          h(
            "fluent-button",
            {
              appearance: "subtle",
              "data-control": "remove-scenario",
              onclick: () => this.run(() => this.store.removeScenario(doc.activeScenario), "Scenario removed."),
            },
            "Remove",
          ),
      ),
      h("p", { class: "edition" }, `Price book edition ${doc.bookVersion}`),
    );
  }

  private banners(): HTMLElement[] {
    const out: HTMLElement[] = [];
    const state = this.store.snapshot;
    if (state.warning) {
      out.push(
        h(
          "fluent-message-bar",
          { intent: this.store.writable ? "warning" : "error", id: "read-only", role: "alert" },
          state.warning,
          state.raw !== undefined &&
            h(
              "fluent-button",
              {
                slot: "actions",
                "data-control": "export-raw",
                onclick: () => this.download("gpu-cost-stored-assumptions.txt", this.store.export()),
              },
              "Export stored text",
            ),
        ),
      );
    }
    const changes = this.store.editionChanges();
    if (changes.length > 0) {
      out.push(
        h(
          "fluent-message-bar",
          { intent: "info", id: "edition" },
          `A newer price book ships with this add-in. This workbook keeps its numbers until you update. ${changes.length} values would change: `,
          h(
            "ul",
            {},
            ...changes.slice(0, 20).map((c) => h("li", {}, `${c.label}: ${c.from ?? "-"} -> ${c.to ?? "-"}`)),
          ),
          h(
            "fluent-button",
            { slot: "actions", onclick: () => this.run(() => this.store.updateEdition(), "Price book updated.") },
            "Update",
          ),
        ),
      );
    }
    out.push(
      h(
        "p",
        { id: "status", role: "status", "aria-live": "polite", class: this.status?.kind ?? "" },
        this.status?.text ?? "",
      ),
    );
    return out;
  }

  private toolbar(): HTMLElement {
    const fileInput = h("input", {
      type: "file",
      accept: "application/json,.json",
      id: "import-file",
      hidden: true,
      onchange: (e: Event) => this.importFile(e.target as HTMLInputElement),
    });
    const writable = this.store.writable;
    return h(
      "div",
      { class: "toolbar", role: "toolbar", "aria-label": "Assumption tools" },
      h("fluent-text-input", {
        id: "search",
        "data-control": "search",
        placeholder: "Search keys, labels, sources",
        "aria-label": "Search assumptions",
        value: this.search,
        oninput: (e: Event) => {
          this.search = (e.target as HTMLInputElement).value;
          this.render();
        },
      }),
      h(
        "span",
        { class: "switch" },
        h("fluent-switch", {
          id: "changed-only",
          "data-control": "changed-only",
          checked: this.changedOnly,
          onchange: (e: Event) => {
            this.changedOnly = (e.target as HTMLInputElement).checked;
            this.render();
          },
        }),
        h("label", { for: "changed-only" }, "Changed from defaults"),
      ),
      h(
        "fluent-button",
        {
          "data-control": "undo",
          disabled: !this.store.canUndo || !writable,
          onclick: () => this.run(() => this.store.undo(), "Undone."),
        },
        this.store.undoLabel ? `Undo ${this.store.undoLabel}` : "Undo",
      ),
      ...this.resetAllControls(),
      h(
        "fluent-button",
        { "data-control": "import", disabled: !writable, onclick: () => fileInput.click() },
        "Import JSON",
      ),
      h(
        "fluent-button",
        { "data-control": "export", onclick: () => this.download("gpu-cost-assumptions.json", this.store.export()) },
        "Export JSON",
      ),
      fileInput,
    );
  }

  private groups(): HTMLElement[] {
    const book = this.store.book();
    const overrides = this.store.snapshot.doc.scenarios[this.store.snapshot.doc.activeScenario] ?? {};
    const needle = this.search.trim().toLowerCase();
    const visible = [...book.assumptions.values()].filter(
      (a) =>
        (!this.changedOnly || a.key in overrides || this.pending.has(a.key)) &&
        (!needle || `${a.key} ${a.label} ${a.shipped.source}`.toLowerCase().includes(needle)),
    );
    if (visible.length === 0)
      return [
        h("p", { class: "empty" }, this.changedOnly ? "Nothing differs from the defaults." : "No assumption matches."),
      ];
    return GROUPS.map((group) => {
      const rows = visible.filter((a) => a.group === group);
      if (rows.length === 0) return null;
      return h(
        "section",
        { "aria-labelledby": `group-${group}` },
        h("h2", { id: `group-${group}` }, `${group} (${rows.length})`),
        ...rows.map((a) => this.row(book, a, overrides[a.key]?.changedAt)),
      );
    }).filter((s): s is HTMLElement => s !== null);
  }

  private row(book: PriceBook, a: Assumption, changedAt: string | undefined): HTMLElement {
    const id = `in-${a.key.replace(/[^a-z0-9]/g, "-")}`;
    const pending = this.pending.get(a.key);
    const changed = changedAt !== undefined;
    const input = h("fluent-text-input", {
      id,
      "data-key": a.key,
      value: pending?.text ?? formatValue(a.value),
      readonly: !this.store.writable,
      "aria-describedby": `${id}-msg ${id}-meta`,
      "aria-invalid": pending ? "true" : undefined,
      onchange: () => this.commit(book, a, input),
      // Enter and leaving the field both fire "change"; Escape drops an unsaved edit.
      onkeydown: (e: Event) => {
        if ((e as KeyboardEvent).key !== "Escape") return;
        this.pending.delete(a.key);
        this.render();
      },
    }) as HTMLElement & { value: string };
    return h(
      "div",
      { class: `row${changed ? " changed" : ""}${pending ? " invalid" : ""}`, "data-row": a.key },
      h("label", { for: id }, a.label.charAt(0).toUpperCase() + a.label.slice(1), " ", h("code", {}, a.key)),
      h(
        "div",
        { class: "edit" },
        input,
        h("span", { class: "unit" }, a.shipped.unit),
        changed &&
          h(
            "fluent-button",
            {
              appearance: "subtle",
              size: "small",
              "data-reset": a.key,
              "aria-label": `Reset ${a.label}`,
              onclick: () => this.run(() => this.store.reset(a.key), `${a.label} reset to ${a.shipped.value}.`),
            },
            "Reset",
          ),
      ),
      h("div", { id: `${id}-msg`, class: "message", role: pending ? "alert" : undefined }, pending?.message ?? ""),
      h(
        "div",
        { id: `${id}-meta`, class: "meta" },
        `Default ${formatValue(a.shipped.value)} · ${a.shipped.source} · as of ${a.shipped.asOf}`,
        noteOf(this.store.snapshot.doc.bookVersion, a.key)
          ? ` · ${noteOf(this.store.snapshot.doc.bookVersion, a.key)}`
          : "",
        changed ? ` · changed ${new Date(changedAt).toLocaleString()}` : "",
      ),
    );
  }

  private commit(book: PriceBook, a: Assumption, input: { value: string }): void {
    const parsed = parseAssumptionInput(input.value, book.assumption(a.key));
    if (!parsed.ok) {
      this.pending.set(a.key, { text: input.value, message: parsed.message });
      this.status = { kind: "error", text: `Not saved: ${parsed.message}` };
      this.render();
      return;
    }
    const current = this.saving.get(a.key) ?? this.store.book().assumption(a.key).value;
    if (parsed.value === current && !this.pending.has(a.key)) return;
    const text = input.value;
    this.saving.set(a.key, parsed.value);
    this.store
      .set(a.key, parsed.value)
      .finally(() => this.saving.delete(a.key))
      .then(
        () => {
          this.pending.delete(a.key);
          this.status = { kind: "info", text: `Saved ${a.label} = ${parsed.value} ${a.shipped.unit}.` };
          this.render();
        },
        (error: unknown) => {
          this.pending.set(a.key, { text, message: `Not saved: ${messageOf(error)}` });
          this.status = { kind: "error", text: `Not saved: ${messageOf(error)}` };
          this.render();
        },
      );
  }

  /**
   * "New..." opens an inline name field: Office add-ins cannot use window.prompt or confirm
   * (Office blocks them), so every question is asked in the pane itself.
   */
  private newScenarioControls(): HTMLElement[] {
    if (!this.naming) {
      return [
        h(
          "fluent-button",
          {
            appearance: "subtle",
            "data-control": "add-scenario",
            disabled: !this.store.writable,
            onclick: () => ((this.naming = true), this.render()),
          },
          "New...",
        ),
      ];
    }
    const name = h("fluent-text-input", {
      id: "new-scenario",
      "data-control": "new-scenario",
      placeholder: "bull",
      "aria-label": "Name of the new scenario (a copy of the current one)",
      onkeydown: (e: Event) => {
        if ((e as KeyboardEvent).key === "Enter") create();
        if ((e as KeyboardEvent).key === "Escape") {
          this.naming = false;
          this.render();
        }
      },
    }) as HTMLElement & { value: string };
    const create = () => {
      const n = name.value.trim();
      if (!n) return;
      this.naming = false;
      this.run(async () => (await this.store.addScenario(n), this.store.activate(n)), `Scenario "${n}" created.`);
    };
    return [
      name,
      h("fluent-button", { appearance: "primary", "data-control": "create-scenario", onclick: create }, "Create"),
      h(
        "fluent-button",
        { "data-control": "cancel-scenario", onclick: () => ((this.naming = false), this.render()) },
        "Cancel",
      ),
    ];
  }

  /** Reset all asks first, in the pane (see newScenarioControls). */
  private resetAllControls(): HTMLElement[] {
    if (!this.confirmingReset) {
      return [
        h(
          "fluent-button",
          {
            "data-control": "reset-all",
            disabled: !this.store.writable,
            onclick: () => ((this.confirmingReset = true), this.render()),
          },
          "Reset all",
        ),
      ];
    }
    return [
      h(
        "fluent-message-bar",
        { intent: "warning", id: "confirm-reset" },
        `Reset every assumption of "${this.store.snapshot.doc.activeScenario}" to the shipped defaults? Undo can bring them back.`,
        h(
          "fluent-button",
          {
            slot: "actions",
            appearance: "primary",
            "data-control": "confirm-reset",
            onclick: () => {
              this.confirmingReset = false;
              this.run(() => this.store.resetAll(), "All assumptions reset to the defaults.");
            },
          },
          "Reset all",
        ),
        h(
          "fluent-button",
          {
            slot: "actions",
            "data-control": "cancel-reset",
            onclick: () => ((this.confirmingReset = false), this.render()),
          },
          "Cancel",
        ),
      ),
    ];
  }

  private async importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    this.run(async () => this.store.import(await file.text()), `Imported ${file.name}.`);
  }

  private download(name: string, text: string): void {
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const a = h("a", { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private run(action: () => Promise<unknown>, done: string): void {
    action().then(
      () => {
        this.pending.clear();
        this.status = { kind: "info", text: done };
        this.render();
      },
      (error: unknown) => {
        this.status = { kind: "error", text: messageOf(error) };
        this.render();
      },
    );
  }
}
