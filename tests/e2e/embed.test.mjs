// Embedding the widget: the demo article (http and file://), module and two-file builds, several
// widgets on a page, attributes, the scenario property, controls, sizing and [hidden].
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { WWW, inkInPlot, open, waitForChart } from "./harness.mjs";
import { session } from "./session.mjs";
import { besideDist, canvasInfo, countChanges, nextChange, readmeSnippet, settled, splitBuild, squash } from "./embed-helpers.mjs";

const env = session({ site: true });

const path = (url) => new URL(url).pathname.replace(/^.*\/www\//, "/");

async function assertDrawn(page, selector = "relief-timeline") {
  await waitForChart(page, selector);
  const { ink, total } = await inkInPlot(page, selector);
  assert.ok(total > 1000, `${selector}: plot area too small (${total} samples)`);
  assert.ok(ink / total > 0.05, `${selector}: plot area is nearly blank (${ink} of ${total} inked)`);
}

test("the article embeds the widget with the README's plain-HTML snippet, verbatim but for the file's folder", () => {
  const article = squash(readFileSync(join(WWW, "article.html"), "utf8"));
  assert.ok(readmeSnippet("Plain HTML").includes('src="/relief-timeline/dist/relief-timeline.js"'), "the README's snippet has no root path");
  assert.ok(article.includes(squash(besideDist(readmeSnippet("Plain HTML")))), "www/article.html does not contain the README's snippet");
  for (const f of ["article.html", "embed.html"]) {
    const html = readFileSync(join(WWW, f), "utf8");
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, `${f} has an inline script (breaks under a strict CSP)`);
    assert.doesNotMatch(html, /\sstyle=|<style/, `${f} has inline styles (breaks under a strict CSP)`);
  }
});

test("the article over http draws the chart, light and dark, without errors", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const page = await open(env.browser, { colorScheme });
    await page.goto(env.server.url + "/article.html");
    await assertDrawn(page);
    const { corner } = await canvasInfo(page);
    const page_bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    if (colorScheme === "dark") {
      assert.ok(corner < 150, `dark scheme but the chart background is light (${corner})`);
      assert.notEqual(page_bg, "rgb(251, 250, 246)", "dark scheme but the article stays light");
    } else {
      assert.ok(corner > 600, `light scheme but the chart background is dark (${corner})`);
    }
    assert.ok(await page.locator("relief-timeline select[name=route]").isVisible(), "the snippet's controls are not shown");
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test("the article opened straight from disk (file://) draws the chart", async () => {
  const page = await open(env.browser);
  await page.goto(pathToFileURL(join(WWW, "article.html")).href);
  await assertDrawn(page);
  assert.deepEqual(page.problems, []);
  // What it loaded, as the driver saw it and as the page knows it (Firefox's BiDi reports no
  // file:// requests): all from the disk, the one-file build among them.
  const loaded = [...page.requests, ...await page.evaluate(() => [...document.scripts].map((s) => s.src).filter(Boolean)
    .concat([...document.querySelectorAll("link[href]")].map((l) => l.href), performance.getEntriesByType("resource").map((e) => e.name)))];
  for (const url of loaded) assert.ok(url.startsWith("file://"), `left the disk: ${url}`);
  assert.ok(loaded.map(path).includes("/dist/relief-timeline.js"), "the one-file build was not loaded");
  await page.context().close();
});

test("the one-file build also works from <script type=module>", async () => {
  const page = await open(env.browser);
  await page.goto(env.server.url + "/fixtures/module.html");
  await assertDrawn(page);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the two-file build finds its .wasm next to the script: classic with SRI, and as a module", async () => {
  const { js, wasm, integrity } = splitBuild();
  // In a subfolder, so resolving the .wasm against the page instead of the script would 404.
  env.site.write("sub/classic.html", `<!doctype html><title>two-file classic</title><link rel="icon" href="../favicon.svg">
<relief-timeline route="oral" dose-mg-per-kg="1.5"></relief-timeline>
<script src="../dist/${js}" integrity="${integrity}"></script>`);
  env.site.write("sub/module.html", `<!doctype html><title>two-file module</title><link rel="icon" href="../favicon.svg">
<relief-timeline route="oral" dose-mg-per-kg="1.5"></relief-timeline>
<script type="module" src="../dist/${js}?v=1" integrity="${integrity}"></script>`);
  for (const file of ["classic", "module"]) {
    const page = await open(env.browser);
    await page.goto(`${env.server.url}/sub/${file}.html`);
    await assertDrawn(page);
    const paths = page.requests.map(path);
    assert.ok(paths.includes(`/dist/${wasm}`), `${file}: the .wasm was not fetched next to the script: ${paths}`);
    assert.ok(!paths.includes("/dist/relief-timeline.js"), `${file}: the one-file build was loaded too`);
    assert.deepEqual(page.problems, [], file);
    await page.context().close();
  }
});

test("two widgets on one page (each pasted with its own script tag) are independent", async () => {
  const page = await open(env.browser);
  await countChanges(page);
  await page.goto(env.server.url + "/fixtures/two.html");
  await assertDrawn(page, "#a");
  await assertDrawn(page, "#b");
  const curves = await page.evaluate(() => ["#a", "#b"].map((s) => JSON.stringify(document.querySelector(s).timeline.relief.p50)));
  assert.notEqual(curves[0], curves[1], "different scenarios drew the same curve");
  assert.ok((await canvasInfo(page, "#a")).corner > 600, "#a should be light");
  assert.ok((await canvasInfo(page, "#b")).corner < 150, "#b has theme=dark");
  await settled(page);
  const counted = await page.evaluate(() => ({ ...window.__changes }));
  assert.deepEqual(counted, { a: 1, b: 1 }, "each widget should draw once on load");

  const change = await nextChange(page, "#a");
  await page.evaluate(() => document.querySelector("#a").setAttribute("sessions", "6"));
  await change();
  await settled(page);
  assert.deepEqual(await page.evaluate(() => window.__changes), { a: 2, b: 1 }, "changing #a redrew #b");
  assert.equal(await page.evaluate(() => JSON.stringify(document.querySelector("#b").timeline.relief.p50)), curves[1]);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("two widgets without ids keep their own scenarios in the URL hash", async () => {
  const page = await open(env.browser);
  const drawn = (p) => p.waitForFunction(() => [...document.querySelectorAll("relief-timeline")].every((e) => e.timeline));
  const read = (p) => p.evaluate(() => [...document.querySelectorAll("relief-timeline")].map((e) =>
    [e.getAttribute("route"), e.getAttribute("sessions"), e.getAttribute("condition")]));
  const hash = async () => new URLSearchParams((await page.evaluate(() => location.hash)).slice(1));
  // The second widget's keys carry its number; the first's are bare.
  await page.goto(env.server.url + "/fixtures/two-unnamed.html#sessions=3&2.sessions=6&2.condition=fibromyalgia");
  await drawn(page);
  assert.deepEqual(await read(page), [["iv-infusion", "3", "crps"], ["oral", "6", "fibromyalgia"]]);
  // A reader using the first widget's controls writes its keys only; the second's stay.
  const first = page.locator("relief-timeline").first();
  const change = await nextChange(page, "relief-timeline");
  await first.locator("select[name=condition]").selectOption("neuropathic");
  await change();
  const written = await hash();
  assert.equal(written.get("condition"), "neuropathic");
  assert.equal(written.get("2.condition"), "fibromyalgia");
  assert.equal(written.get("2.sessions"), "6");
  // A widget added later, even before them, takes the next number: the others keep theirs.
  await page.evaluate(() => document.body.prepend(document.createElement("relief-timeline")));
  const second = page.locator("relief-timeline").nth(2);
  const changed = await nextChange(page, "relief-timeline:nth-of-type(3)");
  await second.locator("select[name=condition]").selectOption("mixed-chronic");
  await changed();
  const after = await hash();
  assert.deepEqual([after.get("condition"), after.get("2.condition"), after.get("3.condition")], ["neuropathic", "mixed-chronic", null]);
  await page.evaluate(() => document.querySelector("relief-timeline").remove());
  // The link opened afresh gives both widgets back their own scenarios.
  const again = await open(env.browser);
  await again.goto(await page.evaluate(() => location.href));
  await drawn(again);
  assert.deepEqual(await read(again), [["iv-infusion", "3", "neuropathic"], ["oral", "6", "mixed-chronic"]]);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(again.problems, []);
  await page.context().close();
  await again.context().close();
});

test("embed.html: the reader's changes, kept in the hash, win over the query's defaults", async () => {
  const page = await open(env.browser);
  await page.goto(env.server.url + "/embed.html?controls&condition=crps&sessions=2#condition=fibromyalgia");
  await waitForChart(page);
  assert.deepEqual(await page.evaluate(() => ["condition", "sessions"].map((a) => document.querySelector("relief-timeline").getAttribute(a))),
    ["fibromyalgia", "2"]);
  // A change made with the controls goes to the hash, so a reload keeps it.
  const change = await nextChange(page);
  await page.locator("relief-timeline select[name=condition]").selectOption("neuropathic");
  await change();
  await page.reload();
  await waitForChart(page);
  assert.equal(await page.evaluate(() => document.querySelector("relief-timeline").getAttribute("condition")), "neuropathic");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("an inline script after the tag sees the first timelinechange, and what it sets is in the first draw", async () => {
  const page = await open(env.browser);
  await countChanges(page);
  await page.goto(env.server.url + "/fixtures/script-after.html");
  await assertDrawn(page, "#w");
  await settled(page);
  assert.deepEqual(await page.evaluate(() => [window.__changes.w, window.__seen]), [1, [3]], "one draw, with sessions=3, seen by the script");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("an attribute change redraws and fires one timelinechange with the new timeline", async () => {
  const page = await open(env.browser);
  await countChanges(page);
  await page.goto(env.server.url + "/fixtures/two.html");
  await waitForChart(page, "#a");
  const pixels = () => page.evaluate(() => {
    const c = document.querySelector("#a").shadowRoot.querySelector("canvas");
    return Array.from(c.getContext("2d").getImageData(0, 0, c.width, c.height).data.filter((_, i) => i % 97 === 0)).join();
  });
  await settled(page);
  const before = { p50: await page.evaluate(() => document.querySelector("#a").timeline.relief.p50), pixels: await pixels() };
  const count = await page.evaluate(() => window.__changes.a);

  let change = await nextChange(page, "#a");
  await page.evaluate(() => document.querySelector("#a").setAttribute("dose-mg-per-kg", "2"));
  const after = await change();
  assert.equal(after.scenario.doseMgPerKg, 2);
  assert.notDeepEqual(after.p50, before.p50, "four times the dose left the curve unchanged");
  assert.notEqual(await pixels(), before.pixels, "the canvas was not redrawn");
  await settled(page);
  assert.equal(await page.evaluate(() => window.__changes.a), count + 1, "one attribute change should fire exactly one event");

  // The scenario property writes the attributes (kebab-case) and redraws.
  change = await nextChange(page, "#a");
  await page.evaluate(() => (document.querySelector("#a").scenario = { route: "intranasal", formulation: "esketamine", doseMgPerKg: 0.8, sessionHours: 0.5 }));
  const viaProperty = await change();
  assert.equal(viaProperty.scenario.route, "intranasal");
  assert.deepEqual(await page.evaluate(() => ["route", "dose-mg-per-kg", "session-hours", "condition"].map((a) => document.querySelector("#a").getAttribute(a))),
    ["intranasal", "0.8", "0.5", null]);

  // theme: light -> dark redraws with a dark background.
  change = await nextChange(page, "#a");
  await page.evaluate(() => document.querySelector("#a").setAttribute("theme", "dark"));
  await change();
  assert.ok((await canvasInfo(page, "#a")).corner < 150, "theme=dark did not darken the chart");

  // A bad value shows a readable error naming the attribute, instead of throwing.
  await page.evaluate(() => document.querySelector("#a").setAttribute("route", "by-pigeon"));
  const error = page.locator("#a").locator(".error");
  await error.waitFor({ state: "visible" });
  assert.match(await error.textContent(), /route="by-pigeon"/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the controls attribute shows the input panel; removing it hides the panel", async () => {
  const page = await open(env.browser);
  await page.goto(env.server.url + "/fixtures/two.html");
  await waitForChart(page, "#a");
  const form = page.locator("#a").locator("form");
  assert.equal(await form.isVisible(), false, "panel shown without the controls attribute");
  await page.evaluate(() => document.querySelector("#a").setAttribute("controls", ""));
  for (const name of ["route", "dose-mg-per-kg", "session-hours", "sessions", "condition", "metabolism", "pain-sensitivity", "boosters"]) {
    assert.ok(await form.locator(`[name=${name}]`).isVisible(), `no visible control for ${name}`);
  }
  // Using a control sets the attribute and redraws.
  const change = await nextChange(page, "#a");
  await form.locator("select[name=metabolism]").selectOption("slow");
  assert.equal((await change()).scenario.metabolism, "slow");
  assert.equal(await page.locator("#a").getAttribute("metabolism"), "slow");
  await page.evaluate(() => document.querySelector("#a").removeAttribute("controls"));
  assert.equal(await form.evaluate((f) => getComputedStyle(f).display), "none", "the empty panel still takes space");
  await page.context().close();
});

test("it takes its container's width with a sensible aspect ratio, and follows resizes", async () => {
  const page = await open(env.browser, { deviceScaleFactor: 2 });
  await countChanges(page);
  await page.goto(env.server.url + "/fixtures/layout.html");
  await waitForChart(page, "#sized");
  for (const [box, expected] of [[600, [600, 336]], [320, [320, 300]], [1200, [1200, 520]]]) {
    await page.evaluate((w) => (document.querySelector("#box").style.width = w + "px"), box);
    await page.waitForFunction((w) => document.querySelector("#sized")._size?.width === w, box, { timeout: 5000 });
    const c = await canvasInfo(page, "#sized");
    assert.deepEqual([c.width, c.height], expected, `box ${box}px`);
    assert.deepEqual([c.backingWidth, c.backingHeight], [expected[0] * 2, expected[1] * 2], `box ${box}px at 2x`);
  }
  await settled(page);
  assert.equal(await page.evaluate(() => window.__changes.sized), 3, "one draw per width (no resize loop)");
  await page.context().close();
});

test("[hidden] hides it even when the page sets display on relief-timeline; unhiding draws it", async () => {
  const page = await open(env.browser);
  await page.goto(env.server.url + "/fixtures/layout.html");
  await waitForChart(page, "#sized");
  const box = () => page.evaluate(() => document.querySelector("#hidden").getBoundingClientRect().height);
  assert.equal(await box(), 0, "hidden widget takes space");
  assert.equal(await page.evaluate(() => document.querySelector("#hidden").timeline), null, "hidden widget drew (wasted work)");
  await page.evaluate(() => document.querySelector("#hidden").setAttribute("dose-mg-per-kg", "0.7"));
  await page.evaluate(() => document.querySelector("#hidden").removeAttribute("hidden"));
  await assertDrawn(page, "#hidden");
  assert.equal(await page.evaluate(() => document.querySelector("#hidden").timeline && document.querySelector("#hidden").scenario.doseMgPerKg), 0.7);
  assert.ok((await box()) >= 300, "unhidden widget has no height");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
