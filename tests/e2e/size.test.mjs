// Size budget of the one-file bundle (sizes are deterministic, so this is a test; timings are not:
// they are figures in `./x bench`). Reads dist/relief-timeline.js, built by `./x test` before the
// end-to-end tests, and compares its gzip -9 size with the budget; Chart.js 4's own bundle is
// reported beside it.
//
// The budget is a ratchet at the size reached, so it can only shrink: lower it whenever the bundle
// does. (The 60 KB goal of issue 8 was withdrawn: the crates the design names come first, see
// docs/decisions.md.) Sizes are reproducible: rustc is pinned (rust-toolchain.toml) and so are the
// npm tools (package-lock.json).
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { test } from "node:test";
import { gzipSync } from "node:zlib";

const ROOT = resolve(import.meta.dirname, "../..");
/** The budget today: the size reached (113,298 bytes: serde-wasm-bindgen and plotters-canvas, then
 * maintenance dosing, the subcutaneous infusion, health factors, paths and the schema (99,872),
 * then the icon array of 100 people (+7,540), then comparing two plans (+5,886: the wasm's
 * overlay, legend and sentence +4.7 KiB, the element's attributes, control, tables and words
 * +1.5 KiB)), plus a little. */
export const BUDGET_GZIP_BYTES = 113_400;
/** A language's script (relief-timeline.<lang>.js), which a page adds only for that language
 * (5,342 bytes for German with the comparison's words). */
export const LANGUAGE_BUDGET_GZIP_BYTES = 5_400;

const gzipSize = (path) => gzipSync(readFileSync(resolve(ROOT, path)), { level: 9 }).length;
const kb = (n) => `${(n / 1000).toFixed(1)} KB (${n} bytes)`;

test(`one-file bundle, gzip -9, is within its budget of ${kb(BUDGET_GZIP_BYTES)}`, (t) => {
  const ours = gzipSize("dist/relief-timeline.js");
  const chartJs = gzipSize("node_modules/chart.js/dist/chart.umd.js");
  t.diagnostic(`dist/relief-timeline.js: ${kb(ours)} gzip; Chart.js chart.umd.js: ${kb(chartJs)}`);
  assert.ok(ours <= BUDGET_GZIP_BYTES, `dist/relief-timeline.js is ${kb(ours)} gzip, over the budget of ${kb(BUDGET_GZIP_BYTES)}`);
});

test(`each language's script, gzip -9, is within ${kb(LANGUAGE_BUDGET_GZIP_BYTES)}`, (t) => {
  const scripts = readdirSync(resolve(ROOT, "dist")).filter((f) => /^relief-timeline\.[a-z]{2,3}\.js$/.test(f));
  assert.deepEqual(scripts.sort(), ["relief-timeline.de.js", "relief-timeline.es.js"]);
  for (const f of scripts) {
    const size = gzipSize(`dist/${f}`);
    t.diagnostic(`dist/${f}: ${kb(size)} gzip`);
    assert.ok(size <= LANGUAGE_BUDGET_GZIP_BYTES, `dist/${f} is ${kb(size)} gzip, over ${kb(LANGUAGE_BUDGET_GZIP_BYTES)}`);
  }
});
