// <relief-timeline>: the custom element around the wasm estimator and renderer. The class holds a
// widget's state and DOM; each concern lives in a module of js/element/ (loading and instances,
// update scheduling, controls, cursor and read-out, panels and tables, export and sharing,
// language, theme and pixel-ratio watching), which it calls with the widget. js/main.js defines it.
// Builds its DOM with createElement/textContent only: nothing from input is parsed as HTML.
import { ELEMENT_ATTRS, attributesOf, scenarioOf } from "./attributes.js";
import { PRESETS } from "./compare.js";
import { el } from "./dom.js";
import { fieldList } from "./fields.js";
import { ADD_ON_LANGUAGES } from "./languages.js";
import { buildControls } from "./element/controls.js";
import { key, moveCursor, pointer } from "./element/cursor.js";
import { restarts, wasmApi, widgets } from "./element/instances.js";
import { wantedLang } from "./element/language.js";
import { toggleTables } from "./element/panels.js";
import { showError } from "./element/state.js";
import { render } from "./element/render.js";
import { scheduler } from "./element/schedule.js";
import STYLE from "./element/style.css";
import { applyHash, copyLink, exportAs } from "./element/tools.js";
import { unwatch, watch } from "./element/watch.js";

let sheet = null;
const styleSheet = () => {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
  }
  return sheet;
};

let idCounter = 0;

export class ReliefTimeline extends HTMLElement {
  /** The wasm API, once loaded: `{ estimate(scenario), Chart }`. */
  static api() {
    return wasmApi();
  }

  /** How many times the wasm was started afresh after a trap (see `restart`): for tests. */
  static get restarts() {
    return restarts;
  }

  /** Every language it speaks: English built in, the others with their scripts
   * (relief-timeline.<lang>.js). */
  static get languages() {
    return ["en", ...ADD_ON_LANGUAGES];
  }

  /** The scenario's attributes, for tools such as the embed-code builder: each one's name, its
   * camelCase field, its allowed values (null for a number) and its input step. */
  static get fields() {
    return fieldList();
  }

  /** The comparisons its "Compare with…" control offers: each one's `compare-` attributes
   * (without the prefix), by id: `{ "one-session": { sessions: "1" }, ... }`. */
  static get comparisons() {
    return JSON.parse(JSON.stringify(PRESETS));
  }

  static get observedAttributes() {
    return ELEMENT_ATTRS;
  }

  constructor() {
    super();
    this._id = ++idCounter;
    // Start loading the wasm now, while the page parses and lays out, rather than on the first
    // render. (A failure is reported by the render that waits for it.)
    wasmApi().catch(() => {});
    this._chart = null;
    this._scheduler = scheduler(this, (message) => showError(this, message));
    this._cursorX = null;
    const root = this.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = [styleSheet()];
    this._form = el("form", { "aria-label": "Scenario" });
    this._form.hidden = true;
    this._canvas = el("canvas", { role: "img", tabindex: "0", "aria-describedby": `rt-summary-${this._id}` });
    this._cursor = el("div", { className: "cursor", hidden: true });
    this._readout = el("div", { className: "readout", hidden: true, "aria-hidden": "true" });
    this._chartBox = el("div", { className: "chart" }, [this._canvas, this._cursor, this._readout]);
    // The icon array of 100 people under the chart; its label is its text alternative.
    this._people = el("canvas", { role: "img", className: "people" });
    // The compared plan's icon array (with `compare-` attributes), under this plan's.
    this._otherPeople = el("canvas", { role: "img", className: "people", hidden: true });
    this._error = el("p", { className: "error", role: "alert", hidden: true });
    this._summary = el("div", { className: "summary", id: `rt-summary-${this._id}` });
    this._notes = el("details", { className: "notes" });
    this._live = el("div", { className: "sr-only", "aria-live": "polite" });
    this._tableButton = el("button", { type: "button", "aria-expanded": "false" });
    this._tables = el("div", { hidden: true });
    this._copyButton = el("button", { type: "button" });
    this._exportLabel = el("span");
    this._exportButtons = ["png", "svg", "csv"].map((kind) => {
      const b = el("button", { type: "button" });
      b.addEventListener("click", () => exportAs(this, kind));
      return b;
    });
    this._status = el("span", { role: "status" });
    this._tools = el("div", { className: "tools" }, [this._tableButton, this._copyButton, this._exportLabel, ...this._exportButtons, this._status]);
    root.append(this._form, this._chartBox, this._people, this._otherPeople, this._error, this._summary, this._notes, this._tools, this._tables, this._live);

    this._tableButton.addEventListener("click", () => toggleTables(this));
    this._copyButton.addEventListener("click", () => copyLink(this));
    this._canvas.addEventListener("pointermove", (e) => pointer(this, e));
    this._canvas.addEventListener("pointerdown", (e) => pointer(this, e));
    this._canvas.addEventListener("pointerleave", () => moveCursor(this, null));
    this._canvas.addEventListener("blur", () => moveCursor(this, null));
    this._canvas.addEventListener("keydown", (e) => key(this, e));
    // Watches the chart box, not the host: page CSS may make the host inline (no size of its own).
    // Redraws only when the width changes: a redraw changes the height, which must not loop.
    this._resize = new ResizeObserver(() => {
      if (!this._size || Math.floor(this._chartBox.clientWidth) !== this._size.width) this._schedule();
    });
    this._onEnvChange = () => this._schedule();
    this._onHash = () => applyHash(this);
    this._onLanguage = (lang) => lang === wantedLang(this) && this.attributeChangedCallback("lang");
    // Print in the light theme, re-rendered synchronously before the page is printed.
    this._onPrint = (e) => this._api && this._render(this._api, e.matches ? "light" : undefined);
  }

  connectedCallback() {
    // A `.scenario` set before this script defined the element is an own property hiding the
    // setter: apply it through the setter.
    if (Object.prototype.hasOwnProperty.call(this, "scenario")) {
      const early = this.scenario;
      delete this.scenario;
      this.scenario = early;
    }
    widgets.add(this);
    watch(this);
    applyHash(this);
    buildControls(this);
    this._schedule();
  }

  disconnectedCallback() {
    widgets.delete(this);
    unwatch(this);
    this._scheduler.cancel(); // a render waiting for the wasm sees this and gives up
    clearTimeout(this._announce);
    // The wasm-side chart goes now, not at garbage collection; a reconnect draws a new one.
    if (this._chart) this._chart.free();
    if (this._compared) this._compared.chart.free();
    this._chart = this._compared = null;
  }

  attributeChangedCallback(name) {
    if (name === "controls" || name === "lang") buildControls(this);
    else if (name !== "theme") this._unknownFields = null; // a scenario field: the last `.scenario` is replaced
    this._schedule();
  }

  /** The scenario as an object of camelCase fields (only those set by attributes). */
  get scenario() {
    return scenarioOf((a) => this.getAttribute(a));
  }

  /** Sets every scenario attribute from an object of camelCase fields; unset fields are removed. */
  set scenario(value) {
    const { attrs, unknown } = attributesOf(value);
    for (const [attr, v] of attrs) {
      if (v === null) this.removeAttribute(attr);
      else this.setAttribute(attr, v);
    }
    // After the attributes: a later change of one (the controls, a script) clears it.
    this._unknownFields = unknown;
    this._schedule();
  }

  /** The last timeline drawn, or null. */
  get timeline() {
    return this._timeline || null;
  }

  /** The compared plan last drawn (with `compare-` attributes): `{ timeline, scenario, name,
   * preset }` (preset: the id of the `comparisons` entry its attributes are, or null), or null. */
  get comparison() {
    const c = this._compared;
    return c ? { timeline: c.timeline, scenario: c.scenario, name: c.name, preset: c.preset } : null;
  }

  /** Whether a draw is scheduled (for tests: a widget is idle when this is false). */
  get _frame() {
    return this._scheduler.pending;
  }

  /** Schedules a draw (see js/element/schedule.js): calls before it joins this one. */
  _schedule() {
    this._scheduler.schedule();
  }

  /** Draws the current scenario now, with wasm API `api`. `forceTheme` overrides the theme (for
   * print). (Tests call it to draw synchronously.) */
  _render(api, forceTheme) {
    render(this, api, forceTheme);
  }
}
