/**
 * The pane's markup: FAST `html` templates bound to the models of ./paneModel.ts. Rendered
 * once; afterwards each binding updates its own attribute, property or text when the model
 * property it reads changes, and `repeat` adds or removes only the rows whose model came or
 * went (`recycle: false`: a row's element always belongs to the same key). Text is always
 * bound as text, never as markup.
 *
 * Inputs are native <input>s styled with Fluent's tokens: a table of a hundred numbers needs
 * plain, dense, fast fields; buttons and the switch are Fluent UI web components.
 */
import { Updates, html, render, repeat, when, type ExecutionContext } from "@microsoft/fast-element";
import type { CellModel } from "./cells";
import { copyText, download, downloadsBlocked } from "./files";
import { isCell, type GroupModel, type Slot, type TableRowModel } from "./groups";
import type { TableColumn } from "./layout";
import type { ChangeGroupModel, DriverModel, PaneModel, StoreProblem } from "./paneModel";
import type { ChangeLine } from "./edition";
import { formatNumber } from "./cells";
import type { FunctionModel, ParamField, ReferenceModel } from "./referenceModel";

const KEEP = true; // an event handler returning true keeps the browser's default action

const valueOf = (c: ExecutionContext) => (c.event.target as HTMLInputElement).value;

/**
 * Leaving a field saves what was typed, unless the person went to a command of the pane (Undo,
 * the scenario list, Reset, Export...): the command acts on what is saved and the text stays
 * in its field, unsaved, until Enter, leaving it for another field, or Escape.
 */
function onCellLeave(cell: CellModel, event: Event): boolean {
  const to = (event as FocusEvent).relatedTarget as Element | null;
  if (!to?.closest?.("button, select, fluent-button, fluent-switch, [data-control]")) cell.owner.commit(cell);
  return KEEP;
}

/** Enter saves, Escape drops what was typed; every other key types as usual. */
function onCellKey(cell: CellModel, event: Event): boolean {
  const key = (event as KeyboardEvent).key;
  if (key === "Enter") {
    cell.owner.commit(cell);
    return false;
  }
  if (key === "Escape") {
    cell.owner.revert(cell);
    return false;
  }
  return KEEP;
}

/** A number field for one assumption; `place` keeps ids unique where a key shows twice. */
const cellInput = (place: string, labelled: boolean) => html<CellModel>`
  <input
    class="num${(x) => (x.changed ? " changed" : "")}${(x) => (x.invalid ? " invalid" : "")}${(x) =>
      x.saving ? " saving" : ""}"
    type="text"
    inputmode="decimal"
    autocomplete="off"
    spellcheck="false"
    id="${(x) => x.domId(place)}"
    data-key="${(x) => x.key}"
    aria-label="${(x) => (labelled ? null : `${x.label} (${x.unit})`)}"
    aria-describedby="${(x) => `${x.domId(place)}-msg`}"
    aria-invalid="${(x) => (x.invalid ? "true" : null)}"
    title="${(x) => x.message || null}"
    ?readonly="${(x) => x.readonly}"
    :value="${(x) => x.text}"
    @input="${(x, c) => x.owner.typed(x, valueOf(c))}"
    @keydown="${(x, c) => onCellKey(x, c.event)}"
    @focusout="${(x, c) => onCellLeave(x, c.event)}"
    @focus="${(x) => x.owner.focused(x)}"
  />
`;

/** Lines under a field: why it was refused, a co-author's value, a problem of its cell. */
const cellNotes = (place: string) => html<CellModel>`
  <div class="message" id="${(x) => `${x.domId(place)}-msg`}" role="${(x) => (x.invalid ? "alert" : null)}">
    ${(x) => x.message}
  </div>
  ${when((x) => x.remote !== "", html<CellModel>`<div class="remote">${(x) => x.remote}</div>`)}
  ${when((x) => x.problem !== "", html<CellModel>`<div class="problem">${(x) => x.problem}</div>`)}
`;

const resetButton = html<CellModel>`
  <fluent-button
    appearance="subtle"
    size="small"
    data-reset="${(x) => x.key}"
    aria-label="${(x) => `Reset ${x.label} to the default`}"
    ?disabled="${(x) => x.readonly}"
    @click="${(x) => x.owner.resetCell(x)}"
    >Reset</fluent-button
  >
`;

const baseValue = html<CellModel>`<span
  class="base${(x) => (x.differsFromBase ? " differs" : "")}"
  title="The base scenario's value"
  >base ${(x) => x.base}</span
>`;

// ---- key drivers ---------------------------------------------------------------------------

const driverRow = html<DriverModel, PaneModel>`
  <div class="driver${(x) => (x.cell.changed ? " changed" : "")}" data-row="${(x) => x.cell.key}">
    <label class="driver-label" for="${(x) => x.cell.domId("drv")}">
      ${(x) => x.label}
      <span class="unit">${(x) => x.cell.unit}</span>
    </label>
    <div class="driver-edit">${render((x) => x.cell, cellInput("drv", true))}</div>
    <div class="driver-reset">
      ${when((x) => x.cell.changed, html<DriverModel>`${render((x) => x.cell, resetButton)}`)}
    </div>
    ${when((x) => x.cell.base !== "", html<DriverModel>`${render((x) => x.cell, baseValue)}`)}
    <div class="driver-notes">
      ${render((x) => x.cell, cellNotes("drv"))}
      <div class="meta">${(x) => x.cell.meta}</div>
    </div>
  </div>
`;

const driverHeading = html<DriverModel>`<h3 class="driver-heading">${(x) => x.heading}</h3>`;

const drivers = html<PaneModel>`
  <section id="drivers" class="drivers" aria-labelledby="drivers-title" ?hidden="${(x) => x.filtering}">
    <h2 id="drivers-title">Key drivers</h2>
    <p class="hint" id="drivers-note">${(x) => x.driversNote}</p>
    ${repeat((x) => x.drivers, html<DriverModel, PaneModel>`${when((x) => x.first, driverHeading)}${driverRow}`, {
      recycle: false,
    })}
  </section>
`;

// ---- groups: lists and tables --------------------------------------------------------------

const listRow = html<CellModel>`
  <div
    class="row${(x) => (x.changed ? " changed" : "")}${(x) => (x.invalid ? " invalid" : "")}"
    data-row="${(x) => x.key}"
  >
    <label for="${(x) => x.domId("row")}">${(x) => x.label} <code>${(x) => x.key}</code></label>
    <div class="edit">
      ${cellInput("row", true)}
      <span class="unit">${(x) => x.unit}</span>
      ${when((x) => x.changed, resetButton)} ${when((x) => x.base !== "", baseValue)}
    </div>
    ${cellNotes("row")}
    <div class="meta">${(x) => x.meta}${(x) => (x.changedText ? ` · ${x.changedText}` : "")}</div>
  </div>
`;

const list = html<GroupModel>` <div class="rows">${repeat((x) => x.shown, listRow, { recycle: false })}</div> `;

const slot = html<Slot>`
  <td class="${(x) => (isCell(x) ? `cell${x.changed ? " changed" : ""}${x.differsFromBase ? " differs" : ""}` : "na")}">
    ${when(
      (x) => isCell(x),
      html<Slot>`${render((x) => x as CellModel, cellInput("tbl", false))}`,
      html`<span aria-label="not applicable">–</span>`,
    )}
  </td>
`;

const tableRow = html<TableRowModel>`
  <tr data-row="${(x) => x.id}">
    <th scope="row">${(x) => x.label}<span class="detail">${(x) => x.detail}</span></th>
    ${repeat((x) => x.slots, slot)}
  </tr>
`;

const column = html<TableColumn>`<th scope="col">${(x) => x.label}<span class="unit">${(x) => x.unit}</span></th>`;

/** The line under a table: the focused cell's figure, source and date, and its messages. */
const cellDetail = html<CellModel>`
  <div class="cell-detail${(x) => (x.invalid ? " invalid" : "")}">
    <strong>${(x) => x.label}</strong> <code>${(x) => x.key}</code>
    ${when((x) => x.base !== "", baseValue)} ${when((x) => x.changed, resetButton)}
    <div class="meta">${(x) => x.meta}${(x) => (x.changedText ? ` · ${x.changedText}` : "")}</div>
    ${cellNotes("tbl")}
  </div>
`;

const table = html<GroupModel>`
  <div class="table-wrap">
    <table class="grid">
      <thead>
        <tr>
          <th scope="col" class="corner">${(x) => (x.name === "Accelerators" ? "Chip" : "Instance")}</th>
          ${repeat((x) => x.table!.columns, column)}
        </tr>
      </thead>
      <tbody>
        ${repeat((x) => x.table!.shown, tableRow, { recycle: false })}
      </tbody>
    </table>
  </div>
  ${when(
    (x) => x.table!.focused !== null,
    html<GroupModel>`${render((x) => x.table!.focused, cellDetail)}`,
    html`<p class="hint">Select a figure to see its source and date.</p>`,
  )}
`;

const group = html<GroupModel, PaneModel>`
  <details
    class="group"
    id="${(x) => x.id}"
    ?open="${(x) => x.open}"
    @toggle="${(x, c) => c.parent.toggleGroup(x, (c.event.target as HTMLDetailsElement).open)}"
  >
    <summary>
      <span class="group-name">${(x) => x.name}</span>
      <span class="count">${(x) => x.countText}</span>
      <span class="changed-count">${(x) => x.changedText}</span>
    </summary>
    ${when(
      (x) => x.open,
      (x) => (x.table ? table : list),
    )}
  </details>
`;

// ---- header, banners, tools ----------------------------------------------------------------

const scenarioOption = html<string, PaneModel>`<option
  value="${(x) => x}"
  ?selected="${(x, c) => x === c.parent.active}"
>
  ${(x) => x}
</option>`;

const naming = html<PaneModel>`
  <input
    id="new-scenario"
    class="text"
    data-control="new-scenario"
    placeholder="bull"
    aria-label="Name of the new scenario (a copy of the current one)"
    maxlength="40"
    @keydown="${(x, c) => {
      const e = c.event as KeyboardEvent;
      if (e.key === "Enter") x.createScenario((e.target as HTMLInputElement).value);
      else if (e.key === "Escape") x.cancelNaming();
      else return KEEP;
      return false;
    }}"
  />
  <fluent-button
    appearance="primary"
    size="small"
    data-control="create-scenario"
    @click="${(x, c) =>
      x.createScenario(
        ((c.event.target as HTMLElement).parentElement?.querySelector("#new-scenario") as HTMLInputElement).value,
      )}"
    >Create</fluent-button
  >
  <fluent-button size="small" data-control="cancel-scenario" @click="${(x) => x.cancelNaming()}">Cancel</fluent-button>
`;

const header = html<PaneModel>`
  <header class="top">
    <h1>GPU Cost</h1>
    <div class="scenario">
      <label for="scenario">Scenario</label>
      <select
        id="scenario"
        data-control="scenario"
        aria-label="Active scenario"
        ?disabled="${(x) => !x.writable}"
        @change="${(x, c) => x.activate((c.event.target as HTMLSelectElement).value)}"
      >
        ${repeat((x) => x.scenarios, scenarioOption)}
      </select>
      ${when(
        (x) => x.naming,
        naming,
        html<PaneModel>`<fluent-button
          appearance="subtle"
          size="small"
          data-control="add-scenario"
          ?disabled="${(x) => !x.writable}"
          @click="${(x) => {
            x.startNaming();
            void Updates.next().then(() => document.getElementById("new-scenario")?.focus());
          }}"
          >New…</fluent-button
        >`,
      )}
      ${when(
        (x) => x.comparing && !x.naming,
        html<PaneModel>`<fluent-button
          appearance="subtle"
          size="small"
          data-control="remove-scenario"
          ?disabled="${(x) => !x.writable}"
          @click="${(x) => x.removeScenario()}"
          >Remove</fluent-button
        >`,
      )}
    </div>
    <p class="save${(x) => (x.saveText.warn ? " warn" : "")}" id="save-state">
      ${(x) => x.saveText.text}
      ${when(
        (x) => x.canShowSheet,
        html<PaneModel>`<button class="link" data-control="show-sheet" @click="${(x) => x.showSheet()}">
          Show the assumptions sheet
        </button>`,
      )}
    </p>
    <p class="edition">
      Price book edition ${(x) => x.edition}${(x) => (x.comparing ? ` · "${x.active}" beside base` : "")}
    </p>
  </header>
`;

const problem = html<StoreProblem>`<li><code>${(x) => x.address}</code> ${(x) => x.message}</li>`;

const changeLine = html<ChangeLine>`<li data-key="${(x) => x.key}">
  <span class="label">${(x) => x.label}</span>
  <span class="values"
    >${(x) => (x.kind === "new" ? "new: " : formatNumber(x.from) + " → ")}${(x) =>
      x.kind === "removed" ? "removed" : formatNumber(x.to)}
    ${(x) => x.unit}</span
  >
</li>`;

const changeGroup = html<ChangeGroupModel>`
  <details
    class="change-group"
    id="${(x) => x.id}"
    ?open="${(x) => x.open}"
    @toggle="${(x, c) => (x.open = (c.event.target as HTMLDetailsElement).open)}"
  >
    <summary>
      <span class="group-name">${(x) => x.group.name}</span>
      <span class="count">${(x) => x.group.lines.length}</span>
      <span class="counts">${(x) => x.counts}</span>
    </summary>
    ${when(
      (x) => x.open,
      html<ChangeGroupModel>`<ul>
        ${repeat((x) => x.group.lines, changeLine)}
      </ul>`,
    )}
  </details>
`;

const banners = html<PaneModel>`
  ${when(
    (x) => x.warning !== "",
    html<PaneModel>`<div class="bar${(x) => (x.writable ? " warn" : " error")}" id="read-only" role="alert">
      <span>${(x) => x.warning}</span>
      ${when(
        (x) => x.hasRaw,
        html<PaneModel>`<fluent-button size="small" data-control="export-raw" @click="${(x) => x.openExport()}"
          >Export stored text</fluent-button
        >`,
      )}
    </div>`,
  )}
  ${when(
    (x) => x.problems.length > 0,
    html<PaneModel>`<div class="bar warn" id="problems" role="alert">
      <span>${(x) => x.problemsTitle}</span>
      <ul>
        ${repeat((x) => x.problems, problem)}
      </ul>
      ${when(
        (x) => x.canShowSheet,
        html<PaneModel>`<fluent-button size="small" data-control="show-sheet-problems" @click="${(x) => x.showSheet()}"
          >Show the assumptions sheet</fluent-button
        >`,
      )}
    </div>`,
  )}
  ${when(
    (x) => x.changeTotal > 0,
    html<PaneModel>`<div class="bar info" id="edition-update">
      <span
        >A newer price book, ${(x) => x.latestEdition}, ships with this add-in. This workbook keeps the numbers of
        ${(x) => x.edition} until you update; ${(x) => x.changeTotal} values would change:</span
      >
      <div class="change-groups">${repeat((x) => x.changeGroups, changeGroup)}</div>
      <div class="actions">
        <fluent-button
          appearance="primary"
          size="small"
          data-control="update-edition"
          ?disabled="${(x) => !x.writable}"
          @click="${(x) => x.updateEdition()}"
          >Update to ${(x) => x.latestEdition}</fluent-button
        >
        <span class="hint">Your own changes are kept; Undo goes back.</span>
      </div>
    </div>`,
  )}
  <p id="status" role="status" aria-live="polite" class="${(x) => x.status.kind}">${(x) => x.status.text}</p>
`;

async function readFile(model: PaneModel, input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  input.value = "";
  if (file) model.importText(await file.text(), file.name);
}

const exportPanel = html<PaneModel>`
  <section class="panel" id="export-panel" aria-label="Export">
    <p>
      ${(x) => (x.hasRaw ? "The stored text, as found in the workbook." : "This workbook's assumptions, as JSON.")} Keep
      it as a file or copy it (Excel for Mac does not let add-ins download files).
    </p>
    <div class="actions">
      <fluent-button
        appearance="primary"
        size="small"
        data-control="copy-export"
        @click="${(x, c) =>
          void copyText(
            x.exportText,
            (c.event.target as HTMLElement).closest("section")?.querySelector("textarea"),
          ).then((ok) => x.exported(ok ? "copied" : "copy-failed"))}"
        >Copy to clipboard</fluent-button
      >
      ${when(
        () => !downloadsBlocked(),
        html<PaneModel>`<fluent-button
          size="small"
          data-control="download-export"
          @click="${(x) => (download(x.exportName, x.exportText), x.exported("downloaded"))}"
          >Download ${(x) => x.exportName}</fluent-button
        >`,
      )}
      <fluent-button size="small" data-control="close-export" @click="${(x) => x.closeExport()}">Close</fluent-button>
    </div>
    <textarea id="export-text" readonly rows="8" aria-label="Exported text" :value="${(x) => x.exportText}"></textarea>
  </section>
`;

const confirmReset = html<PaneModel>`
  <div class="bar warn" id="confirm-reset" role="alert">
    <span>Reset every assumption of "${(x) => x.active}" to the shipped defaults? Undo can bring them back.</span>
    <div class="actions">
      <fluent-button
        appearance="primary"
        size="small"
        data-control="confirm-reset"
        @click="${(x) => x.confirmResetAll()}"
        >Reset all</fluent-button
      >
      <fluent-button size="small" data-control="cancel-reset" @click="${(x) => x.cancelResetAll()}"
        >Cancel</fluent-button
      >
    </div>
  </div>
`;

const tools = html<PaneModel>`
  <div class="toolbar" role="toolbar" aria-label="Assumption tools">
    <input
      type="search"
      id="search"
      class="text"
      data-control="search"
      placeholder="Search keys, labels, sources"
      aria-label="Search assumptions"
      autocomplete="off"
      @input="${(x, c) => x.setSearch(valueOf(c))}"
    />
    <div class="tools">
      <span class="switch">
        <fluent-switch
          id="changed-only"
          data-control="changed-only"
          @change="${(x, c) => x.setChangedOnly((c.event.target as HTMLInputElement).checked)}"
        ></fluent-switch>
        <label for="changed-only">Changed from defaults</label>
      </span>
      <fluent-button
        size="small"
        data-control="undo"
        ?disabled="${(x) => !x.canUndo || !x.writable}"
        @click="${(x) => x.undo()}"
        >${(x) => (x.undoLabel ? `Undo ${x.undoLabel}` : "Undo")}</fluent-button
      >
      <fluent-button
        size="small"
        data-control="reset-all"
        ?disabled="${(x) => !x.writable}"
        @click="${(x) => x.askResetAll()}"
        >Reset all</fluent-button
      >
      <fluent-button
        size="small"
        data-control="import"
        ?disabled="${(x) => !x.writable}"
        @click="${(_x, c) =>
          (
            (c.event.target as HTMLElement).closest(".toolbar")?.querySelector("#import-file") as HTMLInputElement
          ).click()}"
        >Import JSON</fluent-button
      >
      <fluent-button size="small" data-control="export" @click="${(x) => x.openExport()}">Export JSON</fluent-button>
      <input
        type="file"
        id="import-file"
        accept="application/json,.json"
        hidden
        @change="${(x, c) => void readFile(x, c.event.target as HTMLInputElement)}"
      />
    </div>
  </div>
  ${when((x) => x.confirmingReset, confirmReset)} ${when((x) => x.exportOpen, exportPanel)}
`;

const assumptions = html<PaneModel>`
  ${tools} ${drivers}
  <div id="groups">${repeat((x) => x.groups, group, { recycle: false })}</div>
  ${when(
    (x) => x.filtering && x.groups.every((g) => g.shownCount === 0),
    html<PaneModel>`<p class="empty">
      ${(x) => (x.changedOnly && !x.search.trim() ? "Nothing differs from the defaults." : "No assumption matches.")}
    </p>`,
  )}
`;

// ---- function reference --------------------------------------------------------------------

const paramField = html<ParamField>`
  <label class="param">
    <span class="param-name">${(x) => x.label}</span>
    <input
      class="text"
      data-param="${(x) => x.info.name}"
      autocomplete="off"
      spellcheck="false"
      :value="${(x) => x.text}"
      @input="${(x, c) => (x.text = valueOf(c))}"
    />
    <span class="param-desc">${(x) => x.info.description}</span>
  </label>
`;

const example = html<{ formula: string; result: string }>`<li>
  <code>${(x) => x.formula}</code>${(x) => (x.result ? ` = ${x.result}` : "")}
</li>`;

const occupied = html<FunctionModel>`
  <div class="bar warn" role="alert" data-control="occupied">
    <span
      >${(x) => x.occupied?.address} holds <code>${(x) => x.occupied?.existing}</code>. Replace it with the
      formula?</span
    >
    <div class="actions">
      <fluent-button
        appearance="primary"
        size="small"
        data-control="replace"
        @click="${(x) => void x.insert(x.occupied?.address)}"
        >Replace</fluent-button
      >
      <fluent-button size="small" data-control="keep" @click="${(x) => x.keep()}">Keep it</fluent-button>
    </div>
  </div>
`;

const functionBody = html<FunctionModel>`
  <p class="desc">${(x) => x.info.description}</p>
  ${when(
    (x) => x.info.spills,
    html`<p class="hint">Returns a table that spills into the cells below and to the right.</p>`,
  )}
  ${when(
    (x) => x.info.examples.length > 0,
    html<FunctionModel>`<ul class="examples">
      ${repeat((x) => x.info.examples, example)}
    </ul>`,
  )}
  <div class="form">
    ${repeat((x) => x.params, paramField)}
    <p class="preview">Formula: <code data-control="formula">${(x) => x.composed.formula}</code></p>
    <div class="actions">
      <fluent-button
        appearance="primary"
        size="small"
        data-control="insert"
        ?disabled="${(x) => x.busy}"
        @click="${(x) => void x.insert()}"
        >Insert into the selected cell</fluent-button
      >
    </div>
    ${when((x) => x.occupied !== null, occupied)}
    <p class="fn-message" role="status">${(x) => x.message}</p>
  </div>
`;

const functionEntry = html<FunctionModel>`
  <details
    class="fn"
    id="${(x) => x.id}"
    ?open="${(x) => x.open}"
    @toggle="${(x, c) => (x.open = (c.event.target as HTMLDetailsElement).open)}"
  >
    <summary><code>${(x) => x.signature}</code></summary>
    ${when((x) => x.open, functionBody)}
  </details>
`;

const reference = html<ReferenceModel>`
  <input
    type="search"
    id="fn-search"
    class="text"
    data-control="fn-search"
    placeholder="Search functions and their arguments"
    aria-label="Search functions"
    autocomplete="off"
    @input="${(x, c) => x.setSearch(valueOf(c))}"
  />
  ${when((x) => x.state === "loading", html`<p class="hint">Loading the functions…</p>`)}
  ${when((x) => x.state === "error", html<ReferenceModel>`<p class="error">${(x) => x.error}</p>`)}
  ${when(
    (x) => x.state === "ready",
    html<ReferenceModel>`<p class="hint">
      <span id="fn-count">${(x) => `${x.shownCount} of ${x.count} functions.`}</span>
      Select a cell in the sheet, open a function, fill in its arguments and insert it.
    </p>`,
  )}
  <div class="fns">${repeat((x) => x.shown, functionEntry, { recycle: false })}</div>
`;

// ---- the pane ------------------------------------------------------------------------------

export const paneTemplate = html<PaneModel>`
  ${header} ${banners}
  <div class="tabs" role="tablist" aria-label="Pane sections">
    <button
      role="tab"
      id="tab-assumptions"
      aria-controls="panel-assumptions"
      aria-selected="${(x) => String(x.tab === "assumptions")}"
      @click="${(x) => x.setTab("assumptions")}"
    >
      Assumptions
    </button>
    <button
      role="tab"
      id="tab-functions"
      aria-controls="panel-functions"
      aria-selected="${(x) => String(x.tab === "functions")}"
      @click="${(x) => x.setTab("functions")}"
    >
      Functions
    </button>
  </div>
  <section
    id="panel-assumptions"
    role="tabpanel"
    aria-labelledby="tab-assumptions"
    ?hidden="${(x) => x.tab !== "assumptions"}"
  >
    ${assumptions}
  </section>
  <section
    id="panel-functions"
    role="tabpanel"
    aria-labelledby="tab-functions"
    ?hidden="${(x) => x.tab !== "functions"}"
  >
    ${when((x) => x.reference.state !== "idle", html<PaneModel>`${render((x) => x.reference, reference)}`)}
  </section>
`;
