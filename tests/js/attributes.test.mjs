// Reading and checking the scenario's attributes, and error messages (js/attributes.js).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { FIELDS } from "../../js/fields.js";
import { attributesOf, checkedScenario, errorText, fieldNames, scenarioOf } from "../../js/attributes.js";

const en = JSON.parse(readFileSync(new URL("../../js/i18n/en.json", import.meta.url), "utf8"));
const attrs = (o) => (a) => (a in o ? o[a] : null);

test("scenarioOf: only the attributes set, enums as camelCase fields, numbers read forgivingly", () => {
  assert.deepEqual(scenarioOf(attrs({})), {});
  assert.deepEqual(scenarioOf(attrs({ route: "IV-Infusion", "dose-mg-per-kg": "0,5", condition: "mixed_chronic" })),
    { route: "ivInfusion", doseMgPerKg: 0.5, condition: "mixedChronic" });
  assert.ok(Number.isNaN(scenarioOf(attrs({ sessions: "many" })).sessions));
});

test("attributesOf: every field, null for those unset; unknown fields named", () => {
  const { attrs: list, unknown } = attributesOf({ route: "imInjection", doseMgPerKg: 1, sessions: null, dose: 3 });
  assert.deepEqual(Object.fromEntries(list.filter(([, v]) => v !== null)), { route: "im-injection", "dose-mg-per-kg": "1" });
  assert.equal(list.length, FIELDS.length);
  assert.deepEqual(unknown, ["dose"]);
  assert.deepEqual(attributesOf("oral").unknown, []);
});

test("checkedScenario: refuses unknown fields, values not allowed and numbers that are none", () => {
  assert.throws(() => checkedScenario(attrs({}), ["dose"], en), /unknown field\(s\): dose/);
  assert.throws(() => checkedScenario(attrs({ route: "by-mouth" }), null, en), (e) => e.message.includes("by-mouth") && e.message.includes("iv-infusion, im-injection"));
  assert.throws(() => checkedScenario(attrs({ "horizon-days": "1,000" }), null, en), (e) => e.message.includes("horizon-days") && e.message.includes("1,000"));
});

test("checkedScenario: the scenario as set (hours with a single-dose route are the estimator's to warn about)", () => {
  assert.deepEqual(checkedScenario(attrs({ route: "oral", "session-hours": "4" }), null, en), { route: "oral", sessionHours: 4 });
  assert.deepEqual(checkedScenario(attrs({ route: "iv-infusion", "session-hours": "4" }), null, en), { route: "ivInfusion", sessionHours: 4 });
  assert.deepEqual(checkedScenario(attrs({ "session-hours": "2" }), null, en), { sessionHours: 2 });
});

test("error messages name attributes, not fields; a refused scenario is worded by its code", () => {
  assert.equal(fieldNames(new Error("doseMgPerKg must be at least 0")), "dose-mg-per-kg must be at least 0");
  const trap = errorText(new WebAssembly.RuntimeError("unreachable"), en, "en");
  assert.equal(trap, en.ui.crash);
  const plain = errorText(new Error("sessionHours is wrong"), en, "en");
  assert.ok(plain.includes("session-hours is wrong"), plain);
  const code = Object.keys(en.errors || {})[0];
  if (code) {
    const e = Object.assign(new Error("x"), { code, field: "doseMgPerKg", value: 1e300, min: 0.05, max: 2.5, route: "oral" });
    const text = errorText(e, en, "en");
    assert.ok(!text.includes("{"), text);
  }
});
