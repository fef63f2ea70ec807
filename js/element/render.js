// A widget's draw: reads the scenario, has the wasm estimate and draw it, and puts the summary,
// notes, tables and read-out beside it; `timelinechange` tells the page.
import { checkedScenario, errorText, scenarioOf } from "../attributes.js";
import { reportMissingLanguage } from "../languages.js";
import { buildControls, syncControls } from "./controls.js";
import { crashed } from "./crash.js";
import { moveCursor } from "./cursor.js";
import { formatOf, langOf, messagesOf, wantedLang, wordsOf } from "./language.js";
import { peopleLabel, peopleOf } from "../tables.js";
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
  const fail = (e) => (e instanceof WebAssembly.RuntimeError ? crashed(w, t) : showError(w, errorText(e, t, langOf(w))));
  let chart, scenario, words, people, peopleHeight;
  try {
    scenario = checkedScenario((a) => w.getAttribute(a), w._unknownFields, t);
    words = wordsOf(w, api);
    chart = new api.Chart(scenario);
  } catch (e) {
    return fail(e);
  }
  // Device pixels per CSS pixel, times the page's CSS zoom on the element (else it blurs).
  const scale = Math.min(4, (window.devicePixelRatio || 1) * cssZoom(w));
  try {
    w._canvas.style.height = height + "px";
    chart.draw(w._canvas, width, height, scale, theme, words);
    // The icon array under it, as wide, in the same theme and words.
    peopleHeight = Math.round(chart.peopleHeight(width, words));
    w._people.style.height = peopleHeight + "px";
    chart.drawPeople(w._people, width, peopleHeight, scale, theme, words);
    people = peopleOf(chart.people());
  } catch (e) {
    if (!(e instanceof WebAssembly.RuntimeError)) chart.free();
    return fail(e);
  }
  if (w._chart) w._chart.free();
  w._chart = chart;
  w._size = { width, height, peopleHeight };
  w._peopleList = people;
  w._people.setAttribute("aria-label", peopleLabel(people, t));
  w._drawnTheme = theme;
  w._lastGood = { scenario, scale, theme };
  w._error.hidden = true;
  showChart(w, true);
  let timeline;
  try {
    timeline = chart.timeline();
    showSummary(w, chart.summary(words));
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
  w.dispatchEvent(new CustomEvent("timelinechange", { detail: { timeline, scenario: scenarioOf((a) => w.getAttribute(a)) }, bubbles: true, composed: true }));
}
