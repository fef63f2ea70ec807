// The icon array of 100 people under the chart (issue 19): drawn with ink, its text alternative
// names the people on each path (summing to 100), it follows the theme and the language, and the
// tables and the SVG export carry it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { saved } from "./embed-helpers.mjs";
import { open, waitForChart } from "./harness.mjs";
import { session } from "./session.mjs";

const env = session();

/** The icon array's canvas: its size, the share of its pixels that differ from its top-left
 * one (the background), that pixel, and its label. */
const people = (page) => page.evaluate(() => {
  const canvas = document.querySelector("relief-timeline").shadowRoot.querySelector("canvas.people");
  const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
  const bg = [data[0], data[1], data[2]];
  let ink = 0, total = 0;
  for (let i = 0; i < data.length; i += 4 * 3) {
    total++;
    if (Math.abs(data[i] - bg[0]) + Math.abs(data[i + 1] - bg[1]) + Math.abs(data[i + 2] - bg[2]) > 30) ink++;
  }
  const box = canvas.getBoundingClientRect();
  return { width: box.width, height: box.height, ink: ink / total, bg, label: canvas.getAttribute("aria-label"), role: canvas.getAttribute("role"), hidden: canvas.hidden };
});

/** Sets attributes on the widget and waits for its next chart. */
const redraw = (page, attrs) => page.evaluate((a) => {
  const e = document.querySelector("relief-timeline");
  const drawn = new Promise((ok) => e.addEventListener("timelinechange", ok, { once: true }));
  for (const [k, v] of Object.entries(a)) e.setAttribute(k, v);
  return drawn;
}, attrs);

/** The counts a label names: every number in it but the 100 of its opening. */
const counts = (label) => label.match(/\d+/g).map(Number).slice(1);

test("the icon array draws under the chart, as wide, with ink, and its label names the counts", async () => {
  const page = await open(env.browser);
  await page.goto(env.server.url + "/");
  await waitForChart(page);
  const p = await people(page);
  const chartWidth = await page.evaluate(() => document.querySelector("relief-timeline").shadowRoot.querySelector("canvas").getBoundingClientRect().width);
  assert.equal(p.hidden, false);
  assert.equal(p.role, "img");
  assert.equal(Math.round(p.width), Math.round(chartWidth), "as wide as the chart");
  assert.ok(p.height >= 120 && p.height >= p.width * 0.35, `height ${p.height} at width ${p.width}`);
  assert.ok(p.ink > 0.04, `the icon array is nearly blank: ${p.ink}`);
  assert.match(p.label, /^What happens to 100 people like this: \d+ with /);
  const named = counts(p.label);
  assert.equal(named.reduce((a, b) => a + b, 0), 100, p.label);
  // The counts are the estimate's shares of the paths, rounded.
  const { paths, list } = await page.evaluate(() => {
    const e = document.querySelector("relief-timeline");
    return { paths: e.timeline.paths, list: e._peopleList };
  });
  assert.deepEqual(named, list.filter((x) => x.people > 0).map((x) => x.people));
  for (const { path, people: n } of list) assert.ok(Math.abs(n - paths[path] * 100) < 1, `${path}: ${n} for ${paths[path]}`);
  assert.deepEqual(page.problems, []);
});

test("the icon array follows the theme and the language", async () => {
  const page = await open(env.browser);
  await page.goto(env.server.url + "/");
  await waitForChart(page);
  const light = await people(page);
  assert.deepEqual(light.bg, [255, 255, 255]);
  await redraw(page, { theme: "dark" });
  const dark = await people(page);
  assert.deepEqual(dark.bg, [24, 24, 27]);
  assert.ok(dark.ink > 0.04, `the dark icon array is nearly blank: ${dark.ink}`);
  await redraw(page, { lang: "es" });
  const es = await people(page);
  assert.match(es.label, /^Qué les ocurre a 100 personas en este caso: \d+ (con|sin) /);
  assert.equal(counts(es.label).reduce((a, b) => a + b, 0), 100, es.label);
  assert.deepEqual(page.problems, []);
});

test("the tables show what happens to 100 people; the SVG export holds the chart and the array", async () => {
  const page = await open(env.browser, { acceptDownloads: true });
  await page.goto(env.server.url + "/");
  await waitForChart(page);
  await redraw(page, { sessions: "5", boosters: "3", "booster-every-days": "42" });
  await page.locator("relief-timeline button[aria-expanded]").click();
  const table = await page.evaluate(() => {
    const t = [...document.querySelector("relief-timeline").shadowRoot.querySelectorAll("table")].at(-1);
    return { caption: t.querySelector("caption").textContent, rows: [...t.querySelectorAll("tr")].map((r) => [...r.children].map((c) => c.textContent)) };
  });
  assert.equal(table.caption, "What happens to 100 people");
  assert.deepEqual(table.rows[0], ["Path", "People in 100"]);
  const label = (await people(page)).label;
  assert.deepEqual(table.rows.slice(1).map((r) => Number(r[1])), counts(label));
  assert.ok(table.rows.length >= 3, "more than one path");
  const svg = (await saved(page, () => page.locator("relief-timeline .tools button", { hasText: /^SVG$/ }).click())).body.toString("utf8");
  assert.equal(svg.match(/<svg/g).length, 1, "one SVG document");
  assert.ok(svg.trim().endsWith("</svg>"));
  assert.ok(svg.indexOf("Educational estimate") < svg.indexOf("What happens to 100 people like this"), "the chart, then the array");
  for (const row of table.rows.slice(1)) assert.ok(svg.includes(`${row[1]} in 100: ${row[0]}`), `the SVG's legend lacks ${row}`);
  const csv = (await saved(page, () => page.locator("relief-timeline .tools button", { hasText: /^CSV$/ }).click())).body.toString("utf8");
  const section = csv.split("\n\n")[1].trim().split("\n");
  assert.equal(section[0], "path,people_per_100");
  assert.equal(section.slice(1).reduce((sum, row) => sum + Number(row.split(",")[1]), 0), 100);
  assert.deepEqual(page.problems, []);
});
