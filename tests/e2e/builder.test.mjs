// The embed-code builder: the code it offers is what the preview drew, written by the same
// functions the platform tests publish on WordPress, Hugo and Jekyll (www/builder/snippets.js);
// its plain-page and iframe code, pasted on a site, draw the previewed scenario; its PNG downloads.
import { test } from "node:test";
import assert from "node:assert/strict";
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { WWW, open, waitForChart } from "./harness.mjs";
import { session } from "./session.mjs";
import { saved, typeInto } from "./embed-helpers.mjs";
import { html, hugo, iframe, jekyll, wordpress } from "../../www/builder/snippets.js";

const env = session({ site: true, prepare: (site) => symlinkSync(WWW, join(site.dir, "relief-timeline")) });

// Chosen in the form, in the element's attribute order (scenario fields, then controls, theme, lang).
const CHOSEN = [["route", "oral"], ["dose-mg-per-kg", "1.5"], ["sessions", "3"], ["condition", "fibromyalgia"], ["controls", true], ["theme", "dark"], ["lang", "es"]];
const SCENARIO = { route: "oral", doseMgPerKg: 1.5, sessions: 3, condition: "fibromyalgia" };

/** The builder with CHOSEN filled in, once its code shows it. */
async function chosen() {
  const page = await open(env.browser, { viewport: { width: 1200, height: 1000 }, acceptDownloads: true });
  await page.goto(`${env.server.url}/builder.html`);
  await waitForChart(page, "#preview");
  await page.selectOption('[name="route"]', "oral");
  await typeInto(page.locator('[name="dose-mg-per-kg"]').first(), "1.5");
  await typeInto(page.locator('[name="session-hours"]').first(), "");
  await typeInto(page.locator('[name="sessions"]').first(), "3");
  await page.selectOption('[name="condition"]', "fibromyalgia");
  await page.selectOption('[name="theme"]', "dark");
  await page.selectOption('[name="lang"]', "es");
  await page.waitForFunction(() => /route="oral".*lang="es"/.test(document.querySelector("#snippets textarea").value));
  return page;
}

const codes = (page) => page.evaluate(() => [...document.querySelectorAll("#snippets textarea")].map((t) => t.value));

test("the code for every platform is the previewed scenario, written by the platform tests' functions", async () => {
  const page = await chosen();
  assert.deepEqual(await page.evaluate(() => document.getElementById("preview").scenario), SCENARIO);
  const [plain, frame, wp, hg, jk] = await codes(page);
  assert.equal(plain, html(CHOSEN));
  assert.ok(plain.includes('<script src="/relief-timeline/dist/relief-timeline.es.js"></script>'), "no Spanish script in the plain code");
  assert.equal(wp, wordpress(CHOSEN));
  assert.equal(hg, hugo(CHOSEN));
  assert.equal(jk, jekyll(CHOSEN));
  const height = Number(/height: (\d+)px/.exec(frame)[1]);
  assert.equal(frame, iframe(CHOSEN, undefined, height));
  assert.ok(height >= (await page.evaluate(() => document.getElementById("preview").getBoundingClientRect().height)), "the iframe's height is below the preview's");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the builder's plain-page and iframe code, pasted on a site, draw the previewed scenario", async () => {
  const page = await chosen();
  const [plain, frame] = await codes(page);
  env.site.write("posts/plain/index.html", `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>p</title><link rel="icon" href="data:,"></head><body>${plain}</body></html>`);
  env.site.write("posts/frame/index.html", `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>f</title><link rel="icon" href="data:,"></head><body>${frame.replaceAll("https://your-site.example/", env.server.url + "/")}</body></html>`);
  await page.goto(`${env.server.url}/posts/plain/`);
  await waitForChart(page);
  assert.deepEqual(await page.evaluate(() => document.querySelector("relief-timeline").scenario), SCENARIO);
  assert.equal(await page.evaluate(() => document.querySelector("relief-timeline").shadowRoot.querySelector(".tools button").textContent), "Mostrar como tabla");
  await page.goto(`${env.server.url}/posts/frame/`);
  const inner = await (await page.waitForSelector("iframe")).contentFrame();
  await inner.waitForFunction(() => location.pathname === "/relief-timeline/embed.html" && document.querySelector("relief-timeline")?.timeline);
  assert.deepEqual(await inner.evaluate(() => document.querySelector("relief-timeline").scenario), SCENARIO);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the PNG downloads, with the chart's summary as its alt text; a bad value says the code is the last good chart's", async () => {
  const page = await chosen();
  const png = await saved(page, () => page.click("#png"));
  assert.equal(png.name, "relief-timeline.png");
  assert.deepEqual([...png.body.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  const alt = await page.inputValue("#alt");
  assert.equal(alt, await page.evaluate(() => [...document.getElementById("preview").shadowRoot.querySelectorAll(".summary p")].map((p) => p.textContent).join(" ")));
  assert.ok(alt.length > 100);
  const before = await codes(page);
  assert.ok(await page.isHidden("#stale"));
  await typeInto(page.locator('[name="dose-mg-per-kg"]').first(), "-1");
  await page.waitForSelector("#stale", { state: "visible" });
  assert.deepEqual(await codes(page), before);
  await page.context().close();
});

test("a comparison chosen in the builder is in every platform's code, and the pasted code draws it", async () => {
  const page = await chosen();
  await page.selectOption('#comparison [name="compare"]', "one-session");
  await typeInto(page.locator('#comparison [name="compare-label"]'), "one infusion");
  await page.waitForFunction(() => document.querySelector("#snippets textarea").value.includes('compare-label="one infusion"'));
  const compare = [["compare-sessions", "1"], ["compare-label", "one infusion"]];
  const attributes = [...CHOSEN.slice(0, 4), ...compare, ...CHOSEN.slice(4)];
  const [plain, , wp, hg, jk] = await codes(page);
  assert.equal(plain, html(attributes));
  assert.equal(wp, wordpress(attributes));
  assert.equal(hg, hugo(attributes));
  assert.equal(jk, jekyll(attributes));
  env.site.write("posts/compare/index.html", `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>c</title><link rel="icon" href="data:,"></head><body>${plain}</body></html>`);
  await page.goto(`${env.server.url}/posts/compare/`);
  await waitForChart(page);
  const comparison = await page.evaluate(() => document.querySelector("relief-timeline").comparison);
  assert.deepEqual(comparison.scenario, { ...SCENARIO, sessions: 1 });
  assert.equal(comparison.name, "one infusion");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
