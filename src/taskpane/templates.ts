/**
 * The pane's markup: FAST `html` templates bound to the models of ./paneModel.ts. Rendered
 * once; afterwards each binding updates its own attribute, property or text when the model
 * property it reads changes, and `repeat` adds or removes only the rows whose model came or
 * went (`recycle: false`: a row's element always belongs to the same key). Text is always
 * bound as text, never as markup.
 *
 * Native elements throughout (inputs, buttons, a checkbox as a switch), styled with Fluent's
 * design values in taskpane.css: the Fluent UI web components would add ~55 KB to the pane and
 * a third to its time to interactive (bench/pane.ts), for buttons.
 *
 * A part written on its own (a field, its Reset and its notes, which several templates share;
 * the header, the tabs) is inlined where it is used (`.inline()`): its markup and bindings join
 * the template's own.
 * Interpolated as is, it would be a child view: a comment, a placeholder and a binding of its
 * own, in every row. Inlining, with ./dedent.ts's edges and cellNotes' one binding, took the
 * first screen from 68 comments to 15 and from 310 blank text nodes to 117 (the same 154
 * elements), and the CPU profile of its render from 36-42 to 23 ms.
 */
import { Updates, oneTime, repeat, when, type ExecutionContext } from "@microsoft/fast-element";
import { html } from "./markup";
import type { CellModel } from "./cells";
import { copyText, download, downloadsBlocked } from "./files";
import { isCell, type GroupModel, type Slot, type TableRowModel } from "./groups";
import type { TableColumn } from "./layout";
import type { ChangeGroupModel, DriverModel, PaneModel, PaneTab, StoreProblem } from "./paneModel";
import type { ChangeLine } from "./edition";
import { formatNumber } from "./cells";
import type { FunctionModel, ParamField } from "./referenceModel";
import type { FunctionInfo, ParamInfo } from "./reference";
import type { GridForm, InsertModel } from "./sensitivityModel";

const KEEP = true; // an event handler returning true keeps the browser's default action

const valueOf = (c: ExecutionContext) => (c.event.target as HTMLInputElement).value;
/** Whether the <details> whose toggle event this is is open. */
const opened = (c: ExecutionContext) => (c.event.target as HTMLDetailsElement).open;

/**
 * Leaving a field saves what was typed, unless the person went to a command of the pane (Undo,
 * the scenario list, Reset, Export...): the command acts on what is saved and the text stays
 * in its field, unsaved, until Enter, leaving it for another field, or Escape.
 */
function onCellLeave(cell: CellModel, event: Event): boolean {
  const to = (event as FocusEvent).relatedTarget as Element | null;
  if (!to?.closest?.("button, select, [data-control]")) cell.owner.commit(cell);
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

/** Where a template finds its cell: the row itself, or the cell of a key driver. */
type Of<T> = (x: T) => CellModel;

/**
 * A number field for one assumption, bound through `cell` (so a key driver's row binds its
 * cell's properties directly, without a nested view); `place` keeps ids unique where a key
 * shows twice (key drivers and groups).
 */
function cellInput<T>(place: string, cell: Of<T>, labelled: boolean) {
  return html<T>`
    <input
      class="num${(x) => (cell(x).changed ? " changed" : "")}${(x) => (cell(x).invalid ? " invalid" : "")}${(x) =>
        cell(x).saving ? " saving" : ""}"
      type="text"
      inputmode="decimal"
      autocomplete="off"
      spellcheck="false"
      id="${oneTime((x: T) => cell(x).domId(place))}"
      data-key="${oneTime((x: T) => cell(x).key)}"
      aria-label="${(x) => (labelled ? null : `${cell(x).label} (${cell(x).unit})`)}"
      aria-describedby="${oneTime((x: T) => `${cell(x).domId(place)}-msg`)}"
      aria-invalid="${(x) => (cell(x).invalid ? "true" : null)}"
      title="${(x) => cell(x).message || null}"
      ?readonly="${(x) => cell(x).readonly}"
      :value="${(x) => cell(x).text}"
      @input="${(x, c) => cell(x).owner.typed(cell(x), valueOf(c))}"
      @keydown="${(x, c) => onCellKey(cell(x), c.event)}"
      @focusout="${(x, c) => onCellLeave(cell(x), c.event)}"
      @focus="${(x) => cell(x).owner.focused(cell(x))}"
    />
  `;
}

/**
 * Lines under a field, each made only while it has something to say (most fields never do, and
 * the first screen stays small): why the text was refused, a co-author's value, a problem the
 * store found in the cell. One binding decides whether there is anything to say at all: a field
 * with nothing costs the first render one placeholder, not three.
 */
function cellNotes<T>(place: string, cell: Of<T>) {
  const invalid = (x: T) => cell(x).invalid;
  const remote = (x: T) => cell(x).remote !== "";
  const problem = (x: T) => cell(x).problem !== "";
  const lines = html<T>`
    ${when(
      invalid,
      html<T>`<div class="message" id="${(x) => `${cell(x).domId(place)}-msg`}" role="alert">
        ${(x) => cell(x).message}
      </div>`,
    )}
    ${when(remote, html<T>`<div class="remote">${(x) => cell(x).remote}</div>`)}
    ${when(problem, html<T>`<div class="problem">${(x) => cell(x).problem}</div>`)}
  `;
  // Its "||" makes FAST re-read the dependencies at every evaluation (a volatile binding).
  return html<T>`${when((x) => invalid(x) || remote(x) || problem(x), lines)}`;
}

/** Reset, made while the value differs from the default. */
function resetButton<T>(cell: Of<T>) {
  return html<T>`
    ${when(
      (x) => cell(x).changed,
      html<T>`<button
        type="button"
        class="btn subtle small"
        data-reset="${(x) => cell(x).key}"
        aria-label="${(x) => `Reset ${cell(x).label} to the default`}"
        ?disabled="${(x) => cell(x).readonly}"
        @click="${(x) => cell(x).owner.resetCell(cell(x))}"
      >
        Reset
      </button>`,
    )}
  `;
}

/** Base's value, made while another scenario is active ("base 1.25", or "1.25" under a "base" column). */
function baseValue<T>(cell: Of<T>, prefix = "base ") {
  return html<T>`
    ${when(
      (x) => cell(x).base !== "",
      html<T>`<span class="base${(x) => (cell(x).differsFromBase ? " differs" : "")}" title="The base scenario's value"
        >${(x) => prefix + cell(x).base}</span
      >`,
    )}
  `;
}

const self: Of<CellModel> = (x) => x;

// ---- key drivers ---------------------------------------------------------------------------

const ofDriver: Of<DriverModel> = (x) => x.cell;

/**
 * Under the driver last focused: its source line, and the edition's note on it behind "Why this
 * figure" (the notes are a chunk of their own, loaded when a note is first opened; a long note
 * would also push every driver below it down at each click).
 */
const driverSource = html<DriverModel>`
  <div class="meta">${(x) => x.cell.sourceLine}</div>
  <details class="why" ?open="${(x) => x.noteOpen}" @toggle="${(x, c) => (x.noteOpen = opened(c))}">
    <summary>Why this figure</summary>
    ${when(
      (x) => x.noteOpen,
      html<DriverModel>`<p class="note">
        ${(x) =>
          x.cell.note || (x.cell.owner.notesLoaded ? "The edition has no note on this figure." : "Loading the note...")}
      </p>`,
    )}
  </details>
`;

const driverRow = html<DriverModel>`
  ${when((x) => x.first, html<DriverModel>`<h3 class="driver-heading">${(x) => x.heading}</h3>`)}
  <div class="driver${(x) => (x.cell.changed ? " changed" : "")}" data-row="${(x) => x.cell.key}">
    <label class="driver-label" for="${(x) => x.cell.domId("drv")}">
      ${(x) => x.label}
      <span class="unit">${(x) => (x.detail ? `${x.cell.unit}, ${x.detail}` : x.cell.unit)}</span>
    </label>
    <div class="driver-edit">${cellInput("drv", ofDriver, true).inline()}</div>
    <div class="driver-reset">${resetButton(ofDriver).inline()}</div>
    ${baseValue(ofDriver, "").inline()}
    <div class="driver-notes">${cellNotes("drv", ofDriver).inline()} ${when((x) => x.selected, driverSource)}</div>
  </div>
`;

const drivers = html<PaneModel>`
  <section
    id="drivers"
    class="drivers${(x) => (x.comparing ? " comparing" : "")}"
    aria-labelledby="drivers-title"
    ?hidden="${(x) => x.filtering}"
  >
    <h2 id="drivers-title">Key drivers</h2>
    <p class="hint" id="drivers-note">${(x) => x.driversNote}</p>
    <div class="driver-columns" aria-hidden="true" ?hidden="${(x) => !x.comparing}">
      <span></span><span>${(x) => x.active}</span><span></span><span>base</span>
    </div>
    ${repeat((x) => x.drivers, driverRow, { recycle: false })}
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
      ${cellInput("row", self, true).inline()}
      <span class="unit">${(x) => x.unit}</span>
      ${resetButton(self).inline()} ${baseValue(self).inline()}
    </div>
    ${cellNotes("row", self).inline()}
    <div class="meta">${(x) => x.meta}${(x) => (x.changedText ? ` · ${x.changedText}` : "")}</div>
  </div>
`;

const list = html<GroupModel>` <div class="rows">${repeat((x) => x.shown, listRow, { recycle: false })}</div> `;

const tableInput = cellInput<Slot>("tbl", (x) => x as CellModel, false);

const slot = html<Slot>`
  <td class="${(x) => (isCell(x) ? `cell${x.changed ? " changed" : ""}${x.differsFromBase ? " differs" : ""}` : "na")}">
    ${when((x) => isCell(x), tableInput, html`<span aria-label="not applicable">–</span>`)}
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
const focusedCell: Of<GroupModel> = (x) => x.table!.focused!;
const cellDetail = html<GroupModel>`
  <div class="cell-detail${(x) => (focusedCell(x).invalid ? " invalid" : "")}">
    <div class="cell-head">
      <strong>${(x) => focusedCell(x).label}</strong> <code>${(x) => focusedCell(x).key}</code>
      ${baseValue(focusedCell).inline()} ${resetButton(focusedCell).inline()}
    </div>
    <div class="meta">
      ${(x) => focusedCell(x).meta}${(x) => (focusedCell(x).changedText ? ` · ${focusedCell(x).changedText}` : "")}
    </div>
    ${cellNotes("tbl", focusedCell).inline()}
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
    cellDetail,
    html`<p class="hint">Select a figure to see its source and date.</p>`,
  )}
`;

const group = html<GroupModel, PaneModel>`
  <details
    class="group"
    id="${(x) => x.id}"
    ?open="${(x) => x.open}"
    @toggle="${(x, c) => c.parent.toggleGroup(x, opened(c))}"
  >
    <summary>
      ${(x) => x.name} <span class="count">${(x) => x.countText}</span>
      <span class="changed-count">${(x) => (x.changedText ? ` ${x.changedText}` : "")}</span>
    </summary>
    ${when(
      (x) => x.open,
      (x) => (x.isTable ? table : list),
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
  <button
    type="button"
    class="btn primary small"
    data-control="create-scenario"
    @click="${(x, c) =>
      x.createScenario(
        ((c.event.target as HTMLElement).parentElement?.querySelector("#new-scenario") as HTMLInputElement).value,
      )}"
  >
    Create
  </button>
  <button type="button" class="btn small" data-control="cancel-scenario" @click="${(x) => x.cancelNaming()}">
    Cancel
  </button>
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
        html<PaneModel>`<button
          type="button"
          class="btn subtle small"
          data-control="add-scenario"
          ?disabled="${(x) => !x.writable}"
          @click="${(x) => {
            x.startNaming();
            void Updates.next().then(() => document.getElementById("new-scenario")?.focus());
          }}"
        >
          New…
        </button>`,
      )}
      ${when(
        (x) => x.comparing && !x.naming,
        html<PaneModel>`<button
          type="button"
          class="btn subtle small"
          data-control="remove-scenario"
          ?disabled="${(x) => !x.writable}"
          @click="${(x) => x.removeScenario()}"
        >
          Remove
        </button>`,
      )}
    </div>
    <p class="save${(x) => (x.saveText.warn ? " warn" : "")}" id="save-state">
      ${(x) => x.saveText.text}
      ${when(
        (x) => x.canShowSheet,
        html<PaneModel>`<button type="button" class="link" data-control="show-sheet" @click="${(x) => x.showSheet()}">
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
    @toggle="${(x, c) => (x.open = opened(c))}"
  >
    <summary>
      ${(x) => x.group.name} <span class="count">${(x) => x.group.lines.length}</span>
      <span class="counts">${(x) => ` ${x.counts}`}</span>
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
        html<PaneModel>`<button
          type="button"
          class="btn small"
          data-control="export-raw"
          @click="${(x) => x.openExport()}"
        >
          Export stored text
        </button>`,
      )}
    </div>`,
  )}
  ${when(
    (x) => x.readError !== "",
    html<PaneModel>`<div class="bar warn" id="read-error" role="alert">
      ${(x) => x.readError} The pane shows the last values read; the add-in tries again.
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
        html<PaneModel>`<button
          type="button"
          class="btn small"
          data-control="show-sheet-problems"
          @click="${(x) => x.showSheet()}"
        >
          Show the assumptions sheet
        </button>`,
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
        <button
          type="button"
          class="btn primary small"
          data-control="update-edition"
          ?disabled="${(x) => !x.writable}"
          @click="${(x) => x.updateEdition()}"
        >
          Update to ${(x) => x.latestEdition}
        </button>
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
      <button
        type="button"
        class="btn primary small"
        data-control="copy-export"
        @click="${(x, c) =>
          void copyText(
            x.exportText,
            (c.event.target as HTMLElement).closest("section")?.querySelector("textarea"),
          ).then((ok) => x.exported(ok ? "copied" : "copy-failed"))}"
      >
        Copy to clipboard
      </button>
      ${when(
        () => !downloadsBlocked(),
        html<PaneModel>`<button
          type="button"
          class="btn small"
          data-control="download-export"
          @click="${(x) => (download(x.exportName, x.exportText), x.exported("downloaded"))}"
        >
          Download ${(x) => x.exportName}
        </button>`,
      )}
      <button type="button" class="btn small" data-control="close-export" @click="${(x) => x.closeExport()}">
        Close
      </button>
    </div>
    <textarea id="export-text" readonly rows="8" aria-label="Exported text" :value="${(x) => x.exportText}"></textarea>
  </section>
`;

const confirmReset = html<PaneModel>`
  <div class="bar warn" id="confirm-reset" role="alert">
    <span>Reset every assumption of "${(x) => x.active}" to the shipped defaults? Undo can bring them back.</span>
    <div class="actions">
      <button
        type="button"
        class="btn primary small"
        data-control="confirm-reset"
        @click="${(x) => x.confirmResetAll()}"
      >
        Reset all
      </button>
      <button type="button" class="btn small" data-control="cancel-reset" @click="${(x) => x.cancelResetAll()}">
        Cancel
      </button>
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
        <input
          type="checkbox"
          role="switch"
          class="toggle"
          id="changed-only"
          data-control="changed-only"
          @change="${(x, c) => x.setChangedOnly((c.event.target as HTMLInputElement).checked)}"
        />
        <label for="changed-only">Changed from defaults</label>
      </span>
      <button
        type="button"
        class="btn small"
        data-control="undo"
        ?disabled="${(x) => !x.canUndo || !x.writable}"
        @click="${(x) => x.undo()}"
      >
        ${(x) => (x.undoLabel ? `Undo ${x.undoLabel}` : "Undo")}
      </button>
      <button
        type="button"
        class="btn small"
        data-control="reset-all"
        ?disabled="${(x) => !x.writable}"
        @click="${(x) => x.askResetAll()}"
      >
        Reset all
      </button>
      <button
        type="button"
        class="btn small"
        data-control="import"
        ?disabled="${(x) => !x.writable}"
        @click="${(_x, c) =>
          (
            (c.event.target as HTMLElement).closest(".toolbar")?.querySelector("#import-file") as HTMLInputElement
          ).click()}"
      >
        Import JSON
      </button>
      <button type="button" class="btn small" data-control="export" @click="${(x) => x.openExport()}">
        Export JSON
      </button>
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
  ${tools.inline()} ${drivers.inline()}
  <h2 class="groups-title" ?hidden="${(x) => x.filtering}">All assumptions</h2>
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
      <button
        type="button"
        class="btn primary small"
        data-control="replace"
        @click="${(x) => void x.insert(x.occupied?.address)}"
      >
        Replace
      </button>
      <button type="button" class="btn small" data-control="keep" @click="${(x) => x.keep()}">Keep it</button>
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
      <button
        type="button"
        class="btn primary small"
        data-control="insert"
        ?disabled="${(x) => x.busy}"
        @click="${(x) => void x.insert()}"
      >
        Insert into the selected cell
      </button>
    </div>
    ${when((x) => x.occupied !== null, occupied)}
    <p class="fn-message" role="status">${(x) => x.message}</p>
  </div>
`;

const functionEntry = html<FunctionModel>`
  <details class="fn" id="${(x) => x.id}" ?open="${(x) => x.open}" @toggle="${(x, c) => (x.open = opened(c))}">
    <summary><code>${(x) => x.signature}</code></summary>
    ${when((x) => x.open, functionBody)}
  </details>
`;

const ref = (x: PaneModel) => x.reference;
const reference = html<PaneModel>`
  <input
    type="search"
    id="fn-search"
    class="text"
    data-control="fn-search"
    placeholder="Search functions and their arguments"
    aria-label="Search functions"
    autocomplete="off"
    @input="${(x, c) => ref(x).setSearch(valueOf(c))}"
  />
  <p class="hint" ?hidden="${(x) => ref(x).state !== "loading"}">Loading the functions…</p>
  <p class="error" ?hidden="${(x) => ref(x).state !== "error"}">${(x) => ref(x).error}</p>
  <p class="hint" ?hidden="${(x) => ref(x).state !== "ready"}">
    <span id="fn-count">${(x) => `${ref(x).shownCount} of ${ref(x).count} functions.`}</span>
    Select a cell in the sheet, open a function, fill in its arguments and insert it.
  </p>
  <div class="fns">${repeat((x) => ref(x).shown, functionEntry, { recycle: false })}</div>
`;

// ---- insert: model sheet and sensitivity grid ------------------------------------------------

const ins = (x: PaneModel): InsertModel => x.insert;
const grid = (x: PaneModel): GridForm => x.insert.grid;
const selectValue = (c: ExecutionContext) => (c.event.target as HTMLSelectElement).value;

const fnOption = html<FunctionInfo, PaneModel>`<option
  value="${(x) => x.name}"
  ?selected="${(x, c) => x.name === grid(c.parent).fnName}"
>
  ${(x) => `GPU.${x.name}`}
</option>`;

/** An option of the row (or column) input list, selected where it is that axis. */
const axisOption = (axis: "row" | "col") =>
  html<ParamInfo, PaneModel>`<option value="${(x) => x.name}" ?selected="${(x, c) => x.name === grid(c.parent)[axis]}">
    ${(x) => x.name}
  </option>`;
const rowOption = axisOption("row");
const colOption = axisOption("col");

const gridReady = html<PaneModel>`
  <div class="form" data-control="grid-form">
    <label class="param">
      <span class="param-name">Output</span>
      <select
        id="grid-fn"
        data-control="grid-fn"
        ?disabled="${(x) => grid(x).busy}"
        @change="${(x, c) => grid(x).choose(selectValue(c))}"
      >
        ${repeat((x) => grid(x).functions, fnOption)}
      </select>
      <span class="param-desc">${(x) => grid(x).description}</span>
    </label>
    <label class="param">
      <span class="param-name">Down the rows</span>
      <select id="grid-row" data-control="grid-row" @change="${(x, c) => grid(x).setRow(selectValue(c))}">
        ${repeat((x) => grid(x).inputs, rowOption)}
      </select>
    </label>
    <label class="param">
      <span class="param-name">Row values</span>
      <input
        class="text"
        id="grid-row-values"
        data-control="grid-row-values"
        autocomplete="off"
        spellcheck="false"
        :value="${(x) => grid(x).rowText}"
        @input="${(x, c) => (grid(x).rowText = valueOf(c))}"
      />
    </label>
    <label class="param">
      <span class="param-name">Across the columns</span>
      <select id="grid-col" data-control="grid-col" @change="${(x, c) => grid(x).setCol(selectValue(c))}">
        ${repeat((x) => grid(x).inputs, colOption)}
      </select>
    </label>
    <label class="param">
      <span class="param-name">Column values</span>
      <input
        class="text"
        id="grid-col-values"
        data-control="grid-col-values"
        autocomplete="off"
        spellcheck="false"
        :value="${(x) => grid(x).colText}"
        @input="${(x, c) => (grid(x).colText = valueOf(c))}"
      />
    </label>
    <p class="hint">Values separated by commas; numbers as numbers (5%, 1.5E12), anything else as text.</p>
    <div class="others">${repeat((x) => grid(x).others, paramField, { recycle: false })}</div>
    <p class="preview">Formula, for a grid at A1: <code data-control="grid-formula">${(x) => grid(x).preview}</code></p>
    <p class="hint" data-control="grid-size">${(x) => grid(x).sizeText}</p>
    <div class="actions">
      <button
        type="button"
        class="btn primary"
        data-control="insert-grid"
        ?disabled="${(x) => grid(x).busy}"
        @click="${(x) => void grid(x).insert()}"
      >
        Insert sensitivity grid
      </button>
    </div>
    <p class="fn-message" role="status" data-control="grid-message">${(x) => grid(x).message}</p>
  </div>
`;

const insertPanel = html<PaneModel>`
  <section class="insert-block" id="insert-sheet" aria-labelledby="insert-sheet-title">
    <h2 id="insert-sheet-title">Model sheet</h2>
    <p class="hint">
      A new sheet with a ready model: inputs in Excel's Input style, live GPU.* formulas on them (buy against rent for a
      node and a cluster, break-even, tokens against an API, a training run, a serving fleet, a custom chip) and a chart
      of cumulative cost by month with the break-even marked. Your sheets are never touched.
    </p>
    <div class="actions">
      <button
        type="button"
        class="btn primary"
        data-control="insert-sheet"
        ?disabled="${(x) => ins(x).sheetBusy}"
        @click="${(x) => void ins(x).insertSheet()}"
      >
        Insert model sheet
      </button>
    </div>
    <p class="fn-message" role="status" data-control="sheet-message">${(x) => ins(x).sheetMessage}</p>
  </section>
  <section class="insert-block" id="insert-grid" aria-labelledby="insert-grid-title">
    <h2 id="insert-grid-title">Sensitivity grid</h2>
    <p class="hint">
      One output against two inputs, at the selected cell: a column of values, a row of values and one GPU.* formula
      that spills over them (Excel's Data Tables do not work with custom functions). Written only where the cells are
      empty.
    </p>
    <p class="hint" ?hidden="${(x) => grid(x).state !== "loading"}">Loading the functions…</p>
    <p class="error" ?hidden="${(x) => grid(x).state !== "error"}">${(x) => grid(x).error}</p>
    ${when((x) => grid(x).state === "ready", gridReady)}
  </section>
`;

// ---- the pane ------------------------------------------------------------------------------

/** A tab of the pane's tab list: `tab-<id>`, controlling the panel `panel-<id>`. */
function tabButton(id: PaneTab, label: string) {
  return html<PaneModel>`
    <button
      type="button"
      role="tab"
      id="tab-${id}"
      aria-controls="panel-${id}"
      aria-selected="${(x) => String(x.tab === id)}"
      @click="${(x) => x.setTab(id)}"
    >
      ${label}
    </button>
  `;
}

export const paneTemplate = html<PaneModel>`
  ${header.inline()} ${banners.inline()}
  <div class="tabs" role="tablist" aria-label="Pane sections">
    ${tabButton("assumptions", "Assumptions").inline()} ${tabButton("functions", "Functions").inline()}
    ${tabButton("insert", "Insert").inline()}
  </div>
  <section
    id="panel-assumptions"
    role="tabpanel"
    aria-labelledby="tab-assumptions"
    ?hidden="${(x) => x.tab !== "assumptions"}"
  >
    ${assumptions.inline()}
  </section>
  <section
    id="panel-functions"
    role="tabpanel"
    aria-labelledby="tab-functions"
    ?hidden="${(x) => x.tab !== "functions"}"
  >
    ${when((x) => x.reference.state !== "idle", reference)}
  </section>
  <section id="panel-insert" role="tabpanel" aria-labelledby="tab-insert" ?hidden="${(x) => x.tab !== "insert"}">
    ${when((x) => x.tab === "insert" || ins(x).sheetMessage !== "" || grid(x).state !== "idle", insertPanel)}
  </section>
`;

/**
 * The templates of the first screen, compiled (their markup parsed and its bindings found, once
 * per page) while the page waits for Office and the workbook, rather than when the pane is shown.
 */
export function compileFirstScreen(): void {
  for (const t of [paneTemplate, driverRow, group, scenarioOption]) t.compile();
}
