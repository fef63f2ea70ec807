// Accessible and friendly: axe-core finds nothing, keyboard-only use works, the scenario
// round-trips through the URL hash, exports are valid files, and Spanish and German pages show no
// English in the widget.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { nextChange, saved, typeInto } from "./embed-helpers.mjs";
import { session } from "./session.mjs";
import { lacks, open, waitForChart } from "./harness.mjs";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const env = session();

async function axe(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`);
}

for (const scheme of ["light", "dark"]) {
  test(`axe-core: no violations on the demo page (${scheme}), with and without the table`, async () => {
    const page = await open(env.browser, { colorScheme: scheme });
    await page.goto(env.server.url + "/");
    await waitForChart(page);
    assert.deepEqual(await axe(page), []);
    await page.locator("relief-timeline button[aria-expanded]").click();
    assert.equal(await page.locator("relief-timeline table").count(), 3); // phases, curve, 100 people
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(page.problems, []);
  });
}

test("the canvas is an image labelled and described by the plain-language summary", async () => {
  const page = await open(env.browser);
  await page.goto(env.server.url + "/");
  await waitForChart(page);
  const a11y = await page.evaluate(() => {
    const root = document.querySelector("relief-timeline").shadowRoot;
    const canvas = root.querySelector("canvas");
    const described = root.getElementById(canvas.getAttribute("aria-describedby"));
    return { role: canvas.getAttribute("role"), label: canvas.getAttribute("aria-label"), description: described?.textContent ?? "" };
  });
  assert.equal(a11y.role, "img");
  assert.match(a11y.label, /ketamine pain relief/i);
  assert.match(a11y.description, /not medical advice/);
  assert.ok(a11y.description.length > 100, a11y.description);
});

test("keyboard only: tab to a control, change the scenario, then read a value off the chart", async () => {
  const page = await open(env.browser);
  await page.goto(env.server.url + "/");
  await waitForChart(page);
  const before = await page.evaluate(() => JSON.stringify(document.querySelector("relief-timeline").timeline.relief.p50));
  // Tab into the widget: the first control is the route.
  let focused = "";
  for (let i = 0; i < 10 && focused !== "route"; i++) {
    await page.keyboard.press("Tab");
    focused = await page.evaluate(() => document.querySelector("relief-timeline").shadowRoot.activeElement?.name ?? "");
  }
  assert.equal(focused, "route");
  const changed = await nextChange(page);
  await page.keyboard.press("ArrowDown"); // selects the next route, fires change
  await changed();
  const after = await page.evaluate(() => JSON.stringify(document.querySelector("relief-timeline").timeline.relief.p50));
  assert.notEqual(after, before);
  // Tab on to the chart and move the cursor with the arrow keys.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.querySelector("relief-timeline").shadowRoot.activeElement?.tagName === "CANVAS")) break;
  }
  await page.keyboard.press("Home");
  for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowRight");
  const readout = await page.evaluate(() => {
    const root = document.querySelector("relief-timeline").shadowRoot;
    return { text: root.querySelector(".readout").textContent, live: root.querySelector("[aria-live]").textContent, visible: !root.querySelector(".readout").hidden };
  });
  assert.ok(readout.visible);
  assert.match(readout.text, /typical relief \d+%, 8 in 10 people \d+%–\d+%/);
  assert.equal(readout.live, readout.text, "the read-out is announced");
  // Focus is visible on the canvas.
  const outline = await page.evaluate(() => getComputedStyle(document.querySelector("relief-timeline").shadowRoot.querySelector("canvas")).outlineStyle);
  assert.equal(outline, "solid");
  assert.deepEqual(page.problems, []);
});

test("every control and button is at least 24x24 CSS pixels", async () => {
  const page = await open(env.browser, { viewport: { width: 360, height: 800 } });
  await page.goto(env.server.url + "/");
  await waitForChart(page);
  const small = await page.evaluate(() => [...document.querySelector("relief-timeline").shadowRoot.querySelectorAll("button, select, input")]
    .map((e) => e.getBoundingClientRect()).filter((r) => r.width < 24 || r.height < 24).length);
  assert.equal(small, 0);
});

test("the scenario round-trips through the URL hash, and Copy link copies it", {
  skip: lacks({ webkit: "classic WebDriver cannot grant clipboard-read, and WebKit asks the reader to paste through a native menu" }),
}, async () => {
  const page = await open(env.browser, { permissions: ["clipboard-read", "clipboard-write"] });
  await page.goto(env.server.url + "/");
  await waitForChart(page);
  await typeInto(page.locator("relief-timeline input[name=sessions]"), "5");
  await page.locator("relief-timeline input[name=sessions]").dispatchEvent("change");
  await page.locator("relief-timeline select[name=condition]").selectOption("fibromyalgia");
  const url = await page.evaluate(() => location.href);
  assert.match(url, /#.*sessions=5/);
  assert.match(url, /condition=fibromyalgia/);
  await page.locator("relief-timeline button", { hasText: "Copy link" }).click();
  await page.waitForFunction(() => document.querySelector("relief-timeline").shadowRoot.querySelector("[role=status]").textContent !== "");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, url);
  // A fresh page at that link restores the scenario in the widget and its controls.
  const other = await open(env.browser);
  await other.goto(copied);
  await waitForChart(other);
  const restored = await other.evaluate(() => {
    const e = document.querySelector("relief-timeline");
    return { scenario: e.scenario, control: e.shadowRoot.querySelector("select[name=condition]").value };
  });
  assert.equal(restored.scenario.sessions, 5);
  assert.equal(restored.scenario.condition, "fibromyalgia");
  assert.equal(restored.control, "fibromyalgia");
  assert.deepEqual([...page.problems, ...other.problems], []);
});

test("PNG, SVG and CSV downloads are valid files with the chart's content", async () => {
  const page = await open(env.browser, { acceptDownloads: true });
  await page.goto(env.server.url + "/");
  await waitForChart(page);
  const get = (name) => saved(page, () => page.locator("relief-timeline .tools button", { hasText: new RegExp(`^${name}$`) }).click());
  const size = await page.evaluate(() => document.querySelector("relief-timeline")._size);
  const png = await get("PNG");
  assert.equal(png.name, "relief-timeline.png");
  assert.deepEqual([...png.body.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.body.readUInt32BE(16), size.width * 2, "PNG is 2x the chart's CSS width");
  assert.equal(png.body.readUInt32BE(20), size.height * 2);
  const svg = await get("SVG");
  assert.equal(svg.name, "relief-timeline.svg");
  const text = svg.body.toString("utf8");
  assert.match(text, /^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(text, /Educational estimate, not medical advice\./);
  assert.ok(!text.includes("NaN"));
  const csv = await get("CSV");
  assert.equal(csv.name, "relief-timeline.csv");
  // The curve first; after a blank line, the people on each path (tests/e2e/people.test.mjs).
  const lines = csv.body.toString("utf8").split("\n\n")[0].trim().split("\n");
  assert.equal(lines[0], "days,p10_relief_percent,p50_relief_percent,p90_relief_percent");
  const timeline = await page.evaluate(() => document.querySelector("relief-timeline").timeline);
  assert.equal(lines.length - 1, timeline.relief.days.length);
  for (const line of lines.slice(1)) {
    const [d, p10, p50, p90] = line.split(",").map(Number);
    assert.ok(d > 0 && p10 <= p50 && p50 <= p90, line);
  }
  assert.deepEqual(page.problems, []);
});

for (const lang of ["es", "de"]) {
  test(`the ${lang} widget has no English strings left`, async () => {
    const page = await open(env.browser, { acceptDownloads: true });
    await page.goto(env.server.url + "/");
    await page.evaluate((l) => document.querySelector("relief-timeline").setAttribute("lang", l), lang);
    await waitForChart(page);
    await page.waitForFunction((l) => document.querySelector("relief-timeline").shadowRoot.querySelector("button").textContent !== "Show as table", lang);
    await page.locator("relief-timeline button[aria-expanded]").click();
    // In view first: showing the tables may have scrolled the page (a pointer outside the
    // viewport is an error over WebDriver).
    await page.locator("relief-timeline .chart canvas").scrollIntoViewIfNeeded();
    const box = await page.locator("relief-timeline .chart canvas").boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const text = await page.evaluate(() => {
      const root = document.querySelector("relief-timeline").shadowRoot;
      const attrs = [...root.querySelectorAll("[aria-label]")].map((e) => e.getAttribute("aria-label"));
      return [root.textContent, ...attrs].join(" \n ");
    });
    const english = ["relief", "people", "Show", "Hide", "Copy", "Download", "Dose", "Route", "Condition", "Typical", "weeks", "months",
      "days", "hours", "medical advice", "Side effects", "Chance", "Starts", "Ends", "infusion", "about", "Evidence", "Sources"];
    // Case-sensitive: German shares some words with English only capitalised ("Infusion", "Phase").
    for (const word of english) assert.ok(!new RegExp(`\\b${word}\\b`).test(text), `${lang}: English "${word}" in: ${text.slice(0, 3000)}`);
    // Every summary sentence is translated, also the rarer ones: relief ending with the last
    // dose, phases outlasting a short timeline, boosters.
    for (const attrs of [
      { route: "intranasal", doseMgPerKg: 0.5, sessions: 8, sessionIntervalDays: 3, condition: "fibromyalgia" },
      { doseMgPerKg: 30, sessionHours: 100, formulation: "esketamine", horizonDays: 30 },
      { doseMgPerKg: 1.4, sessionHours: 4, sessions: 5, boosters: 3, boosterEveryDays: 42 },
    ]) {
      const summary = await page.evaluate(async (a) => {
        const e = document.querySelector("relief-timeline");
        const drawn = new Promise((ok) => e.addEventListener("timelinechange", ok, { once: true }));
        e.scenario = a;
        await drawn;
        return e.shadowRoot.querySelector(".summary").textContent + " " + e.shadowRoot.querySelector(".notes").textContent;
      }, attrs);
      for (const word of english) assert.ok(!new RegExp(`\\b${word}\\b`).test(summary), `${lang} ${JSON.stringify(attrs)}: English "${word}" in: ${summary}`);
    }
    // The chart is drawn with the translated labels: its SVG export (same renderer) says so.
    const svg = (await saved(page, () => page.locator("relief-timeline .tools button", { hasText: /^SVG$/ }).click())).body.toString("utf8");
    const footnote = { es: "Estimación educativa, no es consejo médico.", de: "Schätzung zur Aufklärung, keine medizinische Beratung." }[lang];
    assert.ok(svg.includes(footnote), `${lang}: the chart's footnote is not translated`);
    assert.ok(!/medical advice|Pain relief|Typical/.test(svg), `${lang}: English in the chart`);
    assert.deepEqual(page.problems, []);
  });
}
