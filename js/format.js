// Words and numbers for readers: message templates, locale-aware percentages and exact numbers.
// Pure (Intl only): unit-tested under Node, tests/js/.

/** Replaces `{name}` in a template with values[name]. */
export const fill = (template, values) =>
  template.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));

/** Percentages for one language: `pct(42.3)` -> "42%" (en) or "42 %" (de). (Durations are the
 * wasm's: `Words.duration`, the one formatter of the summary, tables and read-out.) */
export function formatter(lang) {
  const percent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 0 });
  return { pct: (v) => percent.format(v / 100) };
}

/** A number as given, in the language's style: up to 3 decimals, huge or tiny ones in
 * scientific notation (an error message must not print 309 digits). */
export function exactNumber(lang, v) {
  const a = Math.abs(v);
  const scientific = a >= 1e12 || (a > 0 && a < 1e-3);
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 3, notation: scientific ? "scientific" : "standard" }).format(v);
}
