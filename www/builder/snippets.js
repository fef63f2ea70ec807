// The embed code for each platform, from one scenario: used by the builder page (builder.html)
// and by the platform tests, which paste these very snippets into real WordPress, Hugo and
// Jekyll sites and check that the published page draws the same scenario.
//
// `attributes` is a list of [name, value] pairs with the element's kebab-case attribute names
// (`route`, `dose-mg-per-kg`, ..., `theme`, `lang`); `value === true` is a flag (`controls`).
// Values are the widget's own (numbers, enum names, language tags), never markup; they are still
// escaped for the syntax they go into (HTML entities for HTML and WordPress, whose plugin escapes
// without encoding twice; a backslash before a quote for Hugo and Jekyll).

/** `"` and `&` and `<` as HTML entities, for a double-quoted HTML attribute value. */
export const escapeHtml = (s) => String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** One shortcode parameter list: `name="value"`; a flag is `name` (WordPress) or `name="true"`. */
const params = (attributes, flag, quote = (v) => escapeHtml(v)) =>
  attributes.map(([name, value]) => (value === true ? flag(name) : `${name}="${quote(value)}"`)).join(" ");

/** The element for a plain page, with its script (`src`: where the site serves the bundle). */
export function html(attributes, src = "/relief-timeline/dist/relief-timeline.js") {
  const attrs = params(attributes, (n) => n);
  const lang = attributes.find(([n]) => n === "lang")?.[1];
  const extra = lang && lang !== "en" && lang !== true ? `\n<script src="${escapeHtml(src.replace(/\.js$/, `.${lang}.js`))}"></script>` : "";
  return `<relief-timeline${attrs ? " " + attrs : ""}></relief-timeline>\n<script src="${escapeHtml(src)}"></script>${extra}`;
}

/** The iframe and the parent's resize script (`base`: where embed.html is served, ending in /). */
export function iframe(attributes, base = "https://your-site.example/relief-timeline/", height = 950) {
  const query = attributes.map(([n, v]) => (v === true ? encodeURIComponent(n) : `${encodeURIComponent(n)}=${encodeURIComponent(v)}`)).join("&amp;");
  return `<iframe data-relief-timeline src="${escapeHtml(base)}embed.html${query ? "?" + query : ""}"\n  title="Estimated timeline of ketamine pain relief" loading="lazy" style="width: 100%; height: ${height}px; border: 0"></iframe>\n<script src="${escapeHtml(base)}embed-parent.js"></script>`;
}

/** The WordPress shortcode of the plugin in packages/wordpress. */
export const wordpress = (attributes) => `[relief_timeline${attributes.length ? " " + params(attributes, (n) => n) : ""}]`;

/** A value in a Hugo or Jekyll quoted parameter: both read `\"` as a quote, and their templates
 * escape the value for HTML themselves. */
const backslashed = (v) => String(v).replace(/[\\"]/g, (c) => "\\" + c);

/** The Hugo shortcode in packages/hugo (named parameters only: a flag is "true"). */
export const hugo = (attributes) => `{{< relief-timeline${attributes.length ? " " + params(attributes, (n) => `${n}="true"`, backslashed) : ""} >}}`;

/** The Jekyll include in packages/jekyll (a flag is "true"). */
export const jekyll = (attributes) => `{% include relief-timeline.html${attributes.length ? " " + params(attributes, (n) => `${n}="true"`, backslashed) : ""} %}`;
