// What a widget watches on the page while connected: its width, the theme (its `theme`, the
// page's data-theme or .dark, the system's), the pixel ratio and CSS zoom, printing, the URL hash
// and languages arriving. Each change schedules a draw.
import { languageListeners } from "../languages.js";

/** The page's CSS `zoom` on `node`: Element.currentCSSZoom, or where that is missing (WebKit;
 * Chrome before 128, Firefox before 126) the product of the computed `zoom` of the node and its
 * ancestors, through shadow hosts. */
export const cssZoom = (node) => {
  if (typeof node.currentCSSZoom === "number") return node.currentCSSZoom;
  let zoom = 1;
  for (let n = node; n; n = n.parentElement || (n.parentNode && n.parentNode.host)) {
    const z = parseFloat(getComputedStyle(n).zoom);
    if (z > 0) zoom *= z;
  }
  return zoom;
};

/** The theme to draw `w` in: "light" or "dark". */
export function themeOf(w) {
  // Printed in the light theme, whatever redraws while printing (a pixel-ratio change, say).
  if (w._print && w._print.matches) return "light";
  const attr = w.getAttribute("theme");
  if (attr === "light" || attr === "dark") return attr;
  for (const node of [document.documentElement, document.body]) {
    if (!node) continue;
    const t = node.getAttribute("data-theme");
    if (t === "dark" || t === "light") return t;
    if (node.classList.contains("dark")) return "dark";
  }
  return w._dark && w._dark.matches ? "dark" : "light";
}

/** Watches the device pixel ratio (a matchMedia query for the current one, renewed on change). */
function watchPixelRatio(w) {
  if (w._dpr) w._dpr.removeEventListener("change", w._onDpr);
  w._dpr = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
  w._onDpr = () => {
    watchPixelRatio(w);
    w._schedule();
  };
  w._dpr.addEventListener("change", w._onDpr);
}

/** Starts watching, on connection. (The listeners `w._onEnvChange`, `_onHash`, `_onLanguage`,
 * `_onPrint` and the ResizeObserver `_resize` are made once, in the constructor.) */
export function watch(w) {
  w._resize.observe(w._chartBox);
  w._dark = matchMedia("(prefers-color-scheme: dark)");
  w._dark.addEventListener("change", w._onEnvChange);
  watchPixelRatio(w);
  w._pageTheme = new MutationObserver(w._onEnvChange);
  w._pageTheme.observe(document.documentElement, { attributes: true, attributeFilter: ["class", "data-theme", "lang"] });
  if (document.body) w._pageTheme.observe(document.body, { attributes: true, attributeFilter: ["class", "data-theme"] });
  w._print = matchMedia("print");
  w._print.addEventListener("change", w._onPrint);
  window.addEventListener("hashchange", w._onHash);
  languageListeners.add(w._onLanguage);
}

/** Stops watching, on disconnection. */
export function unwatch(w) {
  w._print.removeEventListener("change", w._onPrint);
  window.removeEventListener("hashchange", w._onHash);
  languageListeners.delete(w._onLanguage);
  w._resize.disconnect();
  w._pageTheme.disconnect();
  w._dark.removeEventListener("change", w._onEnvChange);
  if (w._dpr) w._dpr.removeEventListener("change", w._onDpr);
}
