// Whether the chart shows: the chart with what goes with it, or the error line alone. Used by the
// draw, by a trap's recovery (crash.js) and by the panels.
import { syncControls } from "./controls.js";

/** Shows `message` in the error line, under the last good chart if there is one. */
export function showError(w, message) {
  w._error.textContent = message;
  w._error.hidden = false;
  // With no good chart yet there is nothing to show, read, table or export: the message alone.
  if (!w._chart) showChart(w, false);
  // The controls show the values in force, the bad one too, so that the reader can correct it.
  syncControls(w);
}

/** Shows or hides the chart and what goes with it. */
export function showChart(w, shown) {
  w._canvas.hidden = w._people.hidden = w._notes.hidden = w._tools.hidden = !shown;
  w._otherPeople.hidden = !shown || !w._compared;
}
