// A trap in one of a widget's wasm calls (a Rust panic, or a fault).
import { restart } from "./instances.js";
import { wordsOf } from "./language.js";
import { showError } from "./state.js";

/**
 * A trap in one of this widget's wasm calls: a new instance (see `restart`), and on it this
 * widget's last good chart again, at once, so that a half-drawn one is never painted; the crash
 * message under it. If even that traps, the chart is cleared and hidden.
 */
export function crashed(w, t) {
  let api = restart(w);
  const good = w._lastGood;
  let chart = null;
  if (good && w._size) {
    try {
      chart = new api.Chart(good.scenario);
      const words = wordsOf(w, api);
      chart.draw(w._canvas, w._size.width, w._size.height, good.scale, good.theme, words);
      chart.drawPeople(w._people, w._size.width, w._size.peopleHeight, good.scale, good.theme, words);
    } catch (e) {
      chart = null;
      if (e instanceof WebAssembly.RuntimeError) api = restart(w);
    }
  }
  w._api = api;
  w._chart = chart;
  if (!chart) {
    w._lastGood = null;
    for (const c of [w._canvas, w._people]) c.getContext("2d").clearRect(0, 0, c.width, c.height);
  }
  showError(w, t.ui.crash);
}
