// Comparing two plans on one chart (issue 19): `compare-` attributes draw a second plan over the
// first (the same scenario with those fields changed), with its own icon array, table columns,
// read-out, summary sentence and CSV/SVG sections; the "Compare with…" control sets them; the share
// link keeps them; a bad compared plan says so and keeps the last good chart.
import assert from "node:assert/strict";
import { test } from "node:test";
import { nextChange, saved } from "./embed-helpers.mjs";
import { open, waitForChart } from "./harness.mjs";
import { session } from "./session.mjs";

const env = session();

/** Sets (a string) or removes (null) attributes on the widget and waits for its next chart. */
const redraw = (page, attrs) => page.evaluate((a) => {
  const e = document.querySelector("relief-timeline");
  const drawn = new Promise((ok) => e.addEventListener("timelinechange", (ev) => ok(ev.detail.compare && ev.detail.compare.name), { once: true }));
  for (const [k, v] of Object.entries(a)) v === null ? e.removeAttribute(k) : e.setAttribute(k, v);
  return drawn;
}, attrs);

/** What the widget shows: its summary, the icon arrays' labels and whether the second shows,
 * the comparison's timeline and the chart's pixels (RGBA, as a hash of the plot area's). */
const shown = (page) => page.evaluate(() => {
  const e = document.querySelector("relief-timeline");
  const root = e.shadowRoot;
  const [people, other] = root.querySelectorAll("canvas.people");
  const canvas = root.querySelector("canvas");
  const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
  let hash = 0;
  for (let i = 0; i < data.length; i += 7) hash = (hash * 31 + data[i]) | 0;
  return {
    summary: [...root.querySelectorAll(".summary p")].map((p) => p.textContent),
    people: people.getAttribute("aria-label"),
    other: other.hidden ? null : other.getAttribute("aria-label"),
    otherHeight: other.getBoundingClientRect().height,
    comparison: e.comparison,
    timeline: e.timeline,
    error: root.querySelector(".error").hidden ? null : root.querySelector(".error").textContent,
    chartHidden: canvas.hidden,
    hash,
  };
});

const start = async (url = "/") => {
  const page = await open(env.browser, { acceptDownloads: true });
  await page.goto(env.server.url + url);
  await waitForChart(page);
  return page;
};

test("compare- attributes draw the compared plan: over the chart, its icon array, its summary sentence", async () => {
  const page = await start();
  const alone = await shown(page);
  assert.equal(alone.comparison, null);
  assert.equal(alone.other, null, "no second icon array without a comparison");
  assert.equal(await redraw(page, { "compare-sessions": "1" }), "one session");
  const both = await shown(page);
  assert.notEqual(both.hash, alone.hash, "the compared plan is drawn on the chart");
  assert.equal(both.comparison.name, "one session");
  assert.equal(both.comparison.preset, "one-session");
  assert.equal(both.comparison.scenario.sessions, 1);
  assert.equal(both.comparison.scenario.route, "ivInfusion", "the rest is the plan's");
  // The compared plan's timeline is the estimate of its scenario.
  const expected = await page.evaluate(async (s) => (await customElements.get("relief-timeline").api()).estimate(s), both.comparison.scenario);
  assert.deepEqual(both.comparison.timeline.phases, expected.phases);
  assert.deepEqual(both.timeline.relief, alone.timeline.relief, "the plan itself is unchanged");
  assert.match(both.people, /^This plan: what happens to 100 people like this: /);
  assert.match(both.other, /^One session: what happens to 100 people like this: /);
  assert.ok(both.otherHeight > 100, `the second icon array is ${both.otherHeight} px high`);
  // The plan's estimate, then the difference, then the side effects and the disclaimer.
  assert.equal(both.summary.length, alone.summary.length + 1);
  assert.deepEqual([...both.summary.slice(0, -3), ...both.summary.slice(-2)], alone.summary);
  const added = both.summary.at(-3);
  assert.match(added, /one session/, `the summary does not name the compared plan: ${added}`);
  // Removing them removes the comparison.
  await redraw(page, { "compare-sessions": null });
  const again = await shown(page);
  assert.equal(again.comparison, null);
  assert.equal(again.other, null);
  assert.equal(again.hash, alone.hash, "back to the plan alone");
  assert.deepEqual(page.problems, []);
});

test("a plan compared with itself gives identical curves and says so", async () => {
  const page = await start();
  await redraw(page, { "compare-label": "the same plan" });
  const s = await shown(page);
  assert.equal(s.comparison.name, "the same plan");
  assert.deepEqual(s.comparison.timeline.relief, s.timeline.relief);
  assert.deepEqual(s.comparison.timeline.phases, s.timeline.phases);
  assert.match(s.summary.at(-3), /same/i, s.summary.at(-3));
  assert.deepEqual(page.problems, []);
});

test("the 'Compare with…' control sets the compare- attributes, and the link keeps them", async () => {
  const page = await start();
  const select = page.locator('relief-timeline select[name="compare"]');
  // The listener is in the page before the change (nextChange resolves once it is).
  const changed = () => nextChange(page);
  let next = await changed();
  await select.selectOption("no-boosters");
  await next();
  const attrs = () => page.evaluate(() => Object.fromEntries([...document.querySelector("relief-timeline").attributes].filter((a) => a.name.startsWith("compare-")).map((a) => [a.name, a.value])));
  assert.deepEqual(await attrs(), { "compare-boosters": "0" });
  assert.equal((await shown(page)).comparison.name, "no boosters");
  assert.match(await page.evaluate(() => location.hash), /compare-boosters=0/);
  // "This plan, as it is now": every field copied, kept while the reader changes the plan.
  next = await changed();
  await select.selectOption("current");
  await next();
  const copied = await attrs();
  assert.equal(copied["compare-sessions"], "5");
  assert.equal(copied["compare-boosters"], "0");
  assert.equal(await select.inputValue(), "custom");
  next = await changed();
  await page.evaluate(() => {
    const input = document.querySelector("relief-timeline").shadowRoot.querySelector('[name="sessions"]');
    input.value = "2";
    input.dispatchEvent(new Event("change"));
  });
  await next();
  const s = await shown(page);
  assert.equal(s.timeline.doses.filter((d) => !d.booster).length, 2);
  assert.equal(s.comparison.scenario.sessions, 5, "the copy keeps the plan as it was");
  assert.equal(s.comparison.name, "the other plan");
  // The link: the same page opened from it draws the same comparison.
  const url = await page.evaluate(() => location.href);
  const other = await open(env.browser);
  await other.goto(url);
  await waitForChart(other);
  await other.waitForFunction(() => document.querySelector("relief-timeline").comparison);
  const t = await shown(other);
  assert.deepEqual(t.comparison.scenario, s.comparison.scenario);
  assert.equal(t.hash, s.hash, "the same chart");
  // Nothing: the attributes go, and with them the comparison.
  next = await changed();
  await select.selectOption("");
  await next();
  assert.deepEqual(await attrs(), {});
  assert.equal((await shown(page)).other, null);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(other.problems, []);
});

test("a bad compared plan says so, naming its attribute, and the last good chart stays", async () => {
  const page = await start();
  await redraw(page, { "compare-sessions": "1" });
  const good = await shown(page);
  for (const [attr, value] of [["compare-dose-mg-per-kg", "-1"], ["compare-route", "by-mouth"], ["compare-sessions", "NaN"]]) {
    await page.evaluate(([a, v]) => document.querySelector("relief-timeline").setAttribute(a, v), [attr, value]);
    await page.waitForFunction(() => !document.querySelector("relief-timeline").shadowRoot.querySelector(".error").hidden);
    const bad = await shown(page);
    assert.match(bad.error, /^The plan to compare with cannot be shown: /, bad.error);
    assert.ok(bad.error.includes(attr), `${bad.error} does not name ${attr}`);
    assert.equal(bad.chartHidden, false);
    assert.equal(bad.hash, good.hash, "the last good chart stays");
    await redraw(page, { [attr]: attr === "compare-sessions" ? "1" : null });
  }
  assert.deepEqual(page.problems, []);
});

test("with a comparison: table columns, read-out, CSV and SVG carry both plans; in Spanish too", async () => {
  const page = await start();
  await redraw(page, { "compare-sessions": "1" });
  await page.locator("relief-timeline button[aria-expanded]").click();
  const tables = await page.evaluate(() =>
    [...document.querySelector("relief-timeline").shadowRoot.querySelectorAll("table")].map((t) => [...t.querySelectorAll("tr")].map((r) => [...r.children].map((c) => c.textContent))));
  assert.deepEqual(tables[0][0], ["Phase", ...["Chance", "Starts", "Ends", "Relief"].map((h) => `${h} (This plan)`), ...["Chance", "Starts", "Ends", "Relief"].map((h) => `${h} (one session)`)]);
  assert.equal(tables[1][0].length, 5);
  assert.deepEqual(tables[2][0], ["Path", "People in 100 (This plan)", "People in 100 (one session)"]);
  for (const col of [1, 2]) assert.equal(tables[2].slice(1).reduce((sum, r) => sum + Number(r[col]), 0), 100, `column ${col}`);
  // The read-out names the compared plan's values at the cursor.
  await page.evaluate(() => document.querySelector("relief-timeline").shadowRoot.querySelector("canvas").focus());
  await page.keyboard.press("Home");
  for (let i = 0; i < 20; i++) await page.keyboard.press("ArrowRight");
  const readout = await page.evaluate(() => document.querySelector("relief-timeline").shadowRoot.querySelector(".readout").textContent);
  assert.match(readout, /one session: \d+%/, readout);
  const csv = (await saved(page, () => page.locator("relief-timeline .tools button", { hasText: /^CSV$/ }).click())).body.toString("utf8");
  const sections = csv.split("\n\n");
  assert.equal(sections.length, 3);
  assert.match(sections[1], /^compare_days,compare_p10_relief_percent/);
  assert.match(sections[2], /^path,people_per_100,compare_people_per_100/);
  const svg = (await saved(page, () => page.locator("relief-timeline .tools button", { hasText: /^SVG$/ }).click())).body.toString("utf8");
  assert.equal(svg.match(/<svg/g).length, 1);
  assert.ok(svg.includes("One session: what happens to 100 people like this"), "the SVG has the compared plan's icon array");
  assert.ok(svg.includes("Compared: one session"), "the compared plan's legend entry");
  await redraw(page, { lang: "es" });
  const es = await shown(page);
  assert.equal(es.comparison.name, "una sesión");
  assert.match(es.other, /^Una sesión: qué les ocurre a 100 personas/);
  assert.deepEqual(page.problems, []);
});

test("the iframe page takes the comparison from its query, as it takes the scenario", async () => {
  const page = await start("/embed.html?sessions=5&compare-sessions=1&compare-label=one%20infusion");
  await page.waitForFunction(() => document.querySelector("relief-timeline").comparison);
  const s = await shown(page);
  assert.equal(s.comparison.name, "one infusion");
  assert.equal(s.comparison.scenario.sessions, 1);
  assert.match(s.other, /^One infusion: what happens/);
  assert.deepEqual(page.problems, []);
});
