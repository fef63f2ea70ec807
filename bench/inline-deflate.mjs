// Size experiment for the one-file bundle: the wasm inlined as base64 of its raw bytes (as
// scripts/bundle.mjs does today) against base64 of deflate-raw(wasm), inflated in the browser by
// DecompressionStream("deflate-raw"). Builds the variant from dist/relief-timeline.js into
// bench-results/size/, checks that it draws from file:// and under the README's strict CSP, and
// prints sizes and first-chart times of both.   ./x build && node bench/inline-deflate.mjs
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { deflateRawSync, gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { serve } from "../tests/e2e/harness.mjs";

const ROOT = resolve(import.meta.dirname, "..");
const DIR = resolve(ROOT, "bench-results/size");
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
mkdirSync(DIR, { recursive: true });

const current = readFileSync(resolve(ROOT, "dist/relief-timeline.js"), "utf8");
const m = /const b = atob\("([A-Za-z0-9+/=]+)"\);\n[\s\S]*?return wasm_bindgen\(\{ module_or_path: bytes \}\)\.then\(\(\) => wasm_bindgen\);/.exec(current);
if (!m) throw new Error("dist/relief-timeline.js: inline loader not found (scripts/bundle.mjs changed?)");
const wasm = Buffer.from(m[1], "base64");
const packed = deflateRawSync(wasm, { level: 9 });
const loader =
  `const b = atob("${packed.toString("base64")}");\n` +
  `  const bytes = new Uint8Array(b.length);\n` +
  `  for (let i = 0; i < b.length; i++) bytes[i] = b.charCodeAt(i);\n` +
  `  const inflated = new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"))).arrayBuffer();\n` +
  `  return inflated.then((buf) => wasm_bindgen({ module_or_path: buf })).then(() => wasm_bindgen);`;
const variant = current.replace(m[0], () => loader);
writeFileSync(resolve(DIR, "relief-timeline.deflate.js"), variant);
writeFileSync(resolve(DIR, "relief-timeline.base64.js"), current);

const gz = (b) => gzipSync(b, { level: 9 }).length;
const kib = (n) => (n / 1024).toFixed(1) + " KiB";
console.log(`wasm: ${kib(wasm.length)} raw, ${kib(gz(wasm))} gzip; base64 of it: ${kib(m[1].length)}, ${kib(gz(Buffer.from(m[1])))} gzip`);
console.log(`deflate-raw(wasm) level 9: ${kib(packed.length)}; base64 of it ${kib(packed.toString("base64").length)}, ${kib(gz(Buffer.from(packed.toString("base64"))))} gzip`);
for (const name of ["base64", "deflate"]) {
  const body = Buffer.from(name === "base64" ? current : variant);
  console.log(`one-file bundle, ${name.padEnd(7)}: ${kib(body.length)} raw, ${kib(gz(body))} gzip`);
}

// Pages: file://, and http with the strict CSP as a response header.
const page = (name) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title><link rel="icon" href="favicon.ico"></head><body>
<relief-timeline route="iv-infusion" dose-mg-per-kg="1.4" sessions="5" boosters="3" booster-every-days="42"></relief-timeline>
<script src="relief-timeline.${name}.js"></script></body></html>`;
for (const name of ["base64", "deflate"]) writeFileSync(resolve(DIR, `${name}.html`), page(name));
writeFileSync(resolve(DIR, "favicon.ico"), "");

const server = await serve(DIR, (path) => (path.endsWith(".html") ? { "content-security-policy": CSP } : {}));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"], headless: true });
try {
  for (const name of ["base64", "deflate"]) {
    for (const [where, url] of [["file://", pathToFileURL(resolve(DIR, `${name}.html`)).href], ["http + CSP", `${server.url}/${name}.html`]]) {
      const times = [];
      for (let i = 0; i < 5; i++) {
        const context = await browser.newContext({ viewport: { width: 900, height: 700 }, deviceScaleFactor: 2 });
        const p = await context.newPage();
        const problems = [];
        p.on("console", (msg) => msg.type() === "error" && problems.push(msg.text()));
        p.on("pageerror", (e) => problems.push(e.message));
        await p.addInitScript(() => document.addEventListener("timelinechange", () => { window.__first = window.__first || performance.now(); }));
        await p.goto(url);
        await p.waitForFunction(() => window.__first, null, { timeout: 15000 }).catch(() => problems.push("no chart in 15 s"));
        const t = await p.evaluate(() => {
          const s = performance.getEntriesByType("resource").find((e) => e.name.endsWith(".js"));
          return { first: window.__first, afterScript: s ? window.__first - s.responseEnd : null };
        });
        if (problems.length) throw new Error(`${name} on ${where}: ${problems.join("; ")}`);
        times.push(t);
        await context.close();
      }
      const med = (k) => times.map((t) => t[k]).sort((a, b) => a - b)[2];
      console.log(`${name.padEnd(7)} ${where.padEnd(10)} draws; first chart median ${med("first").toFixed(1)} ms from navigation, ${med("afterScript") == null ? "?" : med("afterScript").toFixed(1)} ms after the script loaded`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
