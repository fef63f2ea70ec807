// How the widget looks to a reader, measured from what the engine paints: contrast from screenshot
// pixels (text at least 4.5:1, controls and graphics at least 3:1) in the light and dark themes on
// a light or dark page (`color-scheme` either way); no option or label cut in narrow selects
// (320, 640 and 1200 px, English, Spanish, German); a sharp canvas under CSS `zoom`, also where
// Element.currentCSSZoom is missing (WebKit).
import { test } from "node:test";
import assert from "node:assert/strict";
import { open, waitForChart } from "./harness.mjs";
import { session } from "./session.mjs";
import { settled } from "./embed-helpers.mjs";
import { contrast, decodePng, inkOnBackground } from "./png.mjs";

const page = (body, { lang = "en", head = "" } = {}) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>appearance</title><link rel="icon" href="data:,">${head}</head><body>${body}<script src="../dist/relief-timeline.js"></script></body></html>`;
const SCHEMES = { light: ":root { color-scheme: light; background: #fff; color: #111; }", dark: ":root { color-scheme: dark; background: #121212; color: #eee; }" };

const env = session({
  site: true,
  prepare: (site) => {
    for (const theme of ["light", "dark"]) for (const scheme of ["light", "dark"]) {
      site.write(`look/${theme}-on-${scheme}.html`, page(`<relief-timeline controls theme="${theme}" sessions="3"></relief-timeline>`, { head: `<style>${SCHEMES[scheme]}</style>` }));
    }
    for (const lang of ["en", "es", "de"]) site.write(`look/controls-${lang}.html`, page("<relief-timeline controls></relief-timeline>", { lang }));
    const zoomed = '<div style="zoom: 2; width: 400px"><relief-timeline></relief-timeline></div>';
    site.write("look/zoom.html", page(zoomed));
    site.write("look/zoom-no-current.html", page(`<script>delete Element.prototype.currentCSSZoom;</script>${zoomed}`));
  },
});

/** Boxes (CSS px, viewport) of what the test measures, inside the widget's shadow root. */
const boxes = (p) => p.evaluate(() => {
  const root = document.querySelector("relief-timeline").shadowRoot;
  const box = (r) => ({ x: r.left, y: r.top, width: r.width, height: r.height });
  const labelText = (label) => {
    const range = document.createRange();
    range.selectNodeContents(label.firstChild);
    return box(range.getBoundingClientRect());
  };
  return {
    selects: [...root.querySelectorAll("select")].map((s) => ({ name: s.name, ...box(s.getBoundingClientRect()) })),
    labels: [...root.querySelectorAll("label")].map((l) => ({ name: l.lastChild.name, ...labelText(l) })),
    buttons: [...root.querySelectorAll(".tools button")].map((b) => ({ name: b.textContent, ...box(b.getBoundingClientRect()) })),
    canvas: box(root.querySelector("canvas").getBoundingClientRect()),
  };
});

for (const theme of ["light", "dark"]) for (const scheme of ["light", "dark"]) {
  test(`contrast from screenshot pixels: the ${theme} theme on a ${scheme} page`, async () => {
    const p = await open(env.browser, { viewport: { width: 900, height: 1600 }, colorScheme: scheme });
    await p.goto(`${env.server.url}/look/${theme}-on-${scheme}.html`);
    await waitForChart(p);
    await settled(p);
    const b = await boxes(p);
    const img = decodePng(await p.screenshot());
    const k = img.width / 900; // device pixels per CSS pixel
    const region = (r, inset = 0) => [Math.ceil((r.x + inset) * k), Math.ceil((r.y + inset) * k), Math.floor((r.x + r.width - inset) * k), Math.floor((r.y + r.height - inset) * k)];
    const low = [];
    const check = (what, r, min, inset) => {
      const m = inkOnBackground(img, ...region(r, inset));
      if (m.ratio < min) low.push(`${what}: ${m.ratio.toFixed(2)}:1 (${m.ink} on ${m.background})`);
      return m;
    };
    for (const s of b.selects) {
      // The text in the box, on the box's own background (WebKit's native box was light).
      const inside = check(`select ${s.name}, text`, s, 4.5, 2);
      // The box's edge against what is around it.
      const y = Math.round((s.y + s.height / 2) * k);
      const outside = img.pixel(Math.max(0, Math.round((s.x - 4) * k)), y);
      let edge = 1;
      for (let x = Math.floor(s.x * k) - 1; x <= Math.ceil(s.x * k) + 1; x++) edge = Math.max(edge, contrast(img.pixel(x, y), outside));
      if (edge < 3) low.push(`select ${s.name}, border: ${edge.toFixed(2)}:1 against ${outside}`);
      assert.ok(inside.ratio > 1, `select ${s.name}: no text painted`);
    }
    for (const l of b.labels) check(`label of ${l.name}`, l, 4.5, 0);
    for (const btn of b.buttons) check(`button ${btn.name}`, btn, 4.5, 2);
    check("the chart", b.canvas, 3, 0);
    assert.deepEqual(low, []);
    assert.deepEqual(p.problems, []);
    await p.context().close();
  });
}

for (const lang of ["en", "es", "de"]) {
  test(`no option or label is cut at 320, 640 and 1200 px (${lang})`, async () => {
    const p = await open(env.browser, { viewport: { width: 320, height: 900 } });
    await p.goto(`${env.server.url}/look/controls-${lang}.html`);
    await waitForChart(p);
    for (const width of [320, 640, 1200]) {
      await p.setViewportSize({ width, height: 900 });
      // WebKit's MiniBrowser window is at least 447 px wide (its toolbar): where the viewport
      // stays wider, the page's root box takes the width instead (the widget's CSS has no media
      // queries: its layout follows its own width).
      await p.evaluate((w) => (document.documentElement.style.maxWidth = innerWidth > w ? `${w}px` : ""), width);
      await p.waitForFunction((w) => document.body.clientWidth <= w && document.querySelector("relief-timeline")._size?.width === Math.floor(document.querySelector("relief-timeline").shadowRoot.querySelector(".chart").clientWidth), width);
      await settled(p);
      const cut = await p.evaluate(() => {
        const root = document.querySelector("relief-timeline").shadowRoot;
        const form = root.querySelector("form").getBoundingClientRect();
        const out = [];
        for (const select of root.querySelectorAll("select")) {
          // The engine's own width for this box showing its longest option: a copy, unconstrained.
          const copy = select.cloneNode(true);
          copy.style.position = "absolute";
          copy.style.width = "max-content";
          copy.style.minWidth = "0";
          select.parentNode.append(copy);
          const needed = copy.getBoundingClientRect().width;
          copy.remove();
          const has = select.getBoundingClientRect();
          if (has.width + 0.5 < needed) out.push(`select ${select.name}: ${has.width.toFixed(1)} px wide, its longest option needs ${needed.toFixed(1)}`);
          if (has.right > form.right + 0.5 || has.left < form.left - 0.5) out.push(`select ${select.name} overflows the panel`);
        }
        for (const label of root.querySelectorAll("label")) {
          const range = document.createRange();
          range.selectNodeContents(label.firstChild);
          const text = range.getBoundingClientRect();
          const box = label.getBoundingClientRect();
          if (text.right > box.right + 0.5 || text.left < box.left - 0.5) out.push(`label "${label.firstChild.textContent}" is wider than its box`);
          if (box.right > form.right + 0.5) out.push(`label "${label.firstChild.textContent}" overflows the panel`);
        }
        return out;
      });
      assert.deepEqual(cut, [], `${lang} at ${width} px`);
    }
    assert.deepEqual(p.problems, []);
    await p.context().close();
  });
}

for (const [file, what] of [["zoom.html", "CSS zoom"], ["zoom-no-current.html", "CSS zoom where Element.currentCSSZoom is missing"]]) {
  test(`under ${what} the canvas is drawn at the zoomed size (sharp, not stretched)`, async () => {
    const p = await open(env.browser);
    await p.goto(`${env.server.url}/look/${file}`);
    await waitForChart(p);
    await settled(p);
    const r = await p.evaluate(() => {
      const e = document.querySelector("relief-timeline");
      const c = e.shadowRoot.querySelector("canvas");
      return { css: e._size.width, backing: c.width, dpr: devicePixelRatio, current: "currentCSSZoom" in Element.prototype };
    });
    if (file === "zoom-no-current.html") assert.equal(r.current, false);
    assert.equal(r.backing, Math.round(r.css * 2 * r.dpr), JSON.stringify(r));
    assert.deepEqual(p.problems, []);
    await p.context().close();
  });
}
