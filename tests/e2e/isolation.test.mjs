// The widget and its host page leave each other alone: no requests beyond its own files, no
// cookies or storage, hostile page CSS cannot break the chart, the widget's CSS does not leak out.
import { test } from "node:test";
import assert from "node:assert/strict";
import { inkInPlot, open, waitForChart } from "./harness.mjs";
import { session } from "./session.mjs";
import { canvasInfo, nextChange, settled, splitBuild } from "./embed-helpers.mjs";

const env = session({
  site: true,
  prepare: (site) => {
    const { js } = splitBuild();
    site.write("sub/two-file.html", `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>two-file</title>
<link rel="icon" href="../favicon.svg"></head><body>
<relief-timeline route="oral" controls></relief-timeline><script src="../dist/${js}"></script></body></html>`);
  },
});

/** What the page stored anywhere: cookies, web storage, IndexedDB, Cache Storage. */
const storage = (page) => page.evaluate(async () => ({
  cookie: document.cookie,
  localStorage: localStorage.length,
  sessionStorage: sessionStorage.length,
  indexedDB: (await indexedDB.databases()).length,
  caches: (await caches.keys()).length,
}));

for (const [name, path, own] of [
  ["the article (one-file build)", "/article.html", () => ["/article.html", "/article.css", "/dist/relief-timeline.js", "/favicon.svg"]],
  ["a two-file build page", "/sub/two-file.html", () => ["/sub/two-file.html", `/dist/${splitBuild().js}`, `/dist/${splitBuild().wasm}`, "/favicon.svg"]],
]) {
  test(`${name}: requests only its own files, sets no cookie, stores nothing`, async () => {
    const page = await open(env.browser);
    const context = page.context();
    const all = [];
    context.on("request", (r) => all.push(r.url())); // includes workers and frames
    await page.goto(env.server.url + path);
    await waitForChart(page);
    // Use it: change the scenario, open the table, move the cursor over the chart.
    const change = await nextChange(page);
    await page.locator("relief-timeline select[name=route]").selectOption("intranasal");
    await change();
    await page.locator("relief-timeline .tools button[aria-expanded]").click();
    await page.locator("relief-timeline .chart canvas").scrollIntoViewIfNeeded(); // the click may have scrolled
    const box = await page.locator("relief-timeline .chart canvas").boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // The last thing the widget does on its own, the live region's delayed announcement of the
    // new scenario, has happened: anything it would request, it has by then.
    await page.waitForFunction(() => document.querySelector("relief-timeline").shadowRoot.querySelector("[aria-live]").textContent.length > 50);
    await settled(page);
    const paths = [];
    for (const url of all) {
      assert.ok(url.startsWith(env.server.url + "/"), `a request left the env.site: ${url}`);
      paths.push(new URL(url).pathname);
    }
    const allowed = own();
    for (const p of paths) assert.ok(allowed.includes(p), `unexpected request: ${p}`);
    for (const p of allowed.filter((p) => p !== "/favicon.svg")) assert.ok(paths.includes(p), `${p} was never loaded`);
    const resources = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
    for (const p of resources) assert.ok(allowed.includes(p), `unexpected resource: ${p}`);
    assert.deepEqual(await context.cookies(), []);
    assert.deepEqual(await storage(page), { cookie: "", localStorage: 0, sessionStorage: 0, indexedDB: 0, caches: 0 });
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

/** The chart's canvas pixels, as a SHA-256 of its RGBA data (not toDataURL(): Firefox's PNG
 * encoder may compress the same pixels to different bytes). */
const pixels = (page) => page.evaluate(async () => {
  const canvas = document.querySelector("relief-timeline").shadowRoot.querySelector("canvas");
  const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
  const digest = await crypto.subtle.digest("SHA-256", data);
  return `${canvas.width}x${canvas.height} ${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
});

test("a host page with aggressive global CSS leaves the chart intact", async () => {
  const page = await open(env.browser);
  await page.goto(env.server.url + "/fixtures/hostile.html");
  // The page's CSS really is hostile: the light-DOM <h1> is unset to inline, 40px.
  assert.deepEqual(await page.evaluate(() => [getComputedStyle(document.querySelector("h1")).fontWeight, getComputedStyle(document.querySelector("h1")).fontSize]), ["400", "40px"]);
  await waitForChart(page);
  await settled(page); // drawn at its final width (a page scrollbar may come after the first draw)
  const c = await canvasInfo(page);
  const viewport = page.viewportSize().width;
  assert.ok(c.width > viewport * 0.8 && c.width <= viewport, `canvas width ${c.width} at a ${viewport}px viewport`);
  assert.ok(c.height >= 300 && c.height <= 520, `canvas height ${c.height}`);
  assert.equal(c.backingWidth, Math.floor(c.width), "the canvas is stretched, not drawn at its size");
  const { ink, total } = await inkInPlot(page);
  assert.ok(total > 1000 && ink / total > 0.05, `plot area blank or tiny: ${ink} of ${total}`);
  // Nothing from the page reached inside: the shadow tree keeps its own layout and control sizes.
  const inside = await page.evaluate(() => {
    const root = document.querySelector("relief-timeline").shadowRoot;
    const cs = (s) => getComputedStyle(root.querySelector(s));
    return {
      canvas: cs("canvas").display, chart: cs(".chart").display, form: cs("form").display,
      select: cs("select").fontSize, button: cs(".tools button").fontSize, tables: cs(".tools + div").display,
      opacity: cs("canvas").opacity,
    };
  });
  assert.deepEqual(inside, { canvas: "block", chart: "block", form: "flex", select: "14px", button: "14px", tables: "none", opacity: "1" });
  // Nothing overlaps the chart: the panel sits above it, the summary below.
  const order = await page.evaluate(() => {
    const root = document.querySelector("relief-timeline").shadowRoot;
    const r = (s) => root.querySelector(s).getBoundingClientRect();
    return { formBottom: r("form").bottom, canvasTop: r("canvas").top, canvasBottom: r("canvas").bottom, summaryTop: r(".summary").top };
  });
  assert.ok(order.formBottom <= order.canvasTop && order.canvasBottom <= order.summaryTop, JSON.stringify(order));
  // The page's letter-spacing, white-space, text-transform stop at the host: the text inside wraps.
  const text = await page.evaluate(() => {
    const root = document.querySelector("relief-timeline").shadowRoot;
    const summary = root.querySelector(".summary");
    return { canvas: getComputedStyle(root.querySelector("canvas")).letterSpacing, wraps: summary.scrollWidth <= summary.clientWidth + 1,
      label: getComputedStyle(root.querySelector("label")).textTransform, select: getComputedStyle(root.querySelector("select")).whiteSpace };
  });
  // (A select's own white-space is the engine's default: pre in Chromium, nowrap in Firefox.)
  assert.ok(["pre", "nowrap"].includes(text.select), `the page's white-space reached the select: ${text.select}`);
  assert.deepEqual({ ...text, select: "(engine's)" }, { canvas: "normal", wraps: true, label: "none", select: "(engine's)" });
  // The chart is pixel for pixel the one a plain page draws at the same width.
  const hostile = await pixels(page);
  assert.deepEqual(page.problems, []);
  await page.context().close();
  const plain = await open(env.browser);
  await plain.goto(env.server.url + "/fixtures/leak.html");
  await plain.addScriptTag({ url: "../dist/relief-timeline.js" });
  await plain.evaluate((width) => {
    const host = document.querySelector("#host");
    host.style.width = width + "px";
    host.innerHTML = '<relief-timeline route="iv-infusion" dose-mg-per-kg="0.5" session-hours="4"></relief-timeline>';
  }, c.width);
  await waitForChart(plain);
  await settled(plain);
  const reference = await pixels(plain);
  assert.ok(hostile === reference, "the chart on the hostile page differs from the same chart on a plain page");
  await plain.context().close();
});

test("the widget's styles do not leak into the page", async () => {
  const page = await open(env.browser);
  await page.goto(env.server.url + "/fixtures/leak.html");
  const snapshot = () => page.evaluate(() => {
    const props = ["display", "font-family", "font-size", "color", "background-color", "border-top-width", "border-radius",
      "padding-top", "margin-top", "box-sizing", "width", "position", "min-height", "outline-style", "text-align"];
    return {
      sheets: document.styleSheets.length,
      adopted: document.adoptedStyleSheets.length,
      styleTags: document.querySelectorAll("style, link[rel=stylesheet]").length,
      host: getComputedStyle(document.documentElement).fontSize + " " + getComputedStyle(document.body).fontFamily,
      elements: [...document.querySelectorAll("[id]:not(#host)")].map((e) =>
        e.id + ": " + props.map((p) => getComputedStyle(e).getPropertyValue(p)).join(" | ")),
    };
  });
  // A scrollbar the taller page gets is layout, not a leak: have it from the start (Firefox's
  // scrollbars take room).
  await page.evaluate(() => document.documentElement.style.setProperty("overflow-y", "scroll"));
  const before = await snapshot();
  await page.addScriptTag({ url: "../dist/relief-timeline.js" });
  await page.evaluate(() => {
    const w = document.createElement("relief-timeline");
    w.setAttribute("controls", "");
    w.setAttribute("theme", "dark");
    document.querySelector("#host").append(w);
  });
  await waitForChart(page);
  assert.deepEqual(await snapshot(), before);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
