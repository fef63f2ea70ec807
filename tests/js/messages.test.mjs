// A language over English (js/messages.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { overEnglish } from "../../js/messages.js";

test("overEnglish: section by section, keys a language lacks stay English, arrays replaced whole", () => {
  const en = { ui: { a: "A", b: "B", units: { h: "{n} h" } }, chart: { phases: ["x", "y"] }, top: "T" };
  const de = { ui: { a: "Ä", units: { min: "{n} Min." } }, chart: { phases: ["z"] } };
  assert.deepEqual(overEnglish(en, de), { ui: { a: "Ä", b: "B", units: { h: "{n} h", min: "{n} Min." } }, chart: { phases: ["z"] }, top: "T" });
  assert.equal(en.ui.a, "A");
});
