// An older browser. The oldest that run the widget (docs/browsers.md derives them from the APIs
// below): Chrome 103, Firefox 113, Safari 16.4 for the one-file build (DecompressionStream
// "deflate-raw" inflates its wasm); the two-file build fetches its .wasm: Chrome 96, Firefox 101.
// Where an API is missing the element is not defined (it would break half-way): each
// <relief-timeline> shows, in the page's language, which API is missing and what browser to use.
import { el } from "../dom.js";
import { fill } from "../format.js";
import { MESSAGES, languageListeners } from "../languages.js";
// The loader's own needs (the one-file build's DecompressionStream), last.
import { REQUIREMENTS as LOADER_REQUIREMENTS } from "relief-timeline:load";

const SIMD_PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11];
const REQUIREMENTS = [
  ["customElements", () => self.customElements && customElements.define],
  ["attachShadow", () => Element.prototype.attachShadow],
  ["adoptedStyleSheets", () => "adoptedStyleSheets" in ShadowRoot.prototype && CSSStyleSheet.prototype.replaceSync],
  ["ResizeObserver", () => self.ResizeObserver],
  ["WebAssembly", () => self.WebAssembly && WebAssembly.validate],
  ["WebAssembly SIMD", () => WebAssembly.validate(new Uint8Array(SIMD_PROBE))],
  ...LOADER_REQUIREMENTS,
];

/** The names of the APIs this browser lacks. */
export const missingApis = () => REQUIREMENTS.filter(([, has]) => {
  try {
    return !has();
  } catch {
    return true;
  }
}).map(([name]) => name);

/** Says in each <relief-timeline> (now, when the page is parsed, and when a language arrives)
 * which APIs are `missing`. */
export const showUnsupported = (missing) => {
  const say = (host) => {
    const lang = (host.getAttribute("lang") || (host.closest("[lang]") || document.documentElement).getAttribute("lang") || "en").toLowerCase().split("-")[0];
    const u = (MESSAGES[lang] || MESSAGES.en).ui;
    const text = fill(u.unsupported || MESSAGES.en.ui.unsupported, { missing: missing.join(", "), chrome: 103, firefox: 113, safari: "16.4" });
    let note = host.querySelector(":scope > .relief-timeline-unsupported");
    if (!note) {
      note = el("p", { className: "relief-timeline-unsupported", role: "note" });
      // No stylesheet here (adoptedStyleSheets may be the missing API): a few properties, set
      // through the CSSOM (allowed under a strict CSP, unlike a style attribute).
      Object.assign(note.style, { display: "block", margin: "8px 0", padding: "8px 10px", borderLeft: "4px solid #b3261e" });
      host.append(note);
    }
    if (note.textContent !== text) note.textContent = text;
  };
  const all = () => [].forEach.call(document.querySelectorAll("relief-timeline"), say);
  all();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", all);
  // A language script that comes later says it again in that language.
  languageListeners.add(all);
  console.warn("relief-timeline: this browser lacks " + missing.join(", "));
};
