// A trap in one of a widget's wasm calls (a Rust panic, or a fault).
import { restart } from "./instances.js";
import { wordsOf } from "./language.js";
import { paint } from "./paint.js";
import { showError } from "./state.js";

/**
 * A trap in one of this widget's wasm calls: a new instance (see `restart`), and on it this
 * widget's last good chart again, at once, so that a half-drawn one is never painted; the crash
 * message under it. If even that traps, the chart is cleared and hidden.
 */
export function crashed(w, t) {
  let api = restart(w);
  const good = w._lastGood;
  let drawn = false;
  if (good && w._size) {
    try {
      paint(w, api, good.plans, { ...w._size, scale: good.scale, theme: good.theme }, wordsOf(w, api));
      drawn = true;
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) api = restart(w);
    }
  }
  w._api = api;
  if (!drawn) {
    w._chart = w._compared = w._lastGood = null;
    for (const c of [w._canvas, w._people, w._otherPeople]) c.getContext("2d").clearRect(0, 0, c.width, c.height);
  }
  showError(w, t.ui.crash);
}
