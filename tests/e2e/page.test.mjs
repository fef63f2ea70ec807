// The demo page, loaded in real headless Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { nextChange, typeInto } from "./embed-helpers.mjs";
import { session } from "./session.mjs";
import { inkInPlot, open, waitForChart } from "./harness.mjs";

const env = session();

test("the demo page draws a chart with the wasm module, without errors", async () => {
  const page = await open(env.browser);
  await page.goto(env.server.url + "/");
  await waitForChart(page);
  const { ink, total } = await inkInPlot(page);
  assert.ok(total > 1000, `plot area too small: ${total}`);
  assert.ok(ink / total > 0.05, `plot area is nearly blank: ${ink} of ${total} pixels inked`);
  assert.deepEqual(page.problems, []);
});

test("where the browser refuses to compile the wasm synchronously, it compiles it asynchronously", async () => {
  const page = await open(env.browser);
  // As Chromium does in some configurations, for modules over 4 KB on the main thread.
  await page.addInitScript(() => {
    const { prototype } = WebAssembly.Module;
    WebAssembly.Module = function () {
      throw new RangeError("WebAssembly.Compile is disallowed on the main thread, if the buffer size is larger than 4KB.");
    };
    WebAssembly.Module.prototype = prototype;
  });
  await page.goto(env.server.url + "/");
  await waitForChart(page);
  const { ink, total } = await inkInPlot(page);
  assert.ok(ink / total > 0.05, `plot area is nearly blank: ${ink} of ${total} pixels inked`);
  assert.deepEqual(page.problems, []);
});

test("changing the form redraws the chart and fires timelinechange", async () => {
  const page = await open(env.browser);
  await page.goto(env.server.url + "/");
  await waitForChart(page);
  const curve = (t) => JSON.stringify(t.relief.p50);
  const before = await page.evaluate(() => JSON.stringify(document.querySelector("relief-timeline").timeline.relief.p50));
  const changed = await nextChange(page);
  await typeInto(page.locator("relief-timeline input[name=dose-mg-per-kg]"), "2");
  await page.locator("relief-timeline input[name=dose-mg-per-kg]").dispatchEvent("change");
  const { timeline: redrawn } = await changed();
  assert.notEqual(curve(redrawn), before, "a four times higher dose left the curve unchanged");
  assert.equal(await page.locator("relief-timeline").getAttribute("dose-mg-per-kg"), "2");
  assert.deepEqual(page.problems, []);
});

test("attribute values are read forgivingly: any case for names, a decimal comma for numbers", async () => {
  const page = await open(env.browser);
  await page.goto(env.server.url + "/");
  await waitForChart(page);
  const timelines = await page.evaluate(async () => {
    const make = async (attrs) => {
      const e = document.createElement("relief-timeline");
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      const drawn = new Promise((ok) => e.addEventListener("timelinechange", (ev) => ok(ev.detail.timeline), { once: true }));
      document.body.append(e);
      const t = await drawn;
      return { t: JSON.stringify(t.relief), error: e.shadowRoot.querySelector(".error").hidden ? null : e.shadowRoot.querySelector(".error").textContent };
    };
    return [
      await make({ route: "IV-Infusion", "dose-mg-per-kg": "0,8", condition: "mixedChronic" }),
      await make({ route: "IvInfusion", "dose-mg-per-kg": " 0.8 ", condition: "MIXED_CHRONIC" }),
      await make({ route: "iv-infusion", "dose-mg-per-kg": "0.8", condition: "mixed-chronic" }),
    ];
  });
  assert.deepEqual(timelines.map((x) => x.error), [null, null, null]);
  assert.equal(timelines[0].t, timelines[2].t);
  assert.equal(timelines[1].t, timelines[2].t);
  assert.deepEqual(page.problems, []);
});

test("a hash that is the page's own (an anchor) is left alone when the reader changes the scenario", async () => {
  const page = await open(env.browser);
  await page.goto(env.server.url + "/#section-2");
  await waitForChart(page);
  const changed = await nextChange(page);
  await page.locator("relief-timeline select[name=condition]").selectOption("fibromyalgia");
  await changed();
  assert.equal(new URL(page.url()).hash, "#section-2");
  assert.deepEqual(page.problems, []);
});

test("attributes that are not numbers in the usual sense are refused, not misread", async () => {
  const page = await open(env.browser);
  await page.goto(env.server.url + "/");
  await waitForChart(page);
  for (const value of ["0x10", "1,000", "0b1", "1.2.3"]) {
    const error = await page.evaluate(async (v) => {
      const e = document.querySelector("relief-timeline");
      e.setAttribute("dose-mg-per-kg", v);
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      return e.shadowRoot.querySelector(".error").hidden ? null : e.shadowRoot.querySelector(".error").textContent;
    }, value);
    assert.match(error ?? "", /is not a number/, `dose-mg-per-kg="${value}"`);
  }
  assert.deepEqual(page.problems, []);
});
