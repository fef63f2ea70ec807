// The cursor on the chart and its read-out (time, typical relief and range), by pointer or by
// keyboard (arrows, Home, End, Escape on the focused canvas).
import { fill } from "../format.js";
import { crashed } from "./crash.js";
import { formatOf, messagesOf, wordsOf } from "./language.js";

/** A pointer move or press: the cursor under it. */
export function pointer(w, e) {
  // In the canvas's own CSS pixels: under a CSS transform or zoom on the page, client pixels
  // are not the canvas's.
  const rect = w._canvas.getBoundingClientRect();
  const ratio = rect.width > 0 ? w._canvas.offsetWidth / rect.width : 1;
  moveCursor(w, (e.clientX - rect.left) * ratio);
}

/** A key on the canvas: steps the cursor by a fiftieth of the plot, and says the read-out. */
export function key(w, e) {
  if (!w._chart) return;
  const area = w._chart.plotArea();
  if (!area) return;
  const step = (area.x1 - area.x0) / 50;
  let x = w._cursorX === null ? area.x0 : w._cursorX;
  if (e.key === "ArrowRight") x += step;
  else if (e.key === "ArrowLeft") x -= step;
  else if (e.key === "Home") x = area.x0;
  else if (e.key === "End") x = area.x1;
  else if (e.key === "Escape") return moveCursor(w, null);
  else return;
  e.preventDefault();
  moveCursor(w, Math.min(area.x1, Math.max(area.x0, x)));
  w._live.textContent = w._readout.textContent;
}

/** Puts the cursor at `x` CSS pixels (null: hides it), with what the chart shows there. */
export function moveCursor(w, x) {
  // One wasm call per pointer move: the reading comes with its time in words and the plot area it
  // was read on.
  let reading;
  try {
    reading = x === null || !w._chart ? undefined : w._chart.probe(x, wordsOf(w, w._api));
  } catch (e) {
    if (!(e instanceof WebAssembly.RuntimeError)) throw e;
    return crashed(w, messagesOf(w));
  }
  w._cursorX = reading ? x : null;
  w._cursor.hidden = w._readout.hidden = !reading;
  if (!reading) return;
  const t = messagesOf(w);
  const f = formatOf(w);
  const values = (r) => ({ p50: f.pct(r.p50), p10: f.pct(r.p10), p90: f.pct(r.p90) });
  // With a comparison, the compared plan's values at that time too.
  const c = reading.compare && w._compared;
  w._readout.textContent =
    fill(t.ui.readout, { time: reading.time, ...values(reading) }) + (c ? " · " + fill(t.ui.readoutOf, { plan: c.name, ...values(reading.compare) }) : "");
  const area = reading.plot;
  w._cursor.style.left = reading.x + "px";
  w._cursor.style.top = area.y0 + "px";
  w._cursor.style.height = area.y1 - area.y0 + "px";
  const width = w._size ? w._size.width : 0;
  const right = reading.x > width / 2;
  w._readout.style.left = right ? "" : reading.x + 8 + "px";
  w._readout.style.right = right ? width - reading.x + 8 + "px" : "";
  w._readout.style.top = area.y0 + 4 + "px";
}
