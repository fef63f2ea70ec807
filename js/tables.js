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
 * like this: 23 with acute relief only; ...", of `people` (`peopleOf`'s list); with `plan`, the
 * plan's name first, capitalised ("One session: what happens ..."), when two are compared. */
export const peopleLabel = (people, t, plan) =>
  fill(plan ? t.ui.peopleLabelOf : t.ui.peopleLabel, { plan: plan && plan[0].toLocaleUpperCase() + plan.slice(1), list: taken(people).map((p) => fill(t.ui.peoplePaths[p.path], { n: p.people })).join("; ") });

/** The tables of a timeline as text, in the words of messages `t`, with percentages by `pct` and
 * durations by `duration` (the wasm's one formatter), the curve read at `samples`
 * (`[{ days, p10, p50, p90 }]`, the chart's `atTicks()`), and with `people` (the chart's
 * `people()`, as `peopleOf`'s list) the people in 100 on each path someone takes, as the icon
 * array draws them: `[{ caption, head, rows }, ...]`, each row's first cell its header.
 * With `other`, the compared plan (`{ name, timeline, samples, people }`, read at the same
 * times), each table gains its columns, each head naming its plan ("Chance (one session)"). */
export function tableData(timeline, t, pct, duration, samples, people, other) {
  const u = t.ui;
  const range = (b) => `${duration(b.typical)} (${duration(b.low)}–${duration(b.high)})`;
  const names = ["acute", "subAcute", "chronic"];
  // A head per plan when comparing: "Chance (this plan)", "Chance (one session)".
  const heads = (cells) =>
    other ? [...cells.map((head) => fill(u.ofPlan, { head, plan: t.chart.thisPlan })), ...cells.map((head) => fill(u.ofPlan, { head, plan: other.name }))] : cells;
  const phaseCells = (p) => {
    const reached = p.probability > 0;
    const relief = `${pct(p.reliefPercent.typical)} (${pct(p.reliefPercent.low)}–${pct(p.reliefPercent.high)})`;
    return [pct(p.probability * 100), reached ? range(p.startDays) : "–", reached ? range(p.endDays) : "–", reached ? relief : "–"];
  };
  const curveCells = (v) => [pct(v.p50), `${pct(v.p10)}–${pct(v.p90)}`];
  const both = (a, b, cells) => (other ? [...cells(a), ...cells(b)] : cells(a));
  const count = (list, i) => String(list[i].people);
  return [
    {
      caption: u.phasesCaption,
      head: [u.phase, ...heads([u.chance, u.starts, u.ends, u.relief])],
      rows: names.map((k, i) => [t.chart.phases[i], ...both(timeline.phases[k], other?.timeline.phases[k], phaseCells)]),
    },
    {
      caption: u.curveCaption,
      head: [u.time, ...heads([u.typical, u.range])],
      rows: samples.map((v, i) => [duration(v.days), ...both(v, other?.samples[i], curveCells)]),
    },
    ...(people
      ? [{
        caption: u.peopleCaption,
        head: [u.path, ...heads([u.peopleIn100])],
        // `people` is in the order of `t.chart.paths`, the icon array's; a path is listed when
        // someone in either plan takes it.
        rows: people.flatMap((p, i) =>
          p.people > 0 || other?.people[i].people > 0 ? [[t.chart.paths[i], ...both(people, other?.people, (list) => [count(list, i)])]] : []),
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
