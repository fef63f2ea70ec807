// Sharing: the scenario, and the plan it is compared with, round-trip through the page's URL hash,
// with the attribute names as keys (`#route=oral&dose-mg-per-kg=1&compare-sessions=1`), prefixed
// by the element's id when it has one (`#pain.route=oral`), exactly as the iframe page reads its
// query string. `hashParams`,
// `readHash` and `withScenario` are pure (unit-tested under Node); the rest reads the page.
import { COMPARE_ATTRS } from "./compare.js";
import { ATTRS } from "./fields.js";

/** The attributes a link keeps: the scenario's and the compared plan's. */
const SHARED = [...ATTRS, ...COMPARE_ATTRS];

/** Widgets without an id, numbered from 1 in the order they first ask (page order on load), once:
 * a widget added or removed later does not renumber the others. */
const unnamed = new WeakMap();
let unnamedCount = 0;

/** The element's prefix for its keys: its id; without one, its number from the second on
 * (`#2.route=oral`), so two such widgets on a page keep their own scenarios. */
export const hashPrefix = (element) => {
  if (element.id) return element.id + ".";
  if (!unnamed.has(element)) unnamed.set(element, ++unnamedCount);
  const n = unnamed.get(element);
  return n > 1 ? `${n}.` : "";
};

/** A URL hash (with or without its `#`) as scenario parameters, or null when it is the page's
 * own (an anchor, a route): then the widget neither reads nor writes it. */
export function hashParams(hash) {
  hash = hash.replace(/^#/, "");
  if (hash === "") return new URLSearchParams();
  const params = new URLSearchParams(hash);
  const ours = [...params.keys()].every((k) => SHARED.includes(k.slice(k.lastIndexOf(".") + 1)));
  return ours && hash.includes("=") ? params : null;
}

/** The scenario attributes a hash holds under `prefix`: `{ attribute: value }`. */
export function readHash(hash, prefix) {
  const params = hashParams(hash) || new URLSearchParams();
  const found = {};
  for (const attr of SHARED) {
    const v = params.get(prefix + attr);
    if (v !== null) found[attr] = v;
  }
  return found;
}

/** The hash (without `#`) with the attributes `get(attr)` gives under `prefix` (null: removed),
 * other widgets' keys kept; a hash that is the page's own is replaced. */
export function withScenario(hash, prefix, get) {
  const params = hashParams(hash) || new URLSearchParams();
  for (const attr of SHARED) {
    const v = get(attr);
    if (v === null) params.delete(prefix + attr);
    else params.set(prefix + attr, v);
  }
  return params.toString();
}

/** The page URL with this element's scenario in the hash (a hash that is the page's own, such as
 * an anchor, is replaced only in the shared link). */
export function shareUrl(element) {
  const url = new URL(location.href);
  url.hash = withScenario(location.hash, hashPrefix(element), (attr) => element.getAttribute(attr));
  return url.href;
}

/** Records this element's scenario in the address bar, unless the hash is the page's own. */
export function writeHash(element) {
  if (!hashParams(location.hash)) return;
  try {
    history.replaceState(history.state, "", shareUrl(element));
  } catch {
    // Sandboxed frames and about:srcdoc refuse it: sharing still works through Copy link.
  }
}

/** Copies text to the clipboard; resolves to false where the browser does not allow it. */
export function copyText(text) {
  if (!navigator.clipboard || !window.isSecureContext) return Promise.resolve(false);
  return navigator.clipboard.writeText(text).then(() => true, () => false);
}
