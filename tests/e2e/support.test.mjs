// An older browser: each API the widget needs (docs/browsers.md) removed in turn, in the page itself
// before the widget's script. The widget then shows a clear message in the reader's language,
// naming what is missing and the browsers that run it, instead of a broken chart; nothing throws.
import { test } from "node:test";
import assert from "node:assert/strict";
import { open } from "./harness.mjs";
import { session } from "./session.mjs";
import { splitBuild } from "./embed-helpers.mjs";

// [the API as the message names it, a script that removes it]
const REMOVALS = [
  ["customElements", "Object.defineProperty(window, 'customElements', { value: undefined, configurable: true });"],
  ["attachShadow", "delete Element.prototype.attachShadow;"],
  ["adoptedStyleSheets", "delete ShadowRoot.prototype.adoptedStyleSheets; delete Document.prototype.adoptedStyleSheets;"],
  ["ResizeObserver", "Object.defineProperty(window, 'ResizeObserver', { value: undefined, configurable: true });"],
  ["WebAssembly", "Object.defineProperty(window, 'WebAssembly', { value: undefined, configurable: true });"],
  // A browser without wasm SIMD validates no module that uses it.
  ["WebAssembly SIMD", "{ const v = WebAssembly.validate; WebAssembly.validate = (b) => !new Uint8Array(b.buffer || b).includes(0xfd) && v(b); }"],
  ["DecompressionStream deflate-raw", "Object.defineProperty(window, 'DecompressionStream', { value: undefined, configurable: true });"],
  // Chrome 80-102 had DecompressionStream, without "deflate-raw".
  ["DecompressionStream deflate-raw", "{ const D = DecompressionStream; window.DecompressionStream = function (f) { if (f === 'deflate-raw') throw new TypeError('Unsupported compression format'); return new D(f); }; }"],
];
const MESSAGE = {
  en: /^This chart needs a newer browser: this one lacks (.+)\. It works in Chrome 103, Firefox 113, Safari 16\.4 and later\.$/,
  es: /^Este gráfico necesita un navegador más reciente: a este le falta (.+)\. Funciona en Chrome 103, Firefox 113, Safari 16\.4 y posteriores\.$/,
  de: /^Dieses Diagramm braucht einen neueren Browser: diesem fehlt (.+)\. Es läuft in Chrome 103, Firefox 113, Safari 16\.4 und neuer\.$/,
};
const page = (lang, remove, scripts) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>old</title><link rel="icon" href="data:,"></head><body>
<script>${remove}</script><relief-timeline id="a" controls></relief-timeline><p>The article goes on.</p>
${scripts.map((s) => `<script src="../dist/${s}"></script>`).join("")}<relief-timeline id="b"></relief-timeline></body></html>`;

const env = session({
  site: true,
  prepare: (site) => {
    REMOVALS.forEach(([, remove], i) => {
      site.write(`old/${i}.html`, page("en", remove, ["relief-timeline.js"]));
      site.write(`old/${i}-es.html`, page("es", remove, ["relief-timeline.es.js", "relief-timeline.js"]));
      site.write(`old/${i}-de.html`, page("de-CH", remove, ["relief-timeline.js", "relief-timeline.de.js"]));
    });
    site.write("old/two-file.html", page("en", REMOVALS[6][1], [splitBuild().js]));
  },
});

const notes = (p) => p.evaluate(() => [...document.querySelectorAll("relief-timeline")].map((e) => ({
  text: e.querySelector(".relief-timeline-unsupported")?.textContent ?? null,
  shown: !!e.querySelector(".relief-timeline-unsupported")?.getBoundingClientRect().height,
  chart: !!(e.shadowRoot && e.shadowRoot.querySelector("canvas")?.width),
})));

REMOVALS.forEach(([api, remove], i) => {
  test(`without ${api}${i === 7 ? " (DecompressionStream without the format)" : ""}: the message in the reader's language, no broken chart`, async () => {
    for (const [suffix, lang] of [["", "en"], ["-es", "es"], ["-de", "de"]]) {
      const p = await open(env.browser);
      await p.goto(`${env.server.url}/old/${i}${suffix}.html`);
      const shown = await notes(p);
      for (const [n, w] of shown.entries()) {
        const m = MESSAGE[lang].exec(w.text ?? "");
        assert.ok(m, `${lang}, widget ${n + 1}: ${JSON.stringify(w.text)}`);
        assert.ok(m[1].split(", ").includes(api), `${lang}: "${m[1]}" does not name ${api}`);
        assert.ok(w.shown, `${lang}, widget ${n + 1}: the message is not shown`);
        assert.equal(w.chart, false);
      }
      assert.equal(shown.length, 2);
      assert.deepEqual(p.problems, [], `${lang}: ${remove}`);
      await p.context().close();
    }
  });
});

test("the two-file build needs no DecompressionStream: it draws where that is missing", async () => {
  const p = await open(env.browser);
  await p.goto(`${env.server.url}/old/two-file.html`);
  await p.waitForFunction(() => [...document.querySelectorAll("relief-timeline")].every((e) => e.timeline));
  assert.deepEqual((await notes(p)).map((n) => n.text), [null, null]);
  assert.deepEqual(p.problems, []);
  await p.context().close();
});
