// The tools under the chart: export (PNG, SVG, CSV) and sharing (Copy link, the URL hash).
import { errorText } from "../attributes.js";
import { exportCsv, exportPng, exportSvg } from "../export.js";
import { copyText, hashPrefix, readHash, shareUrl } from "../share.js";
import { buildControls } from "./controls.js";
import { crashed } from "./crash.js";
import { langOf, messagesOf, wordsOf } from "./language.js";
import { showError } from "./state.js";

/** Saves the chart as "png" or "svg", or its curve as "csv". */
export function exportAs(w, kind) {
  if (!w._chart || !w._size) return;
  const t = messagesOf(w);
  try {
    if (kind === "csv") exportCsv(w._timeline, w._peopleList, w._compared);
    else (kind === "png" ? exportPng : exportSvg)(w._chart, w._size, w._drawnTheme, wordsOf(w, w._api));
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) return crashed(w, t);
    showError(w, errorText(e, t, langOf(w)));
  }
}

/** Copies the link to this scenario, or shows it where the clipboard is not allowed. */
export function copyLink(w) {
  const url = shareUrl(w);
  const u = messagesOf(w).ui;
  copyText(url).then((ok) => {
    w._status.textContent = ok ? u.copied : url;
  });
}

/** Applies scenario attributes found in the URL hash. */
export function applyHash(w) {
  for (const [attr, value] of Object.entries(readHash(location.hash, hashPrefix(w)))) {
    if (w.getAttribute(attr) !== value) w.setAttribute(attr, value);
  }
  if (w._form.childElementCount) buildControls(w);
}
