// Where the first chart's time goes on the widget page (bench (a)): marks from an init script
// (base64/inflate/instantiate, the element's render steps, canvas call counts) for N cold loads,
// relative to the scripts being loaded. Run after ./x bench:  node bench/phases.mjs [N]

import { resolve } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "../tests/e2e/harness.mjs";
const SITE = resolve(import.meta.dirname, "../bench-results/site");
const server = await serve(SITE, () => ({ "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp", "Cache-Control": "no-store" }));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"] });
const init = () => {
  const T = (window.__T = []);
  const mark = (n) => T.push([n, performance.now()]);
  const b64 = Uint8Array.fromBase64;
  Uint8Array.fromBase64 = function (s) { mark("base64 start"); const r = b64.call(this, s); mark("base64 end"); return r; };
  const pipe = ReadableStream.prototype.pipeThrough;
  ReadableStream.prototype.pipeThrough = function (...a) { mark("inflate start"); return pipe.apply(this, a); };
  for (const k of ["Module", "Instance"]) { // synchronous compile and instantiation
    const C = WebAssembly[k];
    WebAssembly[k] = function (...a) { mark(`new ${k} start`); const r = Reflect.construct(C, a); mark(`new ${k} end`); return r; };
    WebAssembly[k].prototype = C.prototype;
  }
  const inst = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...a) { mark("instantiate start"); return inst.apply(this, a).then((r) => (mark("instantiate end"), r)); };
  const raf = window.requestAnimationFrame;
  window.requestAnimationFrame = function (cb) { mark("rAF requested"); return raf.call(this, (t) => { mark("rAF fired"); cb(t); }); };
  let texts = 0, measures = 0, calls = 0;
  const P = CanvasRenderingContext2D.prototype;
  for (const k of Object.getOwnPropertyNames(P)) {
    const d = Object.getOwnPropertyDescriptor(P, k);
    if (typeof d.value !== "function") continue;
    const f = d.value;
    P[k] = function (...a) { if (calls === 0) mark("first canvas call"); calls++; if (k === "fillText") texts++; if (k === "measureText") measures++; return f.apply(this, a); };
  }
  const def = customElements.define;
  customElements.define = function (name, cls) {
    const P2 = cls.prototype;
    for (const k of ["_render", "_showSummary", "_showNotes", "_label", "_buildControls", "_applyHash"]) {
      const f = P2[k];
      P2[k] = function (...a) { mark(k + " start"); try { return f.apply(this, a); } finally { mark(k + " end"); } };
    }
    const api = cls.api;
    cls.api = function () { return api.call(this).then((w) => {
      if (!w.__wrapped) { w.__wrapped = true;
        const C = w.Chart;
        for (const k of ["draw", "timeline", "summary"]) { const f = C.prototype[k]; C.prototype[k] = function (...a) { mark("chart." + k + " start"); try { return f.apply(this, a); } finally { mark("chart." + k + " end"); } }; }
      }
      return w; }); };
    return def.call(this, name, cls);
  };
  const rc = Element.prototype.replaceChildren;
  Element.prototype.replaceChildren = function (...a) { mark("replaceChildren"); return rc.apply(this, a); };
  let firstCall = true;
  document.addEventListener("timelinechange", () => { mark("timelinechange"); window.__counts = { calls, texts, measures }; });
  document.addEventListener("DOMContentLoaded", () => mark("DOMContentLoaded"));
};
const N = Number(process.argv[2] || 5);
const rows = [];
for (let i = 0; i < N; i++) {
  const context = await browser.newContext({ viewport: { width: 900, height: 700 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.addInitScript(init);
  await page.goto(server.url + "/bench/widget.html");
  await page.waitForFunction(() => window.__first, null, { timeout: 20000 });
  const r = await page.evaluate(() => {
    const s = performance.getEntriesByType("resource").filter((e) => e.initiatorType === "script");
    const nav = performance.getEntriesByType("navigation")[0];
    return { T: window.__T, loaded: Math.max(nav.responseEnd, ...s.map((e) => e.responseEnd)), counts: window.__counts, first: window.__first };
  });
  rows.push(r);
  await context.close();
}
for (const r of rows) {
  console.log(`first after scripts loaded: ${(r.first - r.loaded).toFixed(1)} ms; canvas calls ${JSON.stringify(r.counts)}`);
  console.log("  " + r.T.map(([n, t]) => `${n} +${(t - r.loaded).toFixed(1)}`).join(" | "));
}
await browser.close(); server.close();
