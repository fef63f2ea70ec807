// Words and numbers for readers (js/format.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { exactNumber, fill, formatter } from "../../js/format.js";

test("fill replaces the names it has values for and leaves the others", () => {
  assert.equal(fill("{a} and {b}, not {c}", { a: 1, b: "two" }), "1 and two, not {c}");
});

test("percentages in the language's style", () => {
  assert.equal(formatter("en").pct(42.3), "42%");
  assert.equal(formatter("de").pct(42.3).replace(/\u00a0/g, " "), "42 %");
});

test("exactNumber: up to 3 decimals, scientific for huge and tiny numbers", () => {
  assert.equal(exactNumber("en", 0.1234), "0.123");
  assert.equal(exactNumber("de", 1.5), "1,5");
  assert.match(exactNumber("en", 1e300), /^1E300$/);
  assert.match(exactNumber("en", 1e-5), /^1E-5$/);
});
