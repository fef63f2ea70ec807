// The text around the chart: the summary (announced when it changes), the notes
// (warnings and sources), the tables, and the words on the buttons.
import { el } from "../dom.js";
import { fill } from "../format.js";
import { buildTables } from "../tables.js";
import { crashed } from "./crash.js";
import { formatOf, messagesOf, wordsOf } from "./language.js";

export function showSummary(w, sentences) {
  const text = sentences.join(" ");
  // A redraw with the same words (a resize, the theme, the page loading) is not news: only a
  // changed summary is announced, and not the first (the canvas is described by it).
  if (text === w._summaryText) return;
  const first = w._summaryText === undefined;
  w._summaryText = text;
  w._summary.replaceChildren(...sentences.map((s) => el("p", { text: s })));
  clearTimeout(w._announce);
  if (!first) w._announce = setTimeout(() => (w._live.textContent = text), 800);
}

/** Where the estimate leans on weak evidence, and the sources behind its numbers. */
export function showNotes(w, timeline, t, routeName) {
  const u = t.ui;
  const route = u.values[routeName || "ivInfusion"] || "";
  const warnings = timeline.warnings.map((x) => el("li", { text: t.warnings && t.warnings[x.code] ? fill(t.warnings[x.code], { route }) : x.message }));
  const sources = timeline.sources.map((s) => el("li", { text: `${s.citation} [${s.id}]` }));
  w._notes.replaceChildren(
    el("summary", { text: u.notes }),
    el("p", { text: u.caveats }),
    el("ul", {}, warnings),
    el("p", { text: u.sources }),
    el("ul", {}, sources),
  );
}

/** Builds the tables of the last timeline drawn, if they are shown and not built yet: the curve
 * read at the axis's ticks, durations in the one formatter's words (the wasm's). */
export function fillTables(w) {
  if (w._tables.hidden || !w._timeline || !w._chart || w._tablesFor === w._timeline) return;
  const t = messagesOf(w);
  const c = w._compared;
  let samples, words, other;
  try {
    samples = w._chart.atTicks();
    words = wordsOf(w, w._api);
    // The compared plan has the plan's time axis: read at the same times.
    other = c && { name: c.name, timeline: c.timeline, samples: c.chart.atTicks(), people: c.people };
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) return crashed(w, t);
    throw e;
  }
  w._tables.replaceChildren(...buildTables(w._timeline, t, formatOf(w).pct, (days) => words.duration(days), samples, w._peopleList, other));
  w._tablesFor = w._timeline;
}

/** Shows or hides the tables (the button's click). */
export function toggleTables(w) {
  w._tables.hidden = !w._tables.hidden;
  fillTables(w);
  w._tableButton.setAttribute("aria-expanded", String(!w._tables.hidden));
  w._tableButton.textContent = messagesOf(w).ui[w._tables.hidden ? "showTable" : "hideTable"];
}

/** Puts the current language's words on the static parts. */
export function label(w, t) {
  const u = t.ui;
  // Only what changed (the language): an unchanged text set again still costs a layout.
  const text = (node, value) => node.textContent !== value && (node.textContent = value);
  const aria = (node, value) => node.getAttribute("aria-label") !== value && node.setAttribute("aria-label", value);
  text(w._tableButton, u[w._tables.hidden ? "showTable" : "hideTable"]);
  aria(w._canvas, u.chartLabel);
  text(w._copyButton, u.copyLink);
  text(w._exportLabel, u.export);
  const names = { png: u.downloadPng, svg: u.downloadSvg, csv: u.downloadCsv };
  w._exportButtons.forEach((b, i) => {
    const kind = ["png", "svg", "csv"][i];
    text(b, names[kind]);
    aria(b, fill(u.downloadAs, { format: names[kind] }));
  });
}
