// Sharing: the scenario round-trips through the page's URL hash, with the attribute names as keys
// (`#route=oral&dose-mg-per-kg=1`), prefixed by the element's id when it has one
// (`#pain.route=oral`), exactly as the iframe page reads its query string.

/** Widgets without an id, numbered from 1 in the order they first ask (page order on load), once:
 * a widget added or removed later does not renumber the others. */
const unnamed = new WeakMap();
let unnamedCount = 0;

/** The element's prefix for its keys: its id; without one, its number from the second on
 * (`#2.route=oral`), so two such widgets on a page keep their own scenarios. */
const hashPrefix = (element) => {
  if (element.id) return element.id + ".";
  if (!unnamed.has(element)) unnamed.set(element, ++unnamedCount);
  const n = unnamed.get(element);
  return n > 1 ? `${n}.` : "";
};
const ATTRS = FIELDS.map((f) => f[0]);

/** The hash as scenario parameters, or null when it is the page's own (an anchor, a route):
 * then the widget neither reads nor writes it. */
function hashParams() {
  const hash = location.hash.slice(1);
  if (hash === "") return new URLSearchParams();
  const params = new URLSearchParams(hash);
  const ours = [...params.keys()].every((k) => ATTRS.includes(k.slice(k.lastIndexOf(".") + 1)));
  return ours && hash.includes("=") ? params : null;
}

/** Scenario attributes found in the URL hash for this element. */
function readHash(element) {
  const params = hashParams() || new URLSearchParams();
  const prefix = hashPrefix(element);
  const found = {};
  for (const [attr] of FIELDS) {
    const v = params.get(prefix + attr);
    if (v !== null) found[attr] = v;
  }
  return found;
}

/** The page URL with this element's scenario in the hash (other widgets' keys kept; a hash that
 * is the page's own, such as an anchor, is replaced only in the shared link). */
function shareUrl(element) {
  const params = hashParams() || new URLSearchParams();
  const prefix = hashPrefix(element);
  for (const [attr] of FIELDS) {
    const v = element.getAttribute(attr);
    if (v === null) params.delete(prefix + attr);
    else params.set(prefix + attr, v);
  }
  const url = new URL(location.href);
  url.hash = params.toString();
  return url.href;
}

/** Records this element's scenario in the address bar, unless the hash is the page's own. */
function writeHash(element) {
  if (!hashParams()) return;
  try {
    history.replaceState(history.state, "", shareUrl(element));
  } catch {
    // Sandboxed frames and about:srcdoc refuse it: sharing still works through Copy link.
  }
}

/** Copies text to the clipboard; resolves to false where the browser does not allow it. */
function copyText(text) {
  if (!navigator.clipboard || !window.isSecureContext) return Promise.resolve(false);
  return navigator.clipboard.writeText(text).then(() => true, () => false);
}
