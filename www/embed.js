// The script of embed.html (a file, not inline, so the page works under a strict CSP).
// 1. Copies the query string onto the element: the same kebab-case names as its attributes,
//    plus theme, lang and controls; any other parameter (utm_source, ...) is ignored, and so is
//    one the reader has since changed (the widget keeps the reader's changes in the hash). For a
//    lang other than English it loads that language's script.
//      embed.html?route=iv-infusion&dose-mg-per-kg=0.5&session-hours=4&theme=dark&controls
// 2. Inside an iframe, tells the parent page its height at once and whenever it changes:
//      parent.postMessage({ type: "relief-timeline:height", height }, "*")
//    embed-parent.js (on the parent page) resizes the iframe that sent it.
(function () {
  "use strict";
  var chart = document.querySelector("relief-timeline");
  var names = customElements.get("relief-timeline").observedAttributes;
  // What the reader chose wins over the query's defaults: the widget has already set it from the
  // hash (the page's element has no attributes of its own).
  var query = new URLSearchParams(location.search);
  query.forEach(function (value, name) {
    if (names.indexOf(name) >= 0 && !chart.hasAttribute(name)) chart.setAttribute(name, value);
  });
  // A language other than English comes in its own script, loaded only when asked for (the
  // widget's first chart waits for it).
  var lang = (query.get("lang") || "").toLowerCase().split("-")[0];
  if (lang !== "en" && customElements.get("relief-timeline").languages.indexOf(lang) >= 0) {
    var url = "dist/relief-timeline." + lang + ".js";
    try {
      // Under Trusted Types a script's URL must come from a policy: this page's is
      // "relief-timeline" (allow it in the CSP's trusted-types directive to have the language).
      if (window.trustedTypes) {
        url = trustedTypes.createPolicy("relief-timeline", { createScriptURL: function (u) { return u; } }).createScriptURL(url);
      }
      var script = document.createElement("script");
      script.src = url;
      document.head.appendChild(script);
    } catch (e) {
      // No policy allowed: the widget speaks English.
    }
  }
  if (window.parent === window) return;
  var reported = -1;
  function report() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === reported) return;
    reported = height;
    // The height is no secret, and the parent's origin is unknown here: any origin may read it.
    window.parent.postMessage({ type: "relief-timeline:height", height: height }, "*");
  }
  // At once, and after every draw: a browser runs no ResizeObserver (nor animation frame) in an
  // iframe that is off-screen, so a frame below the fold, or loaded lazily ahead of the scroll,
  // would otherwise keep its placeholder height until the reader reaches it, then jump.
  report();
  chart.addEventListener("timelinechange", report);
  new ResizeObserver(report).observe(document.documentElement);
})();
