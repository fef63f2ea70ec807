// The optional form (`controls` attribute): one select or number input per scenario field, which
// sets the attribute (and the URL hash) on change, and shows the attributes in force; last, the
// "Compare with…" select, which sets the `compare-` attributes (js/compare.js).
import { PRESETS, comparedName, comparing, comparisonAttrs, presetOf } from "../compare.js";
import { el } from "../dom.js";
import { DEFAULTS, FIELDS, camel, enumValue, numberValue } from "../fields.js";
import { writeHash } from "../share.js";
import { langOf, messagesOf } from "./language.js";

/** The routes given over hours (`session-hours`): the others are single doses. */
const INFUSIONS = ["iv-infusion", "subcutaneous-infusion"];

export function buildControls(w) {
  const show = w.hasAttribute("controls") && w.getAttribute("controls") !== "false";
  w._controlsLang = langOf(w);
  w._form.hidden = !show;
  if (!show) return w._form.replaceChildren();
  const t = messagesOf(w).ui;
  w._form.setAttribute("aria-label", t.controls);
  const inputs = FIELDS.map(([attr, field, values, step]) => {
    const input = values
      ? el("select", {}, values.map((v) => el("option", { value: v, text: t.values[camel(v)] || v })))
      : el("input", { type: "number", step, min: "0", inputMode: "decimal" });
    input.name = attr;
    input.addEventListener("change", () => {
      w.setAttribute(attr, input.value);
      writeHash(w);
    });
    return el("label", {}, [t.fields[field] || field, input]);
  });
  w._form.replaceChildren(...inputs, compareControl(w, t));
  syncControls(w);
}

/** The "Compare with…" select: nothing, this plan as it is now (kept while the reader changes
 * the plan), or a preset; "custom" stands for `compare-` attributes that are no preset. */
function compareControl(w, t) {
  const ids = ["", "current", ...Object.keys(PRESETS), "custom"];
  const names = { "": t.compareNone, current: t.compareCurrent, ...t.comparisons };
  const select = el("select", { name: "compare" }, ids.map((id) => el("option", { value: id, text: names[id] || "" })));
  select.addEventListener("change", () => {
    for (const [attr, v] of comparisonAttrs(select.value, (a) => w.getAttribute(a), DEFAULTS)) {
      if (v === null) w.removeAttribute(attr);
      else w.setAttribute(attr, v);
    }
    syncControls(w); // "this plan, as it is now" is "custom" from now on
    writeHash(w);
  });
  return el("label", { className: "compare" }, [t.compareWith, select]);
}

/** Shows the current attributes in the controls (normalised: "0,5" as 0.5, "IV-Infusion" as
 * iv-infusion); infusion hours are disabled for routes that are single doses. */
export function syncControls(w) {
  if (!w._form.childElementCount) return;
  for (const [attr, , values] of FIELDS) {
    const input = w._form.querySelector(`[name="${attr}"]`);
    if (!input || input === w.shadowRoot.activeElement) continue;
    const raw = w.getAttribute(attr);
    const n = raw === null ? NaN : numberValue(raw);
    input.value = raw === null ? String(DEFAULTS[attr]) : values ? enumValue(raw, values) : Number.isFinite(n) ? String(n) : raw;
  }
  const get = (a) => w.getAttribute(a);
  const compare = w._form.querySelector('[name="compare"]');
  const custom = compare.querySelector('[value="custom"]');
  const value = comparing(get) ? presetOf(get) || "custom" : "";
  // Attributes that are no preset show under their name, the only time "custom" shows.
  custom.hidden = value !== "custom";
  custom.textContent = comparedName(get, messagesOf(w));
  compare.value = value; // even when focused: a select holds no half-typed value
  const route = w._form.querySelector('[name="route"]').value;
  w._form.querySelector('[name="session-hours"]').disabled = !INFUSIONS.includes(route);
}
