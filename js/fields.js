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

/** An attribute's value as a kebab-case enum value, forgiving case: "IV-Infusion", "ivInfusion"
 * and " iv-infusion " all read as "iv-infusion". */
const enumValue = (raw) => {
  const v = raw.trim();
  return /[a-z][A-Z]/.test(v) ? kebab(v) : v.toLowerCase();
};

/** An attribute's value as a number, forgiving a decimal comma ("0,5"); NaN when it is none. */
const numberValue = (raw) => {
  const v = raw.trim().replace(/^([+-]?\d*),(\d+)$/, "$1.$2");
  return v === "" ? NaN : Number(v);
};
