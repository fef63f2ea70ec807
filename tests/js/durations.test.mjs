// One duration formatter: the wasm's (`Words.duration`, src/estimator/summary.rs), which the
// summary, the tables and the read-out all use. Loads the last build's wasm in Node
// (target/bundle/, as bench/estimate-node.mjs does) with each language's message file.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { formatter, fill } from "../../js/format.js";
import { overEnglish } from "../../js/messages.js";
import { tableData } from "../../js/tables.js";

const glue = readFileSync("target/bundle/glue.js", "utf8");
const api = new Function(`${glue}\nreturn wasm_bindgen;`)();
api.initSync({ module: readFileSync("target/bundle/opt.wasm") });
const en = JSON.parse(readFileSync("js/i18n/en.json", "utf8"));
const messages = (lang) => (lang === "en" ? en : overEnglish(en, JSON.parse(readFileSync(`js/i18n/${lang}.json`, "utf8"))));
const words = (lang) => new api.Words(messages(lang).chart, messages(lang).summary);

const EXPECTED = {
  en: ["14 days", "8.3 weeks", "23 months"],
  es: ["14 días", "8,3 semanas", "23 meses"],
  de: ["14 Tage", "8,3 Wochen", "23 Monate"],
};

test("13.7, 58 and 700 days read the same in the summary's formatter, the tables and the read-out, in en, es and de", () => {
  for (const [lang, expected] of Object.entries(EXPECTED)) {
    const w = words(lang);
    const t = messages(lang);
    assert.deepEqual([13.7, 58, 700].map((d) => w.duration(d)), expected, lang);
    const band = (d) => ({ low: d, typical: d, high: d });
    const phase = (d) => ({ probability: 1, startDays: band(d), endDays: band(d), reliefPercent: band(50) });
    const timeline = { phases: { acute: phase(13.7), subAcute: phase(58), chronic: phase(700) } };
    const samples = [13.7, 58, 700].map((d) => ({ days: d, p10: 1, p50: 2, p90: 3 }));
    const [phases, curve] = tableData(timeline, t, formatter(lang).pct, (d) => w.duration(d), samples);
    assert.deepEqual(phases.rows.map((r) => r[3].split(" (")[0]), expected, `${lang}: phase table`);
    assert.deepEqual(curve.rows.map((r) => r[0]), expected, `${lang}: curve table`);
    const readout = fill(t.ui.readout, { time: w.duration(58), p50: "1", p10: "0", p90: "2" });
    assert.ok(readout.startsWith(expected[1]), `${lang}: read-out ${readout}`);
  }
});

test("the summary says its durations in the same words, as approximations", () => {
  for (const lang of Object.keys(EXPECTED)) {
    const w = words(lang);
    const chart = new api.Chart({ route: "ivInfusion", doseMgPerKg: 1.4, sessionHours: 4, sessions: 5 });
    const timeline = chart.timeline();
    const summary = chart.summary(w).join(" ");
    const end = w.duration(timeline.reliefEndDays.p50);
    assert.ok(summary.includes(end), `${lang}: the summary does not say ${end}: ${summary}`);
    chart.free();
  }
});

test("plurals follow the language: one for exactly 1, other otherwise", () => {
  assert.equal(words("en").duration(1), "1 day");
  assert.equal(words("en").duration(1.5), "1.5 days");
  assert.equal(words("es").duration(1), "1 día");
  assert.equal(words("de").duration(7), "7 Tage");
  assert.equal(words("de").duration(1), "1 Tag");
});
