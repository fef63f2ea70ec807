// The compared plan's attributes (js/compare.js), and the platform packages' lists of attributes:
// each passes exactly the attributes the element reads (js/attributes.js's ELEMENT_ATTRS), so a
// field added to the schema, or a compare- attribute, reaches WordPress, Hugo and Jekyll posts.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { ELEMENT_ATTRS, checkedScenario, errorText } from "../../js/attributes.js";
import { COMPARE_ATTRS, PRESETS, comparedGetter, comparedName, comparing, comparisonAttrs, presetOf } from "../../js/compare.js";
import { ATTRS, DEFAULTS, camel } from "../../js/fields.js";

const en = JSON.parse(readFileSync(new URL("../../js/i18n/en.json", import.meta.url), "utf8"));
const attrs = (o) => (a) => (a in o ? o[a] : null);

test("a compare- attribute for every scenario attribute but the time axis, and the label", () => {
  assert.deepEqual(COMPARE_ATTRS, [...ATTRS.filter((a) => a !== "horizon-days").map((a) => "compare-" + a), "compare-label"]);
});

test("the compared plan is the plan with its compare- attributes over it; the horizon is the plan's", () => {
  const get = attrs({ route: "oral", sessions: "5", "horizon-days": "90", "compare-sessions": "1" });
  assert.ok(comparing(get));
  assert.ok(!comparing(attrs({ route: "oral" })));
  assert.ok(comparing(attrs({ "compare-label": "the same" })), "a label alone compares the plan with itself");
  const b = comparedGetter(get);
  assert.equal(b("sessions"), "1");
  assert.equal(b("route"), "oral");
  assert.equal(b("horizon-days"), "90");
  assert.deepEqual(checkedScenario(b, null, en, "compare-"), { route: "oral", sessions: 1, horizonDays: 90 });
});

test("a bad compare- value is refused naming the compare- attribute, in the compared plan's words", () => {
  const get = comparedGetter(attrs({ "compare-dose-mg-per-kg": "lots" }));
  assert.throws(() => checkedScenario(get, null, en, "compare-"), (e) => {
    const text = errorText(e, en, "en", "compare-");
    assert.match(text, /^The plan to compare with cannot be shown: compare-dose-mg-per-kg="lots" is not a number/);
    return true;
  });
  // A refusal by the estimator (its English message names fields) names the compare- attribute.
  const refused = new Error("doseMgPerKg must be at most 2.5 mg/kg; sessions must be a whole number");
  assert.equal(errorText(refused, en, "en", "compare-"),
    "The plan to compare with cannot be shown: compare-dose-mg-per-kg must be at most 2.5 mg/kg; compare-sessions must be a whole number");
});

test("presets: found by their exact attributes, named in the reader's words; else the label or 'the other plan'", () => {
  for (const [id, set] of Object.entries(PRESETS)) {
    const get = attrs(Object.fromEntries(Object.entries(set).map(([a, v]) => ["compare-" + a, v])));
    assert.equal(presetOf(get), id);
    assert.equal(comparedName(get, en), en.ui.comparisons[id]);
    for (const lang of ["es", "de"]) {
      const t = JSON.parse(readFileSync(new URL(`../../js/i18n/${lang}.json`, import.meta.url), "utf8"));
      assert.ok(t.ui.comparisons[id], `${lang} names ${id}`);
    }
  }
  assert.equal(presetOf(attrs({ "compare-sessions": "1", "compare-boosters": "2" })), null);
  assert.equal(comparedName(attrs({ "compare-sessions": "2" }), { ...en, chart: { otherPlan: "the other plan" } }), "the other plan");
  assert.equal(comparedName(attrs({ "compare-sessions": "1", "compare-label": " One infusion " }), en), "One infusion");
});

test("'this plan, as it is now' copies every field (defaults too); a preset sets its own and removes the rest", () => {
  const get = attrs({ route: "oral", sessions: "3" });
  const current = Object.fromEntries(comparisonAttrs("current", get, DEFAULTS));
  assert.equal(current["compare-route"], "oral");
  assert.equal(current["compare-sessions"], "3");
  assert.equal(current["compare-boosters"], String(DEFAULTS.boosters));
  assert.equal(current["compare-label"], null);
  const preset = Object.fromEntries(comparisonAttrs("no-boosters", get, DEFAULTS));
  assert.equal(preset["compare-boosters"], "0");
  assert.equal(Object.values(preset).filter((v) => v !== null).length, 1);
  assert.ok(Object.values(Object.fromEntries(comparisonAttrs("", get, DEFAULTS))).every((v) => v === null));
});

const read = (path) => readFileSync(new URL("../../" + path, import.meta.url), "utf8");

test("the WordPress plugin, its block, the Hugo shortcode and the Jekyll include pass every attribute the element reads", () => {
  const php = read("packages/wordpress/relief-timeline/relief-timeline.php");
  const list = /function relief_timeline_attributes\(\) \{\s*return array\(([^;]*)\);/.exec(php)[1];
  assert.deepEqual([...list.matchAll(/'([a-z0-9-]+)'\s*=>/g)].map((m) => m[1]), ELEMENT_ATTRS, "WordPress");
  const block = JSON.parse(read("packages/wordpress/relief-timeline/block.json"));
  assert.deepEqual(Object.keys(block.attributes), ELEMENT_ATTRS.map(camel), "the block");
  const hugo = /\$names := slice ([^}]*) -\}\}/.exec(read("packages/hugo/relief-timeline/layouts/partials/relief-timeline/widget.html"))[1];
  assert.deepEqual([...hugo.matchAll(/"([a-z0-9-]+)"/g)].map((m) => m[1]), ELEMENT_ATTRS, "Hugo");
  const jekyll = /assign rt_names = "([^"]*)"/.exec(read("packages/jekyll/_includes/relief-timeline.html"))[1];
  assert.deepEqual(jekyll.split(" "), ELEMENT_ATTRS, "Jekyll");
});
