// The tables' text (js/tables.js's tableData), the icon array's label (peopleLabel) and the CSV
// (js/export.js's curveCsv).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { curveCsv } from "../../js/export.js";
import { formatter } from "../../js/format.js";
import { PATHS, peopleLabel, peopleOf, tableData } from "../../js/tables.js";

const messages = (lang) => JSON.parse(readFileSync(new URL(`../../js/i18n/${lang}.json`, import.meta.url), "utf8"));
const en = messages("en");
const people = peopleOf([23, 40, 7, 0, 0, 0, 0, 30]);
const band = (low, typical, high) => ({ low, typical, high });
const phase = (probability) => ({ probability, startDays: band(0.01, 0.05, 0.1), endDays: band(0.1, 0.2, 0.4), reliefPercent: band(30, 45, 60) });
const timeline = {
  horizonDays: 30,
  phases: { acute: phase(0.6), subAcute: phase(0.25), chronic: phase(0) },
  relief: { days: [0.01, 1, 10, 30], p10: [0, 5, 2, 0], p50: [40, 20, 10, 5], p90: [60, 40, 20, 10] },
};

const days = (d) => `${d} d`;
const samples = [{ days: 1 / 24, p10: 0, p50: 40, p90: 60 }, { days: 1, p10: 5, p50: 20, p90: 40 }];

test("the phase table: a row per phase, dashes for a phase no one reaches", () => {
  const [phases] = tableData(timeline, en, formatter("en").pct, days, samples);
  assert.equal(phases.caption, en.ui.phasesCaption);
  assert.deepEqual(phases.head, [en.ui.phase, en.ui.chance, en.ui.starts, en.ui.ends, en.ui.relief]);
  assert.deepEqual(phases.rows.map((r) => r[0]), en.chart.phases);
  assert.equal(phases.rows[0][1], "60%");
  assert.equal(phases.rows[0][4], "45% (30%–60%)");
  assert.deepEqual(phases.rows[2].slice(1), ["0%", "–", "–", "–"]);
  assert.equal(phases.rows[0][2], "0.05 d (0.01 d–0.1 d)", "durations are the given formatter's");
});

test("the curve table: a row per sample (the chart's ticks), in order", () => {
  const [, curve] = tableData(timeline, en, formatter("en").pct, days, samples);
  assert.deepEqual(curve.head, [en.ui.time, en.ui.typical, en.ui.range]);
  assert.deepEqual(curve.rows, [[days(1 / 24), "40%", "0%–60%"], ["1 d", "20%", "5%–40%"]]);
});

test("the CSV: a header and one row per sample, rounded to 4 decimals", () => {
  assert.equal(curveCsv({ relief: { days: [0.5, 1], p10: [1.234567, 2], p50: [3, 4], p90: [5, 6.00001] } }),
    "days,p10_relief_percent,p50_relief_percent,p90_relief_percent\n0.5,1.2346,3,5\n1,2,4,6\n");
});

test("the people table: a row per path someone takes, in the icon array's order and words", () => {
  const tables = tableData(timeline, en, formatter("en").pct, days, samples, people);
  assert.equal(tables.length, 3);
  const [, , table] = tables;
  assert.equal(table.caption, en.ui.peopleCaption);
  assert.deepEqual(table.head, [en.ui.path, en.ui.peopleIn100]);
  assert.deepEqual(table.rows, [["acute only", "23"], ["acute, then sub-acute", "40"], ["acute, then chronic", "7"], ["no meaningful relief", "30"]]);
  assert.equal(tableData(timeline, en, formatter("en").pct, days, samples).length, 2, "without people, the two tables");
});

test("the icon array's label names every path someone takes with its count, in every language", () => {
  assert.equal(peopleLabel(people, en),
    "What happens to 100 people like this: 23 with acute relief only; 40 with acute, then sub-acute relief; " +
    "7 with acute relief, then straight to lasting relief; 30 with no meaningful relief.");
  for (const lang of ["en", "es", "de"]) {
    const t = messages(lang);
    // Every path has its words, and the chart's names one per path.
    assert.deepEqual(Object.keys(t.ui.peoplePaths).sort(), [...PATHS].sort(), lang);
    assert.equal(t.chart.paths.length, 8, lang);
    const all = peopleOf([1, 2, 3, 4, 5, 6, 7, 72]);
    const label = peopleLabel(all, t);
    const numbers = label.match(/\d+/g).map(Number).filter((n) => n !== 100);
    assert.deepEqual(numbers, [1, 2, 3, 4, 5, 6, 7, 72], `${lang}: ${label}`);
    assert.ok(!label.includes("{"), `${lang}: ${label}`);
  }
});

test("the CSV: the curve rows first, unchanged, then a blank line and the people in 100 on each path", () => {
  const timeline = { relief: { days: [0.5, 1], p10: [1.234567, 2], p50: [3, 4], p90: [5, 6.00001] } };
  const curve = "days,p10_relief_percent,p50_relief_percent,p90_relief_percent\n0.5,1.2346,3,5\n1,2,4,6\n";
  const csv = curveCsv(timeline, people);
  assert.ok(csv.startsWith(curve));
  assert.equal(csv.slice(curve.length),
    "\npath,people_per_100\nacuteOnly,23\nacuteSubAcute,40\nacuteChronic,7\nall,0\nsubAcuteOnly,0\nsubAcuteChronic,0\nchronicOnly,0\nnone,30\n");
  const section = csv.split("\n\n")[1].trim().split("\n").slice(1);
  assert.equal(section.reduce((sum, row) => sum + Number(row.split(",")[1]), 0), 100);
});

// A compared plan: its columns beside the plan's in each table, each head naming its plan.
const otherPeople = peopleOf([10, 20, 0, 0, 0, 0, 5, 65]);
const otherTimeline = { ...timeline, phases: { acute: phase(0.5), subAcute: phase(0), chronic: phase(0.1) }, relief: { days: [0.02, 2], p10: [0, 1], p50: [30, 10], p90: [50, 20] } };
const other = { name: "one session", timeline: otherTimeline, samples: [{ days: 1 / 24, p10: 1, p50: 30, p90: 50 }, { days: 1, p10: 2, p50: 10, p90: 20 }], people: otherPeople };

test("with a compared plan, each table gains its columns, headed by the plans' names", () => {
  const t = { ...en, chart: { ...en.chart, thisPlan: "This plan" } };
  const [phases, curve, paths] = tableData(timeline, t, formatter("en").pct, days, samples, people, other);
  const heads = (cells) => [...cells.map((c) => `${c} (This plan)`), ...cells.map((c) => `${c} (one session)`)];
  assert.deepEqual(phases.head, [en.ui.phase, ...heads([en.ui.chance, en.ui.starts, en.ui.ends, en.ui.relief])]);
  assert.deepEqual(phases.rows[1].slice(1), ["25%", "0.05 d (0.01 d–0.1 d)", "0.2 d (0.1 d–0.4 d)", "45% (30%–60%)", "0%", "–", "–", "–"]);
  assert.deepEqual(curve.head, [en.ui.time, ...heads([en.ui.typical, en.ui.range])]);
  assert.deepEqual(curve.rows[1], ["1 d", "20%", "5%–40%", "10%", "2%–20%"]);
  assert.deepEqual(paths.head, [en.ui.path, ...heads([en.ui.peopleIn100])]);
  // A path either plan's people take is listed, with both counts.
  assert.deepEqual(paths.rows.map((r) => r[0]), ["acute only", "acute, then sub-acute", "acute, then chronic", "chronic only", "no meaningful relief"]);
  assert.deepEqual(paths.rows[3], ["chronic only", "0", "5"]);
});

test("the CSV with a compared plan: the plan's curve unchanged, then the compared curve, then both plans' people", () => {
  const csv = curveCsv(timeline, people, { timeline: otherTimeline, people: otherPeople });
  const [curve, compared, paths] = csv.split("\n\n");
  assert.equal(curve, curveCsv(timeline).trim());
  assert.equal(compared, "compare_days,compare_p10_relief_percent,compare_p50_relief_percent,compare_p90_relief_percent\n0.02,0,30,50\n2,1,10,20");
  assert.equal(paths.split("\n")[0], "path,people_per_100,compare_people_per_100");
  assert.equal(paths.split("\n")[7], "chronicOnly,0,5");
});

test("each plan's icon array is labelled with its name when two are compared", () => {
  assert.match(peopleLabel(otherPeople, en, "one session"), /^One session: what happens to 100 people like this: 10 with acute relief only;/);
});
