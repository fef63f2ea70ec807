// The embed-code builder (builder.html): a form for the scenario and the look, a live preview,
// and the code for each platform. The code is written from the preview's own attributes after
// each draw, so what is copied is what was drawn; the platform tests publish these very snippets
// (snippets.js) on real WordPress, Hugo and Jekyll sites.
import { html, hugo, iframe, jekyll, wordpress } from "./snippets.js";

const Widget = customElements.get("relief-timeline");
const form = document.getElementById("settings");
const preview = document.getElementById("preview");
const frame = document.getElementById("frame");

/** The scenario the builder opens on: five daily infusions, so that all three phases show. */
const START = { route: "iv-infusion", "dose-mg-per-kg": "0.5", "session-hours": "4", sessions: "5", condition: "crps" };

// One input per scenario attribute, from the element's own list: a select for a set of values,
// a number input otherwise (left empty, the attribute is left out and the widget's default holds).
const scenario = document.getElementById("scenario");
for (const { attribute, values, step } of Widget.fields) {
  const input = values ? document.createElement("select") : Object.assign(document.createElement("input"), { type: "number", step, placeholder: "default" });
  input.name = attribute;
  if (values) input.append(...["", ...values].map((v) => new Option(v || "default", v)));
  input.value = START[attribute] || "";
  const label = document.createElement("label");
  label.append(attribute, input);
  scenario.append(label);
}
// The comparisons the widget offers (its "Compare with…" presets): each sets `compare-`
// attributes, the same scenario with those fields changed.
const COMPARISONS = Widget.comparisons;
const COMPARE_ATTRS = Widget.observedAttributes.filter((n) => n.startsWith("compare-") && n !== "compare-label");
for (const id of Object.keys(COMPARISONS)) form.elements.compare.append(new Option(id.replace(/-/g, " "), id));
form.elements.compare.append(Object.assign(new Option("other (set by the preview's controls)", "custom"), { hidden: true }));
for (const lang of ["en", ...Widget.languages]) {
  form.elements.lang.append(new Option(new Intl.DisplayNames([lang], { type: "language" }).of(lang), lang));
}

/** The form as the preview's attributes. */
function apply() {
  for (const { attribute } of Widget.fields) {
    const value = form.elements[attribute].value.trim();
    if (value) preview.setAttribute(attribute, value);
    else preview.removeAttribute(attribute);
  }
  const comparison = form.elements.compare.value;
  if (comparison !== "custom") {
    for (const name of COMPARE_ATTRS) {
      const value = COMPARISONS[comparison]?.[name.slice("compare-".length)];
      if (value === undefined) preview.removeAttribute(name);
      else preview.setAttribute(name, value);
    }
  }
  const label = form.elements["compare-label"].value.trim();
  if (label && comparison) preview.setAttribute("compare-label", label);
  else preview.removeAttribute("compare-label");
  preview.toggleAttribute("controls", form.elements.controls.checked);
  const theme = form.elements.theme.value;
  if (theme === "auto") preview.removeAttribute("theme");
  else preview.setAttribute("theme", theme);
  const lang = form.elements.lang.value;
  if (lang) preview.setAttribute("lang", lang);
  else preview.removeAttribute("lang");
  frame.style.width = form.elements.width.value ? form.elements.width.value + "px" : "";
}

// A bad value keeps the last good chart, and so its code: say so while the widget shows its error.
const error = preview.shadowRoot.querySelector(".error");
new MutationObserver(() => (document.getElementById("stale").hidden = error.hidden)).observe(error, { attributes: true, attributeFilter: ["hidden"] });

/** The preview's attributes as [name, value] pairs (a flag as `true`), in the element's order. */
const drawnAttributes = () =>
  Widget.observedAttributes.filter((name) => preview.hasAttribute(name)).map((name) => [name, name === "controls" ? true : preview.getAttribute(name)]);

const PLATFORMS = [
  ["Plain page (upload the package's folder as /relief-timeline/)", (a) => html(a)],
  ["iframe (upload the package's folder; put your site's address in)", (a) => iframe(a, undefined, Math.ceil(preview.getBoundingClientRect().height / 50) * 50 + 50)],
  ["WordPress (the plugin's shortcode, in a Shortcode block)", wordpress],
  ["Hugo (the shortcode)", hugo],
  ["Jekyll (the include)", jekyll],
];
const snippets = document.getElementById("snippets");
const boxes = PLATFORMS.map(([title]) => {
  const label = document.createElement("label");
  label.className = "snippet";
  const text = Object.assign(document.createElement("textarea"), { readOnly: true, rows: 3 });
  const copy = Object.assign(document.createElement("button"), { type: "button", textContent: "Copy" });
  copy.addEventListener("click", () => copyText(text, copy));
  label.append(title, text, copy);
  snippets.append(label);
  return text;
});

function copyText(textarea, button) {
  const done = () => (button.textContent = "Copied");
  if (navigator.clipboard) navigator.clipboard.writeText(textarea.value).then(done, () => textarea.select());
  else textarea.select();
}

preview.addEventListener("timelinechange", (event) => {
  // The preview's own controls may have changed the scenario: the form follows.
  for (const { attribute } of Widget.fields) form.elements[attribute].value = preview.getAttribute(attribute) || "";
  // ... and so does the comparison: its preset, or "other" for attributes that are none.
  const compare = event.detail.compare;
  form.elements.compare.value = compare ? compare.preset || "custom" : "";
  const label = form.elements["compare-label"];
  if (preview.hasAttribute("compare-label") && label.value.trim() !== preview.getAttribute("compare-label")) label.value = preview.getAttribute("compare-label");
  const attributes = drawnAttributes();
  PLATFORMS.forEach(([, write], i) => (boxes[i].value = write(attributes)));
  // The picture's alt text is the chart's own plain-language summary; the caption says what it is
  // and where the numbers come from.
  const summary = [...preview.shadowRoot.querySelectorAll(".summary p")].map((p) => p.textContent).join(" ");
  document.getElementById("alt").value = summary;
  const sources = event.detail.timeline.sources.map((s) => s.id).join(", ");
  document.getElementById("caption").value =
    `Estimated timeline of ketamine pain relief (relief-timeline). An educational estimate from published studies, not medical advice. Sources: ${sources}.`;
});

// The PNG is the widget's own export (twice the chart's size): its first download button.
document.getElementById("png").addEventListener("click", () => preview.shadowRoot.querySelectorAll(".tools button")[2].click());

form.addEventListener("input", apply);
form.addEventListener("change", apply);
apply();
