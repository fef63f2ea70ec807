// The plan to compare with: "the same scenario, except ...". Its attributes are the scenario's
// with a `compare-` prefix (`compare-sessions="1"`), each overriding the plan's own; a field left
// out is the plan's, so "with and without boosters" is `compare-boosters="0"`. The time axis is
// the plan's: there is no `compare-horizon-days`. `compare-label` names it ("one infusion"); without
// one, a preset's name when the attributes are a preset's, else the chart's "the other plan".
// Pure: reads attributes through `get(attr)` (unit-tested under Node).
import { ATTRS } from "./fields.js";

/** The prefix of the compared plan's attributes. */
export const PREFIX = "compare-";

/** The scenario attributes a compared plan may override: all but the time axis. */
const OVERRIDABLE = ATTRS.filter((a) => a !== "horizon-days");

/** The compared plan's attributes: one per overridable scenario attribute, then its label. */
export const COMPARE_ATTRS = [...OVERRIDABLE.map((a) => PREFIX + a), PREFIX + "label"];

/** The comparisons the "Compare with…" control offers, by id (the messages' `ui.comparisons`
 * names them): each is the attributes it sets; "current" sets every one to the plan's values. */
export const PRESETS = {
  "one-session": { sessions: "1" },
  "five-sessions": { sessions: "5", "session-interval-days": "1" },
  "no-boosters": { boosters: "0" },
  "monthly-boosters": { boosters: "6", "booster-every-days": "28" },
};

/** Whether any compared-plan attribute is set. */
export const comparing = (get) => COMPARE_ATTRS.some((a) => get(a) !== null);

/** The compared plan's attribute getter: its own value where set, else the plan's. */
export const comparedGetter = (get) => (attr) => (OVERRIDABLE.includes(attr) && get(PREFIX + attr) !== null ? get(PREFIX + attr) : get(attr));

/** The id of the preset whose attributes are exactly those set (values compared as trimmed
 * strings), or null. */
export function presetOf(get) {
  const set = OVERRIDABLE.filter((a) => get(PREFIX + a) !== null);
  for (const [id, attrs] of Object.entries(PRESETS)) {
    const keys = Object.keys(attrs);
    if (keys.length === set.length && keys.every((a) => String(get(PREFIX + a)).trim() === attrs[a])) return id;
  }
  return null;
}

/** The compared plan's name in the words of messages `t`: its label, else its preset's name,
 * else the chart's "the other plan". */
export const comparedName = (get, t) =>
  (get(PREFIX + "label") || "").trim() || t.ui.comparisons[presetOf(get)] || t.chart.otherPlan;

/** The attributes to set for the comparison `id` ("" for none): `[attribute, value or null]` for
 * every compared-plan attribute (null: removed). `get` reads the plan's attributes (for
 * "current", which copies them; an unset one is copied as `defaults` gives it). */
export function comparisonAttrs(id, get, defaults) {
  const preset = PRESETS[id] || {};
  return COMPARE_ATTRS.map((name) => {
    const attr = name.slice(PREFIX.length);
    if (id === "current") return [name, attr === "label" ? null : get(attr) ?? String(defaults[attr])];
    return [name, preset[attr] ?? null];
  });
}
