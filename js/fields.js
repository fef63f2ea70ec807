// The scenario as attributes: names, allowed values, and the camelCase fields they map to.

const FIELDS = [
  // [attribute, scenario field, allowed values (kebab-case) or null for a number, input step]
  ["route", "route", ["iv-infusion", "im-injection", "subcutaneous", "intranasal", "sublingual", "oral"]],
  ["formulation", "formulation", ["racemic", "esketamine"]],
  ["dose-mg-per-kg", "doseMgPerKg", null, "0.05"],
  ["session-hours", "sessionHours", null, "0.5"],
  ["sessions", "sessions", null, "1"],
  ["session-interval-days", "sessionIntervalDays", null, "1"],
  ["condition", "condition", ["crps", "fibromyalgia", "neuropathic", "mixed-chronic"]],
  ["metabolism", "metabolism", ["slow", "typical", "fast"]],
  ["pain-sensitivity", "painSensitivity", ["low", "typical", "high"]],
  ["boosters", "boosters", null, "1"],
  ["booster-every-days", "boosterEveryDays", null, "1"],
  ["horizon-days", "horizonDays", null, "1"],
];
const camel = (s) => s.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
const kebab = (s) => s.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());

/** An attribute's value as one of `allowed` (kebab-case), forgiving case and separators:
 * "IV-Infusion", "ivInfusion", "IvInfusion" and " iv_infusion " all read as "iv-infusion".
 * Returns the value as given (trimmed) when it matches none, for the error message. */
const squash = (s) => s.replace(/[-_\s]/g, "").toLowerCase();
const enumValue = (raw, allowed) => {
  const v = raw.trim();
  return allowed.find((a) => squash(a) === squash(v)) || v;
};

/** An attribute's value as a number, forgiving a decimal comma ("0,5"); NaN when it is none
 * (hex, binary, "1,000" (thousands or decimals?) and the like are refused, not misread). */
const numberValue = (raw) => {
  const v = raw.trim();
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?$/i.test(v)) return NaN;
  if (/^[+-]?[1-9]\d{0,2},\d{3}$/.test(v)) return NaN; // "1,000": a thousands separator, or 1.0?
  return Number(v.replace(",", "."));
};
