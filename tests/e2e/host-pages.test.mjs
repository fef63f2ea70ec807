// Host pages unlike the demo (found by trying the widget as a new user): a `.scenario` set before
// the script, a typo in it, a right-to-left page, a vertical-writing container, a transformed
// container, a phone-width table, printing in the dark, a bad value on the first load, and when
// the live region speaks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { lacks, open, waitForChart } from "./harness.mjs";
import { session } from "./session.mjs";
import { settled, typeInto } from "./embed-helpers.mjs";

const page = (body, { lang = "en", dir = "ltr", head = "" } = {}) =>
  `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,">${head}</head><body>${body}</body></html>`;
const SCRIPT = '<script src="../dist/relief-timeline.js"></script>';

const env = session({
  site: true,
  prepare: (site) => {
    site.write("host/early.html", page(`<relief-timeline id="w"></relief-timeline>
<script src="../fixtures/early-scenario.js"></script><script type="module" src="../dist/relief-timeline.js"></script>`));
    site.write("fixtures/early-scenario.js", 'document.getElementById("w").scenario = { route: "intranasal", formulation: "esketamine", doseMgPerKg: 0.8 };');
    site.write("host/plain.html", page(`<relief-timeline controls></relief-timeline>${SCRIPT}`));
    site.write("host/plain-de.html", page(`<relief-timeline controls></relief-timeline>${SCRIPT}<script src="../dist/relief-timeline.de.js"></script>`, { lang: "de" }));
    site.write("host/rtl.html", page(`<relief-timeline controls sessions="3"></relief-timeline>${SCRIPT}`, { lang: "ar", dir: "rtl" }));
    site.write("host/vertical.html", page(`<section style="writing-mode: vertical-rl; height: 700px"><relief-timeline></relief-timeline></section>${SCRIPT}`));
    site.write("host/scaled.html", page(`<div style="transform: scale(0.5); transform-origin: 0 0; width: 800px"><relief-timeline></relief-timeline></div>${SCRIPT}`));
    site.write("host/bad-first.html", page(`<relief-timeline dose-mg-per-kg="abc"></relief-timeline>${SCRIPT}`));
  },
});

const shadow = (p, f, arg) => p.evaluate(([f, arg]) => new Function("root", "arg", `return (${f})(root, arg)`)(document.querySelector("relief-timeline").shadowRoot, arg), [f.toString(), arg]);

test("a .scenario set before the widget's script is applied, and later ones still redraw", async () => {
  const p = await open(env.browser);
  await p.goto(`${env.server.url}/host/early.html`);
  await waitForChart(p);
  const el = p.locator("relief-timeline");
  assert.equal(await el.getAttribute("route"), "intranasal");
  assert.equal(await el.evaluate((e) => Object.prototype.hasOwnProperty.call(e, "scenario")), false);
  await el.evaluate((e) => (e.scenario = { route: "oral", doseMgPerKg: 1 }));
  await p.waitForFunction(() => document.querySelector("relief-timeline").timeline.doses.length && document.querySelector("relief-timeline").getAttribute("route") === "oral");
  assert.equal(await el.getAttribute("dose-mg-per-kg"), "1");
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

test("a typo in .scenario is reported, and the next change of a field clears it", async () => {
  const p = await open(env.browser);
  await p.goto(`${env.server.url}/host/plain.html`);
  await waitForChart(p);
  await p.locator("relief-timeline").evaluate((e) => (e.scenario = { route: "oral", doseMgPerKG: 1 }));
  await p.waitForFunction(() => !document.querySelector("relief-timeline").shadowRoot.querySelector(".error").hidden);
  assert.match(await p.locator("relief-timeline .error").textContent(), /doseMgPerKG/);
  await typeInto(p.locator("relief-timeline input[name=dose-mg-per-kg]"), "1");
  await p.locator("relief-timeline input[name=dose-mg-per-kg]").dispatchEvent("change");
  await p.waitForFunction(() => document.querySelector("relief-timeline").shadowRoot.querySelector(".error").hidden);
  assert.equal(await p.evaluate(() => document.querySelector("relief-timeline").timeline.doses.length > 0), true);
  // A bad value set by the page shows in its control, so that retyping the good one corrects it.
  await p.locator("relief-timeline input[name=dose-mg-per-kg]").blur();
  await p.locator("relief-timeline").evaluate((e) => e.setAttribute("dose-mg-per-kg", "1e308"));
  await p.waitForFunction(() => !document.querySelector("relief-timeline").shadowRoot.querySelector(".error").hidden);
  assert.equal(await p.locator("relief-timeline input[name=dose-mg-per-kg]").inputValue(), "1e+308");
  await typeInto(p.locator("relief-timeline input[name=dose-mg-per-kg]"), "1");
  await p.locator("relief-timeline input[name=dose-mg-per-kg]").dispatchEvent("change");
  await p.waitForFunction(() => document.querySelector("relief-timeline").shadowRoot.querySelector(".error").hidden);
  await p.context().close();
});

test("on a right-to-left page the widget's text runs left to right; in a vertical container it stays horizontal", async () => {
  let p = await open(env.browser);
  await p.goto(`${env.server.url}/host/rtl.html`);
  await waitForChart(p);
  assert.equal(await shadow(p, (root) => getComputedStyle(root.querySelector(".summary p")).direction), "ltr");
  await p.context().close();
  p = await open(env.browser);
  await p.goto(`${env.server.url}/host/vertical.html`);
  await waitForChart(p);
  const box = await p.locator("relief-timeline .chart canvas").boundingBox();
  assert.ok(box.width > 600 && box.width > box.height, `the chart is ${box.width}x${box.height}`);
  await p.context().close();
});

test("under a transformed container the cursor follows the pointer", async () => {
  const p = await open(env.browser);
  await p.goto(`${env.server.url}/host/scaled.html`);
  await waitForChart(p);
  const box = await p.locator("relief-timeline .chart canvas").boundingBox();
  for (const at of [0.3, 0.6, 0.9]) {
    const x = box.x + box.width * at;
    await p.mouse.move(x, box.y + box.height / 2);
    const cursor = await shadow(p, (root) => (root.querySelector(".cursor").hidden ? null : root.querySelector(".cursor").getBoundingClientRect().left));
    assert.ok(cursor !== null && Math.abs(cursor - x) < 3, `pointer at ${x.toFixed(1)}, cursor at ${cursor}`);
  }
  await p.context().close();
});

test("at phone width the tables fit the widget", {
  skip: lacks({ webkit: "MiniBrowser's window is at least 447 px wide: no 320 px viewport in WebKitGTK's test browser" }),
}, async () => {
  for (const file of ["plain.html", "plain-de.html"]) {
    const p = await open(env.browser, { viewport: { width: 320, height: 800 } });
    await p.goto(`${env.server.url}/host/${file}`);
    await waitForChart(p);
    await p.locator("relief-timeline button[aria-expanded]").click();
    const sizes = await shadow(p, (root) => [...root.querySelectorAll("table")].map((t) => [t.scrollWidth, t.parentElement.clientWidth]));
    assert.ok(sizes.length > 0);
    for (const [table, box] of sizes) assert.ok(table <= box, `${file}: a table ${table} px wide in ${box} px`);
    await p.context().close();
  }
});

test("printed in the light theme, even when something redraws while printing", {
  skip: lacks({
    firefox: "the driver cannot emulate print media in Firefox (playwright-core's WebDriver BiDi page has no emulateMedia: it is a no-op there)",
    webkit: "classic WebDriver cannot emulate print media",
  }),
}, async () => {
  const p = await open(env.browser, { colorScheme: "dark" });
  await p.goto(`${env.server.url}/host/plain.html`);
  await waitForChart(p);
  await p.emulateMedia({ media: "print" });
  await p.setViewportSize({ width: 700, height: 900 }); // a redraw while printing
  // The redraw at the new width has happened (drawn at the width the chart box now has).
  await p.waitForFunction(() => {
    const e = document.querySelector("relief-timeline");
    return e._size && e._size.width < 700 && e._size.width === Math.floor(e.shadowRoot.querySelector(".chart").clientWidth);
  });
  await settled(p);
  const corner = await shadow(p, (root) => [...root.querySelector("canvas").getContext("2d").getImageData(2, 2, 1, 1).data].slice(0, 3).reduce((a, b) => a + b));
  assert.ok(corner > 600, `printed dark (${corner})`);
  await p.context().close();
});

test("a bad value on the first load shows the message alone; fixed, the chart and its tools appear", async () => {
  const p = await open(env.browser);
  await p.goto(`${env.server.url}/host/bad-first.html`);
  await p.waitForFunction(() => !document.querySelector("relief-timeline").shadowRoot.querySelector(".error").hidden);
  const shown = () => shadow(p, (root) => ["canvas", ".tools", ".notes"].map((s) => !root.querySelector(s).hidden));
  assert.deepEqual(await shown(), [false, false, false]);
  await p.locator("relief-timeline").evaluate((e) => e.setAttribute("dose-mg-per-kg", "0.5"));
  await waitForChart(p);
  assert.deepEqual(await shown(), [true, true, true]);
  await p.context().close();
});

test("the live region speaks when the scenario changes the summary, not on load, resize or theme", async () => {
  const p = await open(env.browser);
  await p.goto(`${env.server.url}/host/plain.html`);
  await waitForChart(p);
  const live = () => shadow(p, (root) => root.querySelector("[aria-live]").textContent);
  await p.setViewportSize({ width: 700, height: 900 });
  await p.locator("relief-timeline").evaluate((e) => e.setAttribute("theme", "dark"));
  // Both redraws have happened (the new width, the dark theme) ...
  await p.waitForFunction(() => {
    const e = document.querySelector("relief-timeline");
    return e._drawnTheme === "dark" && e._size && e._size.width === Math.floor(e.shadowRoot.querySelector(".chart").clientWidth) && e._size.width < 700;
  });
  await settled(p);
  // ... and any announcement they scheduled has been made: a page timer set after them, at least
  // as long as the widget's announcement delay (800 ms), runs after it (timers of equal or shorter
  // delay set earlier run first), so this is a round trip through the same channel, not a guess.
  await p.evaluate(() => new Promise((ok) => setTimeout(ok, 1000)));
  assert.equal(await live(), "");
  await p.locator("relief-timeline").evaluate((e) => e.setAttribute("sessions", "5"));
  await p.waitForFunction(() => document.querySelector("relief-timeline").shadowRoot.querySelector("[aria-live]").textContent.length > 50, null, { timeout: 5000 });
  await p.context().close();
});
