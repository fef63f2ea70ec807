// A widget's draw: reads the scenario, has the wasm estimate and draw it, and puts the summary,
// notes, tables and read-out beside it; `timelinechange` tells the page.
import { checkedScenario, errorText, scenarioOf } from "../attributes.js";
import { PREFIX, comparedGetter, comparedName, comparing, presetOf } from "../compare.js";
import { reportMissingLanguage } from "../languages.js";
import { buildControls, syncControls } from "./controls.js";
import { crashed } from "./crash.js";
import { moveCursor } from "./cursor.js";
import { paint } from "./paint.js";
import { formatOf, langOf, messagesOf, wantedLang, wordsOf } from "./language.js";
import { peopleLabel } from "../tables.js";
import { fillTables, label, showNotes, showSummary } from "./panels.js";
import { showChart, showError } from "./state.js";
import { cssZoom, themeOf } from "./watch.js";

/** Draws `w`'s current scenario with wasm API `api`. `forceTheme` overrides the theme (for print). */
export function render(w, api, forceTheme) {
  w._api = api;
  if (!w.isConnected) return;
  // The width first, before any change to the DOM: the layout of the last frame is still valid
  // and is read, not recomputed (on the first chart that is a whole layout of the page).
  const width = Math.floor(w._chartBox.clientWidth);
  reportMissingLanguage(wantedLang(w));
  const t = messagesOf(w);
  // The page's language may have changed (its `lang`): the controls follow.
  if (w._controlsLang !== langOf(w)) buildControls(w);
  const theme = forceTheme || themeOf(w);
  w.classList.toggle("rt-dark", theme === "dark");
  label(w, t);
  if (width < 1) return void (w._size = null); // hidden or not laid out: the ResizeObserver calls again
  const height = Math.round(Math.min(520, Math.max(300, width * 0.56)));
  const fail = (e, prefix) => (e instanceof WebAssembly.RuntimeError ? crashed(w, t) : showError(w, errorText(e, t, langOf(w), prefix)));
  const get = (a) => w.getAttribute(a);
  let plans, words, drawn;
  try {
    plans = { scenario: checkedScenario(get, w._unknownFields, t), compare: null };
    words = wordsOf(w, api);
  } catch (e) {
    return fail(e);
  }
  if (comparing(get)) {
    // The plan to compare with: this scenario with the `compare-` attributes over it.
    try {
      plans.compare = { scenario: checkedScenario(comparedGetter(get), null, t, PREFIX), name: comparedName(get, t), preset: presetOf(get) };
    } catch (e) {
      return fail(e, PREFIX);
    }
  }
  // Device pixels per CSS pixel, times the page's CSS zoom on the element (else it blurs).
  const scale = Math.min(4, (window.devicePixelRatio || 1) * cssZoom(w));
  try {
    drawn = paint(w, api, plans, { width, height, scale, theme }, words);
  } catch (e) {
    // The compared plan's scenario is refused only once the plan's was taken.
    return fail(e, e.plan === "compare" ? PREFIX : "");
  }
  const { chart, other } = drawn;
  const scenario = plans.scenario;
  const people = w._peopleList;
  w._people.setAttribute("aria-label", peopleLabel(people, t, other && t.chart.thisPlan));
  if (other) w._otherPeople.setAttribute("aria-label", peopleLabel(other.people, t, other.name));
  w._drawnTheme = theme;
  w._lastGood = { plans, scale, theme };
  w._error.hidden = true;
  showChart(w, true);
  let timeline;
  try {
    timeline = chart.timeline();
    // The difference between the plans follows the plan's own estimate, before the side
    // effects and the disclaimer (the summary's last two sentences), which hold for both.
    const summary = chart.summary(words);
    if (other) summary.splice(-2, 0, ...chart.compareSummary(words));
    showSummary(w, summary);
  } catch (e) {
    return fail(e);
  }
  w._timeline = timeline;
  syncControls(w);
  showNotes(w, timeline, t, scenario.route);
  // The tables are built when shown: their number formatting (Intl) costs tens of ms the
  // first time, which the first chart should not wait for.
  w._tablesFor = null;
  fillTables(w);
  if (!w._warm && window.requestIdleCallback) {
    // ... and have the formatter ready before a reader points at the chart.
    w._warm = true;
    requestIdleCallback(() => formatOf(w));
  }
  if (w._cursorX !== null) moveCursor(w, w._cursorX);
  // `compare`: the compared plan's timeline, scenario and name (`.comparison`), or null.
  w.dispatchEvent(new CustomEvent("timelinechange", { detail: { timeline, scenario: scenarioOf(get), compare: w.comparison }, bubbles: true, composed: true }));
}
