// Update scheduling: a widget's draws, coalesced. A widget has one scheduler; `pending` is true
// from a `schedule()` until its draw (or `cancel()`).
import { fill } from "../format.js";
import { languageReady } from "../languages.js";
import { wasmApi, wasmReady } from "./instances.js";
import { messagesOf, wantedLang } from "./language.js";

/** The scheduler of widget `w`, which draws by `w._render(api)` and reports a failed load by
 * `failed(message)`. */
export function scheduler(w, failed) {
  /** The animation frame requested for the next draw (a request id), or 0. */
  let frame = 0;
  /** The draw waiting for the wasm, the page or a language (a token, compared on arrival), or null. */
  let waiting = null;
  return {
    get pending() {
      return frame !== 0 || waiting !== null;
    },
    schedule() {
      if (frame || waiting || !w.isConnected) return;
      // Pending until the draw itself: calls meanwhile join this one draw. Once the wasm is
      // loaded and the page parsed, at most one draw per frame. Before, the draw comes as soon as
      // the wasm loads and the page is parsed (a frame's wait would only delay it): the one-file
      // build has the wasm in the microtasks right after its script, and drawing then would come
      // before the scripts that follow, which may set attributes, listen for timelinechange or
      // bring the language. And any draw waits for its language's script while it is on its way.
      const language = languageReady(wantedLang(w));
      if (wasmReady && !language && document.readyState !== "loading") {
        frame = requestAnimationFrame(() => {
          frame = 0;
          w._render(wasmReady);
        });
        return;
      }
      const token = (waiting = {});
      const parsed = document.readyState === "loading" && new Promise((ok) => document.addEventListener("DOMContentLoaded", ok, { once: true }));
      Promise.all([wasmApi(), parsed, language])
        // The language again, now that the page's scripts have run.
        .then(([api]) => Promise.all([api, languageReady(wantedLang(w))]))
        .then(
          ([api]) => {
            if (waiting !== token) return; // disconnected meanwhile
            waiting = null;
            w._render(api);
          },
          (e) => {
            if (waiting !== token) return;
            waiting = null;
            failed(fill(messagesOf(w).ui.loadError, { message: String(e && e.message ? e.message : e) }));
          },
        );
    },
    /** Drops the scheduled draw: a draw waiting for the wasm sees this and gives up. */
    cancel() {
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      waiting = null;
    },
  };
}
