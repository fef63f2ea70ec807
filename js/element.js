// <relief-timeline>: the custom element around the wasm estimator and renderer.
// Concatenated by scripts/bundle.mjs after the wasm-bindgen glue, inside one closure that also
// defines `loadWasm()` (a promise of the wasm API), `MESSAGES` (English, js/i18n/en.json; other
// languages join it from their own scripts, see languages.js) and `ADD_ON_LANGUAGES`.
// Builds its DOM with createElement/textContent only: nothing from input is parsed as HTML.


let wasmPromise = null;
/** The wasm API once it has loaded (else null): lets a render start without waiting. */
let wasmReady = null;
/** The compiled module, kept to start it afresh after a trap. */
let compiled = null;
/** A new instance of the compiled module, with its own wasm-bindgen API: synchronous. */
const instantiate = () => {
  const api = newGlue();
  api.initSync({ module: compiled });
  return api;
};
const wasmApi = () =>
  (wasmPromise = wasmPromise || compileWasm().then(
    (module) => {
      compiled = module;
      return (wasmReady = instantiate());
    },
    (e) => {
      wasmPromise = null; // a failed load (say, a network blip for the .wasm) is tried again
      throw e;
    },
  ));

/** The widgets on the page: after a trap, each draws again on the new instance. */
const widgets = new Set();
/** Restarts counted, for the tests (`ReliefTimeline.restarts`). */
let restarts = 0;

/**
 * After a wasm trap (a Rust panic, or a fault) the instance may be unusable: a trap leaves its
 * stack pointer and its allocator's state as they were, so every later call could fail, in every
 * widget. Starts a new instance from the compiled module, synchronously, and has every widget but
 * `crashed` draw its chart again on it (the objects of the old one are dropped, not freed).
 */
const restart = (crashed) => {
  restarts++;
  wasmReady = instantiate();
  wasmPromise = Promise.resolve(wasmReady);
  for (const w of widgets) {
    w._chart = null;
    w._api = wasmReady;
    if (w !== crashed) w._schedule();
  }
  return wasmReady;
};

const STYLE = `
:host { display: block; contain: content; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1a1a1a; background: #fff; text-align: left; letter-spacing: normal; text-transform: none;
  direction: ltr; unicode-bidi: isolate; writing-mode: horizontal-tb; color-scheme: light; }
:host([hidden]), [hidden] { display: none !important; }
:host(.rt-dark) { color: #f0f0f0; background: #18181b; color-scheme: dark; }
*, *::before, *::after { box-sizing: border-box; }
/* Inherited through the host from any page CSS, these would garble the chart text and the panel. */
:host > * { letter-spacing: normal; word-spacing: normal; text-transform: none; text-indent: 0; text-align: start;
  white-space: normal; writing-mode: horizontal-tb; font-variant: normal; font-stretch: normal;
  word-break: normal; overflow-wrap: break-word; }
.chart { position: relative; touch-action: pan-y; }
canvas { display: block; width: 100%; border-radius: 4px; }
canvas:focus-visible, button:focus-visible, select:focus-visible, input:focus-visible {
  outline: 3px solid #0a66c2; outline-offset: 2px; }
:host(.rt-dark) canvas:focus-visible, :host(.rt-dark) button:focus-visible,
:host(.rt-dark) select:focus-visible, :host(.rt-dark) input:focus-visible { outline-color: #7cc4ff; }
.cursor { position: absolute; top: 0; width: 0; border-left: 1.5px solid currentColor; pointer-events: none; opacity: .7; }
.readout { position: absolute; pointer-events: none; padding: 4px 8px; font-size: 13px; border-radius: 4px;
  background: #fff; color: #1a1a1a; border: 1px solid #767676; max-width: 70%; }
:host(.rt-dark) .readout { background: #27272a; color: #f0f0f0; border-color: #a1a1aa; }
.error { overflow-wrap: anywhere; margin: 8px 0; padding: 8px 10px; border-left: 4px solid #b3261e; background: #fdecea; color: #5f1410; }
:host(.rt-dark) .error { background: #3b1715; color: #ffd9d5; border-color: #ff8a80; }
.summary p { margin: 6px 0; }
.notes { margin: 8px 0; font-size: 14px; }
.notes summary { cursor: pointer; min-height: 24px; }
.notes ul { margin: 4px 0; padding-left: 20px; }
.tools { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 8px 0; }
button, select, input { font: inherit; font-size: 14px; min-height: 32px; min-width: 24px; color: inherit;
  background: transparent; border: 1px solid #767676; border-radius: 4px; padding: 3px 8px; }
/* The widget's own select box in every engine: WebKit paints a native one from the inherited
   color-scheme and drops its padding once it is styled. The arrow is two gradients (no image URL,
   for a strict CSP); the padding makes room for it, so the box's natural width fits its longest
   option. */
select { -webkit-appearance: none; appearance: none; padding: 3px 26px 3px 8px; background-color: transparent;
  background-image: linear-gradient(45deg, transparent 50%, currentColor 50%), linear-gradient(135deg, currentColor 50%, transparent 50%);
  background-position: calc(100% - 14px) 55%, calc(100% - 9px) 55%; background-size: 5px 5px; background-repeat: no-repeat; }
select option { color: #1a1a1a; background: #fff; }
:host(.rt-dark) select option { color: #f0f0f0; background: #27272a; }
button { cursor: pointer; }
button:hover { background: rgba(127, 127, 127, .15); }
/* Rows of controls, each at least as wide as its longest option or word (a flex item never
   shrinks below that), growing to fill the row: no option is cut, in any language. */
form { display: flex; flex-wrap: wrap; gap: 8px 12px; margin: 0 0 10px; }
label { display: flex; flex-direction: column; font-size: 13px; gap: 2px; flex: 1 1 150px; }
table { border-collapse: collapse; margin: 8px 0; font-size: 14px; width: 100%; }
caption { text-align: left; font-weight: 600; margin: 6px 0; }
th, td { border-bottom: 1px solid #9a9a9a; padding: 4px 6px; text-align: left; overflow-wrap: anywhere; hyphens: auto; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

let sheet = null;
const styleSheet = () => {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
  }
  return sheet;
};



let idCounter = 0;

/** The page's CSS `zoom` on `node`: Element.currentCSSZoom, or where that is missing (WebKit;
 * Chrome before 128, Firefox before 126) the product of the computed `zoom` of the node and its
 * ancestors, through shadow hosts. */
const cssZoom = (node) => {
  if (typeof node.currentCSSZoom === "number") return node.currentCSSZoom;
  let zoom = 1;
  for (let n = node; n; n = n.parentElement || (n.parentNode && n.parentNode.host)) {
    const z = parseFloat(getComputedStyle(n).zoom);
    if (z > 0) zoom *= z;
  }
  return zoom;
};

class ReliefTimeline extends HTMLElement {
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
    return FIELDS.map(([attribute, field, values, step]) => ({ attribute, field, values: values && [...values], step: step || null }));
  }

  static get observedAttributes() {
    return [...FIELDS.map((f) => f[0]), "controls", "theme", "lang"];
  }

  constructor() {
    super();
    this._id = ++idCounter;
    // Start loading the wasm now, while the page parses and lays out, rather than on the first
    // render. (A failure is reported by the render that waits for it.)
    wasmApi().catch(() => {});
    this._chart = null;
    this._frame = 0;
    this._cursorX = null;
    const root = this.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = [styleSheet()];
    this._form = el("form", { "aria-label": "Scenario" });
    this._form.hidden = true;
    this._canvas = el("canvas", { role: "img", tabindex: "0", "aria-describedby": `rt-summary-${this._id}` });
    this._cursor = el("div", { className: "cursor", hidden: true });
    this._readout = el("div", { className: "readout", hidden: true, "aria-hidden": "true" });
    this._chartBox = el("div", { className: "chart" }, [this._canvas, this._cursor, this._readout]);
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
      b.addEventListener("click", () => this._export(kind));
      return b;
    });
    this._status = el("span", { role: "status" });
    this._tools = el("div", { className: "tools" }, [this._tableButton, this._copyButton, this._exportLabel, ...this._exportButtons, this._status]);
    root.append(this._form, this._chartBox, this._error, this._summary, this._notes, this._tools, this._tables, this._live);

    this._tableButton.addEventListener("click", () => {
      this._tables.hidden = !this._tables.hidden;
      this._fillTables();
      this._tableButton.setAttribute("aria-expanded", String(!this._tables.hidden));
      this._tableButton.textContent = this._t().ui[this._tables.hidden ? "showTable" : "hideTable"];
    });
    this._copyButton.addEventListener("click", () => this._copyLink());
    this._canvas.addEventListener("pointermove", (e) => this._pointer(e));
    this._canvas.addEventListener("pointerdown", (e) => this._pointer(e));
    this._canvas.addEventListener("pointerleave", () => this._moveCursor(null));
    this._canvas.addEventListener("blur", () => this._moveCursor(null));
    this._canvas.addEventListener("keydown", (e) => this._key(e));
    // Watches the chart box, not the host: page CSS may make the host inline (no size of its own).
    // Redraws only when the width changes: a redraw changes the height, which must not loop.
    this._resize = new ResizeObserver(() => {
      if (!this._size || Math.floor(this._chartBox.clientWidth) !== this._size.width) this._schedule();
    });
    this._onEnvChange = () => this._schedule();
    this._onHash = () => this._applyHash();
    this._onLanguage = (lang) => lang === this._wantedLang() && this.attributeChangedCallback("lang");
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
    this._resize.observe(this._chartBox);
    this._dark = matchMedia("(prefers-color-scheme: dark)");
    this._dark.addEventListener("change", this._onEnvChange);
    this._watchPixelRatio();
    this._pageTheme = new MutationObserver(this._onEnvChange);
    this._pageTheme.observe(document.documentElement, { attributes: true, attributeFilter: ["class", "data-theme", "lang"] });
    if (document.body) this._pageTheme.observe(document.body, { attributes: true, attributeFilter: ["class", "data-theme"] });
    this._print = matchMedia("print");
    this._print.addEventListener("change", this._onPrint);
    window.addEventListener("hashchange", this._onHash);
    languageListeners.add(this._onLanguage);
    this._applyHash();
    this._buildControls();
    this._schedule();
  }

  disconnectedCallback() {
    widgets.delete(this);
    this._print.removeEventListener("change", this._onPrint);
    window.removeEventListener("hashchange", this._onHash);
    languageListeners.delete(this._onLanguage);
    this._resize.disconnect();
    this._pageTheme.disconnect();
    this._dark.removeEventListener("change", this._onEnvChange);
    if (this._dpr) this._dpr.removeEventListener("change", this._onDpr);
    if (typeof this._frame === "number") cancelAnimationFrame(this._frame);
    this._frame = 0; // a render waiting for the wasm sees this and gives up
    clearTimeout(this._announce);
    // The wasm-side chart goes now, not at garbage collection; a reconnect draws a new one.
    if (this._chart) this._chart.free();
    this._chart = null;
  }

  attributeChangedCallback(name) {
    if (name === "controls" || name === "lang") this._buildControls();
    else if (name !== "theme") this._unknownFields = null; // a scenario field: the last `.scenario` is replaced
    this._schedule();
  }

  /** The scenario as an object of camelCase fields (only those set by attributes). */
  get scenario() {
    const out = {};
    for (const [attr, field, values] of FIELDS) {
      const raw = this.getAttribute(attr);
      if (raw === null) continue;
      out[field] = values ? camel(enumValue(raw, values)) : numberValue(raw);
    }
    return out;
  }

  /** Sets every scenario attribute from an object of camelCase fields; unset fields are removed. */
  set scenario(value) {
    const given = value && typeof value === "object" ? value : {};
    const known = new Set(FIELDS.map((f) => f[1]));
    const unknown = Object.keys(given).filter((k) => !known.has(k));
    for (const [attr, field, values] of FIELDS) {
      if (given[field] === undefined || given[field] === null) this.removeAttribute(attr);
      else this.setAttribute(attr, values ? kebab(String(given[field])) : String(given[field]));
    }
    // After the attributes: a later change of one (the controls, a script) clears it.
    this._unknownFields = unknown;
    this._schedule();
  }

  /** The last timeline drawn, or null. */
  get timeline() {
    return this._timeline || null;
  }

  /** The language asked for: the `lang` attribute, else the nearest `lang` on the page. */
  _wantedLang() {
    return (this.getAttribute("lang") || this.closest("[lang]")?.getAttribute("lang") || document.documentElement.lang || "en")
      .toLowerCase()
      .split("-")[0];
  }

  /** The language spoken: the one asked for if it is on the page, else English. */
  _lang() {
    const lang = this._wantedLang();
    return MESSAGES[lang] ? lang : "en";
  }

  /** The messages of the current language. */
  _t() {
    return MESSAGES[this._lang()];
  }

  _format(t) {
    const lang = this._lang();
    if (!this._formatCache || this._formatCache.lang !== lang) this._formatCache = { lang, f: formatter(lang, t.ui.units) };
    return this._formatCache.f;
  }

  _theme() {
    // Printed in the light theme, whatever redraws while printing (a pixel-ratio change, say).
    if (this._print && this._print.matches) return "light";
    const attr = this.getAttribute("theme");
    if (attr === "light" || attr === "dark") return attr;
    for (const node of [document.documentElement, document.body]) {
      if (!node) continue;
      const t = node.getAttribute("data-theme");
      if (t === "dark" || t === "light") return t;
      if (node.classList.contains("dark")) return "dark";
    }
    return this._dark && this._dark.matches ? "dark" : "light";
  }

  _watchPixelRatio() {
    if (this._dpr) this._dpr.removeEventListener("change", this._onDpr);
    this._dpr = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    this._onDpr = () => {
      this._watchPixelRatio();
      this._schedule();
    };
    this._dpr.addEventListener("change", this._onDpr);
  }

  _schedule() {
    if (this._frame || !this.isConnected) return;
    // Pending until the draw itself: calls meanwhile join this one draw. Once the wasm is
    // loaded and the page parsed, at most one draw per frame. Before, the draw comes as soon as
    // the wasm loads and the page is parsed (a frame's wait would only delay it): the one-file
    // build has the wasm in the microtasks right after its script, and drawing then would come
    // before the scripts that follow, which may set attributes, listen for timelinechange or
    // bring the language. And any draw waits for its language's script while it is on its way.
    const language = languageReady(this._wantedLang());
    if (wasmReady && !language && document.readyState !== "loading") {
      this._frame = requestAnimationFrame(() => {
        this._frame = 0;
        this._render(wasmReady);
      });
      return;
    }
    const pending = (this._frame = {});
    const parsed = document.readyState === "loading" && new Promise((ok) => document.addEventListener("DOMContentLoaded", ok, { once: true }));
    Promise.all([wasmApi(), parsed, language])
      // The language again, now that the page's scripts have run.
      .then(([api]) => Promise.all([api, languageReady(this._wantedLang())]))
      .then(
        ([api]) => {
          if (this._frame !== pending) return; // disconnected meanwhile
          this._frame = 0;
          this._render(api);
        },
        (e) => {
          if (this._frame !== pending) return;
          this._frame = 0;
          this._showError(fill(this._t().ui.loadError, { message: String(e && e.message ? e.message : e) }));
        },
      );
  }

  /** Reads and checks the attributes: returns a scenario object or throws a readable Error. */
  _readScenario(t) {
    if (this._unknownFields && this._unknownFields.length) {
      throw new Error(`unknown field(s): ${this._unknownFields.join(", ")}`);
    }
    for (const [attr, , values] of FIELDS) {
      const raw = this.getAttribute(attr);
      if (raw === null) continue;
      if (values && !values.includes(enumValue(raw, values))) {
        throw new Error(fill(t.ui.notOneOf, { attr, value: raw, allowed: values.join(", ") }));
      }
      if (!values && !Number.isFinite(numberValue(raw))) {
        throw new Error(fill(t.ui.notNumber, { attr, value: raw }));
      }
    }
    const scenario = this.scenario;
    // sessionHours is the length of an IV infusion: single-dose routes have none (the controls
    // disable it for them; the JS API still warns about hours given with such a route).
    if (scenario.route && scenario.route !== "ivInfusion") scenario.sessionHours = 0;
    return scenario;
  }

  /** Draws the current scenario. `forceTheme` overrides the theme (for print). */
  _render(api, forceTheme) {
    this._api = api;
    if (!this.isConnected) return;
    // The width first, before any change to the DOM: the layout of the last frame is still valid
    // and is read, not recomputed (on the first chart that is a whole layout of the page).
    const width = Math.floor(this._chartBox.clientWidth);
    reportMissingLanguage(this._wantedLang());
    const t = this._t();
    // The page's language may have changed (its `lang`): the controls follow.
    if (this._controlsLang !== this._lang()) this._buildControls();
    const theme = forceTheme || this._theme();
    this.classList.toggle("rt-dark", theme === "dark");
    this._label(t);
    if (width < 1) return void (this._size = null); // hidden or not laid out: the ResizeObserver calls again
    const height = Math.round(Math.min(520, Math.max(300, width * 0.56)));
    let chart, scenario;
    try {
      scenario = this._readScenario(t);
      chart = new api.Chart(scenario);
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) return this._crashed(t);
      return this._showError(this._errorText(e, t));
    }
    // Device pixels per CSS pixel, times the page's CSS zoom on the element (else it blurs).
    const scale = Math.min(4, (window.devicePixelRatio || 1) * cssZoom(this));
    try {
      this._canvas.style.height = height + "px";
      chart.draw(this._canvas, width, height, scale, theme, t.chart);
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) return this._crashed(t);
      chart.free();
      return this._showError(this._errorText(e, t));
    }
    if (this._chart) this._chart.free();
    this._chart = chart;
    this._size = { width, height };
    this._drawnTheme = theme;
    this._lastGood = { scenario, scale, theme };
    this._error.hidden = true;
    this._showChart(true);
    let timeline;
    try {
      timeline = chart.timeline();
      this._showSummary(chart.summary(t.summary));
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) return this._crashed(t);
      return this._showError(this._errorText(e, t));
    }
    this._timeline = timeline;
    this._syncControls();
    this._showNotes(timeline, t, scenario.route);
    // The tables are built when shown: their number formatting (Intl) costs tens of ms the
    // first time, which the first chart should not wait for.
    this._tablesFor = null;
    this._fillTables();
    if (!this._warm && window.requestIdleCallback) {
      // ... and have the formatter ready before a reader points at the chart.
      this._warm = true;
      requestIdleCallback(() => this._format(this._t()));
    }
    if (this._cursorX !== null) this._moveCursor(this._cursorX);
    this.dispatchEvent(new CustomEvent("timelinechange", { detail: { timeline, scenario: this.scenario }, bubbles: true, composed: true }));
  }

  /** Builds the tables of the last timeline drawn, if they are shown and not built yet. */
  _fillTables() {
    if (this._tables.hidden || !this._timeline || this._tablesFor === this._timeline) return;
    const t = this._t();
    this._tables.replaceChildren(...buildTables(this._timeline, t, this._format(t)));
    this._tablesFor = this._timeline;
  }

  /** The message for an error: the crash message for a wasm trap, the language's wording of a
   * refused scenario (by its `code`), else its own message. */
  _errorText(e, t) {
    if (e instanceof WebAssembly.RuntimeError) return t.ui.crash;
    const template = e && e.code && t.errors && t.errors[e.code];
    if (!template) return fill(t.ui.error, { message: this._fieldNames(e) });
    const num = (v) => (typeof v === "number" && Number.isFinite(v) ? exactNumber(this._lang(), v) : String(v));
    const attr = (FIELDS.find((x) => x[1] === e.field) || [e.field])[0];
    const route = e.route ? t.ui.values[e.route] || e.route : "";
    return fill(t.ui.error, { message: fill(template, { field: attr, value: num(e.value), min: num(e.min), max: num(e.max), route, unit: (t.errorUnits || {})[e.field] || "" }) });
  }

  /** Error messages name attributes (dose-mg-per-kg), not fields (doseMgPerKg). */
  _fieldNames(e) {
    const message = String(e && e.message ? e.message : e);
    return FIELDS.reduce((m, [attr, field]) => m.split(field).join(attr), message);
  }

  /**
   * A trap in one of this widget's wasm calls: a new instance (see `restart`), and on it this
   * widget's last good chart again, at once, so that a half-drawn one is never painted; the crash
   * message under it. If even that traps, the chart is cleared and hidden.
   */
  _crashed(t) {
    let api = restart(this);
    const good = this._lastGood;
    let chart = null;
    if (good && this._size) {
      try {
        chart = new api.Chart(good.scenario);
        chart.draw(this._canvas, this._size.width, this._size.height, good.scale, good.theme, t.chart);
      } catch (e) {
        chart = null;
        if (e instanceof WebAssembly.RuntimeError) api = restart(this);
      }
    }
    this._api = api;
    this._chart = chart;
    if (!chart) {
      this._lastGood = null;
      this._canvas.getContext("2d").clearRect(0, 0, this._canvas.width, this._canvas.height);
    }
    this._showError(t.ui.crash);
  }

  _showError(message) {
    this._error.textContent = message;
    this._error.hidden = false;
    // With no good chart yet there is nothing to show, read, table or export: the message alone.
    if (!this._chart) this._showChart(false);
    // The controls show the values in force, the bad one too, so that the reader can correct it.
    this._syncControls();
  }

  /** Shows or hides the chart and what goes with it. */
  _showChart(shown) {
    this._canvas.hidden = this._notes.hidden = this._tools.hidden = !shown;
  }

  _showSummary(sentences) {
    const text = sentences.join(" ");
    // A redraw with the same words (a resize, the theme, the page loading) is not news: only a
    // changed summary is announced, and not the first (the canvas is described by it).
    if (text === this._summaryText) return;
    const first = this._summaryText === undefined;
    this._summaryText = text;
    this._summary.replaceChildren(...sentences.map((s) => el("p", { text: s })));
    clearTimeout(this._announce);
    if (!first) this._announce = setTimeout(() => (this._live.textContent = text), 800);
  }

  /** Where the estimate leans on weak evidence, and the sources behind its numbers. */
  _showNotes(timeline, t, routeName) {
    const u = t.ui;
    const route = u.values[routeName || "ivInfusion"] || "";
    const warnings = timeline.warnings.map((w) => el("li", { text: t.warnings && t.warnings[w.code] ? fill(t.warnings[w.code], { route }) : w.message }));
    const sources = timeline.sources.map((s) => el("li", { text: `${s.citation} [${s.id}]` }));
    this._notes.replaceChildren(
      el("summary", { text: u.notes }),
      el("p", { text: u.caveats }),
      el("ul", {}, warnings),
      el("p", { text: u.sources }),
      el("ul", {}, sources),
    );
  }



  _buildControls() {
    const show = this.hasAttribute("controls") && this.getAttribute("controls") !== "false";
    this._controlsLang = this._lang();
    this._form.hidden = !show;
    if (!show) return this._form.replaceChildren();
    const t = this._t().ui;
    this._form.setAttribute("aria-label", t.controls);
    const inputs = FIELDS.map(([attr, field, values, step]) => {
      const input = values
        ? el("select", {}, values.map((v) => el("option", { value: v, text: t.values[camel(v)] || v })))
        : el("input", { type: "number", step, min: "0", inputMode: "decimal" });
      input.name = attr;
      input.addEventListener("change", () => {
        this.setAttribute(attr, input.value);
        writeHash(this);
      });
      return el("label", {}, [t.fields[field] || field, input]);
    });
    this._form.replaceChildren(...inputs);
    this._syncControls();
  }

  /** Shows the current attributes in the controls (normalised: "0,5" as 0.5, "IV-Infusion" as
   * iv-infusion); infusion hours are disabled for routes that are single doses. */
  _syncControls() {
    if (!this._form.childElementCount) return;
    const defaults = { route: "iv-infusion", formulation: "racemic", condition: "crps", metabolism: "typical", "pain-sensitivity": "typical",
      "dose-mg-per-kg": 0.5, "session-hours": 4, sessions: 1, "session-interval-days": 1, boosters: 0, "booster-every-days": 28, "horizon-days": 365 };
    for (const [attr, , values] of FIELDS) {
      const input = this._form.querySelector(`[name="${attr}"]`);
      if (!input || input === this.shadowRoot.activeElement) continue;
      const raw = this.getAttribute(attr);
      const n = raw === null ? NaN : numberValue(raw);
      input.value = raw === null ? String(defaults[attr]) : values ? enumValue(raw, values) : Number.isFinite(n) ? String(n) : raw;
    }
    const route = this._form.querySelector('[name="route"]').value;
    this._form.querySelector('[name="session-hours"]').disabled = route !== "iv-infusion";
  }

  /** Puts the current language's words on the static parts. */
  _label(t) {
    const u = t.ui;
    // Only what changed (the language): an unchanged text set again still costs a layout.
    const text = (node, value) => node.textContent !== value && (node.textContent = value);
    const label = (node, value) => node.getAttribute("aria-label") !== value && node.setAttribute("aria-label", value);
    text(this._tableButton, u[this._tables.hidden ? "showTable" : "hideTable"]);
    label(this._canvas, u.chartLabel);
    text(this._copyButton, u.copyLink);
    text(this._exportLabel, u.export);
    const names = { png: u.downloadPng, svg: u.downloadSvg, csv: u.downloadCsv };
    this._exportButtons.forEach((b, i) => {
      const kind = ["png", "svg", "csv"][i];
      text(b, names[kind]);
      label(b, fill(u.downloadAs, { format: names[kind] }));
    });
  }

  /** Applies scenario attributes found in the URL hash. */
  _applyHash() {
    for (const [attr, value] of Object.entries(readHash(this))) {
      if (this.getAttribute(attr) !== value) this.setAttribute(attr, value);
    }
    if (this._form.childElementCount) this._buildControls();
  }

  _copyLink() {
    const url = shareUrl(this);
    const u = this._t().ui;
    copyText(url).then((ok) => {
      this._status.textContent = ok ? u.copied : url;
    });
  }

  _export(kind) {
    if (!this._chart || !this._size) return;
    const t = this._t();
    try {
      if (kind === "csv") exportCsv(this._timeline);
      else (kind === "png" ? exportPng : exportSvg)(this._chart, this._size, this._drawnTheme, t.chart);
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) return this._crashed(t);
      this._showError(this._errorText(e, t));
    }
  }

  _pointer(e) {
    // In the canvas's own CSS pixels: under a CSS transform or zoom on the page, client pixels
    // are not the canvas's.
    const rect = this._canvas.getBoundingClientRect();
    const ratio = rect.width > 0 ? this._canvas.offsetWidth / rect.width : 1;
    this._moveCursor((e.clientX - rect.left) * ratio);
  }

  _key(e) {
    if (!this._chart) return;
    const area = this._chart.plotArea();
    if (!area) return;
    const step = (area.x1 - area.x0) / 50;
    let x = this._cursorX === null ? area.x0 : this._cursorX;
    if (e.key === "ArrowRight") x += step;
    else if (e.key === "ArrowLeft") x -= step;
    else if (e.key === "Home") x = area.x0;
    else if (e.key === "End") x = area.x1;
    else if (e.key === "Escape") return this._moveCursor(null);
    else return;
    e.preventDefault();
    this._moveCursor(Math.min(area.x1, Math.max(area.x0, x)));
    this._live.textContent = this._readout.textContent;
  }

  _moveCursor(x) {
    let reading;
    try {
      reading = x === null || !this._chart ? undefined : this._chart.probe(x);
    } catch (e) {
      if (!(e instanceof WebAssembly.RuntimeError)) throw e;
      return this._crashed(this._t());
    }
    this._cursorX = reading ? x : null;
    this._cursor.hidden = this._readout.hidden = !reading;
    if (!reading) return;
    const t = this._t();
    const f = this._format(t);
    this._readout.textContent = fill(t.ui.readout, { time: f.time(reading.days), p50: f.pct(reading.p50), p10: f.pct(reading.p10), p90: f.pct(reading.p90) });
    const area = this._chart.plotArea();
    this._cursor.style.left = reading.x + "px";
    this._cursor.style.top = area.y0 + "px";
    this._cursor.style.height = area.y1 - area.y0 + "px";
    const w = this._size ? this._size.width : 0;
    const right = reading.x > w / 2;
    this._readout.style.left = right ? "" : reading.x + 8 + "px";
    this._readout.style.right = right ? w - reading.x + 8 + "px" : "";
    this._readout.style.top = area.y0 + 4 + "px";
  }
}


// An older browser. The oldest that run the widget (docs/browsers.md derives them from the APIs
// below): Chrome 103, Firefox 113, Safari 16.4 for the one-file build (DecompressionStream
// "deflate-raw" inflates its wasm); the two-file build fetches its .wasm: Chrome 96, Firefox 101.
// Where an API is missing the element is not defined (it would break half-way): each
// <relief-timeline> shows, in the page's language, which API is missing and what browser to use.
const SIMD_PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11];
const REQUIREMENTS = [
  ["customElements", () => self.customElements && customElements.define],
  ["attachShadow", () => Element.prototype.attachShadow],
  ["adoptedStyleSheets", () => "adoptedStyleSheets" in ShadowRoot.prototype && CSSStyleSheet.prototype.replaceSync],
  ["ResizeObserver", () => self.ResizeObserver],
  ["WebAssembly", () => self.WebAssembly && WebAssembly.validate],
  ["WebAssembly SIMD", () => WebAssembly.validate(new Uint8Array(SIMD_PROBE))],
  // Only the one-file build inflates its wasm (it defines WASM_BASE64 in this closure).
  ["DecompressionStream deflate-raw", () => typeof WASM_BASE64 === "undefined" || new DecompressionStream("deflate-raw")],
];
const missingApis = () => REQUIREMENTS.filter(([, has]) => {
  try {
    return !has();
  } catch {
    return true;
  }
}).map(([name]) => name);

const showUnsupported = (missing) => {
  const say = (host) => {
    const lang = (host.getAttribute("lang") || (host.closest("[lang]") || document.documentElement).getAttribute("lang") || "en").toLowerCase().split("-")[0];
    const u = (MESSAGES[lang] || MESSAGES.en).ui;
    const text = fill(u.unsupported || MESSAGES.en.ui.unsupported, { missing: missing.join(", "), chrome: 103, firefox: 113, safari: "16.4" });
    let note = host.querySelector(":scope > .relief-timeline-unsupported");
    if (!note) {
      note = el("p", { className: "relief-timeline-unsupported", role: "note" });
      // No stylesheet here (adoptedStyleSheets may be the missing API): a few properties, set
      // through the CSSOM (allowed under a strict CSP, unlike a style attribute).
      Object.assign(note.style, { display: "block", margin: "8px 0", padding: "8px 10px", borderLeft: "4px solid #b3261e" });
      host.append(note);
    }
    if (note.textContent !== text) note.textContent = text;
  };
  const all = () => [].forEach.call(document.querySelectorAll("relief-timeline"), say);
  all();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", all);
  // A language script that comes later says it again in that language.
  languageListeners.add(all);
  console.warn("relief-timeline: this browser lacks " + missing.join(", "));
};

const missing = missingApis();
if (missing.length) showUnsupported(missing);
else if (!customElements.get("relief-timeline")) customElements.define("relief-timeline", ReliefTimeline);
