// Words and numbers for readers: message templates, human durations, locale-aware percentages.

/** Replaces `{name}` in a template with values[name]. */
const fill = (template, values) =>
  template.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));

/** Formatting for one language: `pct(42.3)` -> "42%" (en) or "42 %" (de), `time(days)`. */
function formatter(lang, units) {
  const percent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const r = (n) => number.format(n >= 10 ? Math.round(n) : Math.round(n * 10) / 10);
  const time = (days) => {
    if (days < 1 / 24) return fill(units.min, { n: number.format(Math.round(days * 1440)) });
    if (days < 1) return fill(units.h, { n: r(days * 24) });
    if (days < 14) return days < 1.05 ? units.d1 : fill(units.d, { n: r(days) });
    if (days < 60) return fill(units.wk, { n: r(days / 7) });
    if (days < 700) return fill(units.mo, { n: r(days / 30.4375) });
    return fill(units.yr, { n: r(days / 365.25) });
  };
  return { pct: (v) => percent.format(v / 100), time, number: (v) => number.format(v) };
}

/** A number as given, in the language's style: up to 3 decimals, huge or tiny ones in
 * scientific notation (an error message must not print 309 digits). */
function exactNumber(lang, v) {
  const a = Math.abs(v);
  const scientific = a >= 1e12 || (a > 0 && a < 1e-3);
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 3, notation: scientific ? "scientific" : "standard" }).format(v);
}

/** Relief percentiles at a time, interpolated in log-time like the drawn curve. */
function interpolate(relief, days) {
  const d = relief.days;
  let i = d.findIndex((x) => x >= days);
  if (i <= 0) i = i === 0 ? 1 : d.length - 1;
  const a = Math.log(d[i - 1]), b = Math.log(d[i]);
  const f = b > a ? Math.min(1, Math.max(0, (Math.log(days) - a) / (b - a))) : 0;
  const lerp = (v) => v[i - 1] + (v[i] - v[i - 1]) * f;
  return { p10: lerp(relief.p10), p50: lerp(relief.p50), p90: lerp(relief.p90) };
}
