// The scenario's attributes, read and checked; error messages in the reader's words. Pure: each
// function reads attributes through `get(attr)` (a string, or null when absent), so it is
// unit-tested under Node (tests/js/); js/element.js passes `(a) => element.getAttribute(a)`.
import { COMPARE_ATTRS } from "./compare.js";
import { ATTRS, FIELDS, camel, enumValue, kebab, numberValue } from "./fields.js";
import { exactNumber, fill } from "./format.js";

/** Every attribute the element reads, in order: the scenario's, the compared plan's, then
 * `controls`, `theme` and `lang`. The platform packages (WordPress, Hugo, Jekyll) pass these. */
export const ELEMENT_ATTRS = [...ATTRS, ...COMPARE_ATTRS, "controls", "theme", "lang"];

/** The scenario as an object of camelCase fields (only those set by attributes). */
export function scenarioOf(get) {
  const out = {};
  for (const [attr, field, values] of FIELDS) {
    const raw = get(attr);
    if (raw === null) continue;
    out[field] = values ? camel(enumValue(raw, values)) : numberValue(raw);
  }
  return out;
}

/** The attributes for a scenario object of camelCase fields: `[attribute, value or null]` for
 * every field (null: unset, so removed), and the names of the fields it has that none is. */
export function attributesOf(value) {
  const given = value && typeof value === "object" ? value : {};
  const known = new Set(FIELDS.map((f) => f[1]));
  const unknown = Object.keys(given).filter((k) => !known.has(k));
  const attrs = FIELDS.map(([attr, field, values]) =>
    [attr, given[field] === undefined || given[field] === null ? null : values ? kebab(String(given[field])) : String(given[field])]);
  return { attrs, unknown };
}

/** Reads and checks the attributes: returns a scenario object or throws a readable Error, in the
 * words of messages `t`. `unknown`: fields of the last `.scenario` that are none (or null).
 * `prefix`: put before the attribute names in messages (`compare-` for the compared plan). */
export function checkedScenario(get, unknown, t, prefix = "") {
  if (unknown && unknown.length) throw new Error(`unknown field(s): ${unknown.join(", ")}`);
  for (const [attr, , values] of FIELDS) {
    const raw = get(attr);
    if (raw === null) continue;
    if (values && !values.includes(enumValue(raw, values))) {
      throw new Error(fill(t.ui.notOneOf, { attr: prefix + attr, value: raw, allowed: values.join(", ") }));
    }
    if (!values && !Number.isFinite(numberValue(raw))) {
      throw new Error(fill(t.ui.notNumber, { attr: prefix + attr, value: raw }));
    }
  }
  // As set: hours given with a single-dose route are the estimator's to warn about.
  return scenarioOf(get);
}

/** Error messages name attributes (dose-mg-per-kg, with `prefix` before it), not fields
 * (doseMgPerKg). */
export function fieldNames(e, prefix = "") {
  const message = String(e && e.message ? e.message : e);
  // A whole word only: "compare-sessions" in a message is already an attribute's name.
  return FIELDS.reduce((m, [attr, field]) => m.replace(new RegExp(`(?<![\\w-])${field}(?![\\w-])`, "g"), prefix + attr), message);
}

/** The message for an error, in messages `t` of language `lang`: the crash message for a wasm
 * trap, the language's wording of a refused scenario (by its `code`), else its own message. With
 * `prefix` (`compare-`), the error is the compared plan's: said so, its attributes so named. */
export function errorText(e, t, lang, prefix = "") {
  if (e instanceof WebAssembly.RuntimeError) return t.ui.crash;
  const frame = prefix ? t.ui.compareError : t.ui.error;
  const template = e && e.code && t.errors && t.errors[e.code];
  if (!template) return fill(frame, { message: fieldNames(e, prefix) });
  const num = (v) => (typeof v === "number" && Number.isFinite(v) ? exactNumber(lang, v) : String(v));
  const attr = prefix + (FIELDS.find((x) => x[1] === e.field) || [e.field])[0];
  const route = e.route ? t.ui.values[e.route] || e.route : "";
  return fill(frame, { message: fill(template, { field: attr, value: num(e.value), min: num(e.min), max: num(e.max), route, unit: (t.errorUnits || {})[e.field] || "" }) });
}
