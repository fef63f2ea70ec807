// Sharing: the scenario round-trips through the page's URL hash, with the attribute names as keys
// (`#route=oral&dose-mg-per-kg=1`), prefixed by the element's id when it has one
// (`#pain.route=oral`), exactly as the iframe page reads its query string.

const hashPrefix = (element) => (element.id ? element.id + "." : "");

/** Scenario attributes found in the URL hash for this element. */
function readHash(element) {
  const params = new URLSearchParams(location.hash.slice(1));
  const prefix = hashPrefix(element);
  const found = {};
  for (const [attr] of FIELDS) {
    const v = params.get(prefix + attr);
    if (v !== null) found[attr] = v;
  }
  return found;
}

/** The page URL with this element's scenario in the hash (other hash keys kept). */
function shareUrl(element) {
  const params = new URLSearchParams(location.hash.slice(1));
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

/** Copies text to the clipboard; resolves to false where the browser does not allow it. */
function copyText(text) {
  if (!navigator.clipboard || !window.isSecureContext) return Promise.resolve(false);
  return navigator.clipboard.writeText(text).then(() => true, () => false);
}
