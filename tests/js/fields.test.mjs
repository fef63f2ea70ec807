// The scenario's fields and the reading of attribute values (js/fields.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { ATTRS, DEFAULTS, FIELDS, camel, enumValue, fieldList, kebab, numberValue } from "../../js/fields.js";

test("each attribute is its field in kebab-case, and has a default", () => {
  for (const [attr, field] of FIELDS) {
    assert.equal(kebab(field), attr);
    assert.equal(camel(attr), field);
    assert.ok(attr in DEFAULTS, attr);
  }
  assert.deepEqual(ATTRS, FIELDS.map((f) => f[0]));
});

test("enum values forgive case and separators, and come back as given when they match none", () => {
  const routes = FIELDS[0][2];
  for (const v of ["IV-Infusion", "ivInfusion", "IvInfusion", " iv_infusion ", "iv infusion"]) assert.equal(enumValue(v, routes), "iv-infusion", v);
  assert.equal(enumValue(" by mouth ", routes), "by mouth");
});

test("numbers: a decimal comma is read, thousands separators and other notations are refused", () => {
  assert.equal(numberValue("0,5"), 0.5);
  assert.equal(numberValue(" 1.25 "), 1.25);
  assert.equal(numberValue(".5"), 0.5);
  assert.equal(numberValue("2e1"), 20);
  assert.equal(numberValue("-3"), -3);
  for (const v of ["1,000", "0x10", "0b1", "", "abc", "1.2.3", "Infinity"]) assert.ok(Number.isNaN(numberValue(v)), v);
});

test("fieldList: what ReliefTimeline.fields gives, a copy", () => {
  const list = fieldList();
  assert.equal(list.length, FIELDS.length);
  assert.deepEqual(list[0], { attribute: "route", field: "route", values: FIELDS[0][2], step: null });
  assert.deepEqual(list[2], { attribute: "dose-mg-per-kg", field: "doseMgPerKg", values: null, step: "0.05" });
  list[0].values.push("x");
  assert.ok(!FIELDS[0][2].includes("x"));
});
