// The scenario as attributes: names, allowed values, and the camelCase fields they map to, all
// from the scenario schema that the Rust estimator owns (src/estimator/schema.rs), which the build
// reads from the wasm and hands in as `SCHEMA` (the virtual module relief-timeline:build). Pure:
// no DOM (unit-tested under Node, tests/js/, with the same virtual module).
import { SCHEMA } from "relief-timeline:build";

export const camel = (s) => s.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
export const kebab = (s) => s.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());

/** Every field as `[attribute, scenario field, allowed values (kebab-case) or null for a number,
 * input step]`, in the controls' order. */
export const FIELDS = SCHEMA.map((f) =>
  f.kind.type === "choice" ? [f.attribute, f.name, f.kind.values.map(kebab)] : [f.attribute, f.name, null, String(f.kind.step)]);

/** What the controls show for an attribute that is not set: the estimator's defaults. */
export const DEFAULTS = Object.fromEntries(SCHEMA.map((f) => [f.attribute, f.kind.type === "choice" ? kebab(f.kind.default) : f.kind.default]));

/** The attribute names, in order. */
export const ATTRS = FIELDS.map((f) => f[0]);

/** The fields as `ReliefTimeline.fields` gives them: each one's attribute, its camelCase field,
 * its allowed values (null for a number) and its input step. */
export const fieldList = () =>
  FIELDS.map(([attribute, field, values, step]) => ({ attribute, field, values: values && [...values], step: step || null }));

/** An attribute's value as one of `allowed` (kebab-case), forgiving case and separators:
 * "IV-Infusion", "ivInfusion", "IvInfusion" and " iv_infusion " all read as "iv-infusion".
 * Returns the value as given (trimmed) when it matches none, for the error message. */
const squash = (s) => s.replace(/[-_\s]/g, "").toLowerCase();
export const enumValue = (raw, allowed) => {
  const v = raw.trim();
  return allowed.find((a) => squash(a) === squash(v)) || v;
};

/** An attribute's value as a number, forgiving a decimal comma ("0,5"); NaN when it is none
 * (hex, binary, "1,000" (thousands or decimals?) and the like are refused, not misread). */
export const numberValue = (raw) => {
  const v = raw.trim();
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?$/i.test(v)) return NaN;
  if (/^[+-]?[1-9]\d{0,2},\d{3}$/.test(v)) return NaN; // "1,000": a thousands separator, or 1.0?
  return Number(v.replace(",", "."));
};
