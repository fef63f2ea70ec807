// A widget's charts made and drawn: the plan, the plan it is compared with, and their icon arrays.
import { peopleOf } from "../tables.js";

/** A chart of the compared plan's scenario; an error it throws is marked `plan: "compare"`. */
function comparedChart(api, scenario) {
  try {
    return new api.Chart(scenario);
  } catch (e) {
    if (e && typeof e === "object") e.plan = "compare";
    throw e;
  }
}

/**
 * Makes the charts of `plans` (`{ scenario, compare: { scenario, name, preset } or null }`) and
 * draws them on `w`'s canvases at `size` (`{ width, height, scale, theme }` of the chart) in
 * `words`: the chart, with the compared plan over it, and under it each plan's icon array, as
 * wide. The charts replace `w`'s (`_chart` and its `_peopleList`; `_compared`: `{ chart,
 * scenario, name, preset, timeline, people }`), people as `peopleOf` lists them, only once all is
 * drawn; on an error they are freed and it is thrown, with `plan: "compare"` when the compared
 * plan's scenario was refused. Used by the draw and by a trap's recovery (crash.js).
 */
export function paint(w, api, plans, size, words) {
  const { width, height, scale, theme } = size;
  let chart, other, people;
  try {
    chart = new api.Chart(plans.scenario);
    if (plans.compare) {
      other = { ...plans.compare, chart: comparedChart(api, plans.compare.scenario) };
      other.chart.name = other.name;
      chart.compareWith(other.chart);
    }
    // An icon array under the chart, as wide, in the same theme and words.
    const drawPeople = (c, canvas) => {
      const h = Math.round(c.peopleHeight(width, words));
      canvas.style.height = h + "px";
      c.drawPeople(canvas, width, h, scale, theme, words);
      return h;
    };
    w._canvas.style.height = height + "px";
    chart.draw(w._canvas, width, height, scale, theme, words);
    const peopleHeight = drawPeople(chart, w._people);
    people = peopleOf(chart.people());
    if (other) {
      drawPeople(other.chart, w._otherPeople);
      other.people = peopleOf(other.chart.people());
      other.timeline = other.chart.timeline();
    }
    w._size = { width, height, peopleHeight };
  } catch (e) {
    // A trapped instance is gone with what it held: nothing to free.
    if (!(e instanceof WebAssembly.RuntimeError)) [chart, other && other.chart].forEach((c) => c && c.free());
    throw e;
  }
  if (w._chart) w._chart.free();
  if (w._compared) w._compared.chart.free();
  w._chart = chart;
  w._peopleList = people;
  w._compared = other || null;
  w._otherPeople.hidden = !other;
  return { chart, other };
}
