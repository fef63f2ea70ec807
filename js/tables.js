// The text alternative to the chart: a table of the phases, one of the curve at readable times and
// one of what happens to 100 people; and the icon array's label. `tableData` and `peopleLabel` are
// pure (unit-tested under Node); `buildTables` makes the DOM of the tables.
import { el } from "./dom.js";
import { fill } from "./format.js";

/** The paths through the phases, in the icon array's order (that of the chart's `people()` and of
 * the messages' `chart.paths`): the names of the timeline's `paths`. */
export const PATHS = ["acuteOnly", "acuteSubAcute", "acuteChronic", "all", "subAcuteOnly", "subAcuteChronic", "chronicOnly", "none"];

/** The chart's `people()` (the people in 100 on each path) as `[{ path, people }]`. */
export const peopleOf = (counts) => PATHS.map((path, i) => ({ path, people: counts[i] }));

/** The paths someone takes, of `people` (`peopleOf`'s list). */
const taken = (people) => people.filter((p) => p.people > 0);

/** The icon array's text alternative in the words of messages `t`: "What happens to 100 people
 * like this: 23 with acute relief only; ...", of `people` (`peopleOf`'s list). */
export const peopleLabel = (people, t) =>
  fill(t.ui.peopleLabel, { list: taken(people).map((p) => fill(t.ui.peoplePaths[p.path], { n: p.people })).join("; ") });

/** The tables of a timeline as text, in the words of messages `t`, with percentages by `pct` and
 * durations by `duration` (the wasm's one formatter), the curve read at `samples`
 * (`[{ days, p10, p50, p90 }]`, the chart's `atTicks()`), and with `people` (the chart's
 * `people()`, as `peopleOf`'s list) the people in 100 on each path someone takes, as the icon array draws them:
 * `[{ caption, head, rows }, ...]`, each row's first cell its header. */
export function tableData(timeline, t, pct, duration, samples, people) {
  const u = t.ui;
  const f = { pct, time: duration };
  const range = (b) => `${f.time(b.typical)} (${f.time(b.low)}–${f.time(b.high)})`;
  const phases = ["acute", "subAcute", "chronic"].map((k, i) => [timeline.phases[k], t.chart.phases[i]]);
  return [
    {
      caption: u.phasesCaption,
      head: [u.phase, u.chance, u.starts, u.ends, u.relief],
      rows: phases.map(([p, name]) => {
        const reached = p.probability > 0;
        const relief = `${f.pct(p.reliefPercent.typical)} (${f.pct(p.reliefPercent.low)}–${f.pct(p.reliefPercent.high)})`;
        return [name, f.pct(p.probability * 100), reached ? range(p.startDays) : "–", reached ? range(p.endDays) : "–", reached ? relief : "–"];
      }),
    },
    {
      caption: u.curveCaption,
      head: [u.time, u.typical, u.range],
      rows: samples.map((v) => [f.time(v.days), f.pct(v.p50), `${f.pct(v.p10)}–${f.pct(v.p90)}`]),
    },
    ...(people
      ? [{
        caption: u.peopleCaption,
        head: [u.path, u.peopleIn100],
        // `people` is in the order of `t.chart.paths`, the icon array's.
        rows: people.flatMap((p, i) => (p.people > 0 ? [[t.chart.paths[i], String(p.people)]] : [])),
      }]
      : []),
  ];
}

/** Builds the tables for a timeline (the arguments of `tableData`). */
export const buildTables = (...args) =>
  tableData(...args).map(({ caption, head, rows }) =>
    el("table", {}, [
      el("caption", { text: caption }),
      el("tr", {}, head.map((c) => el("th", { text: c, scope: "col" }))),
      ...rows.map((cells) => el("tr", {}, cells.map((c, i) => el(i ? "td" : "th", i ? { text: c } : { text: c, scope: "row" })))),
    ]));
