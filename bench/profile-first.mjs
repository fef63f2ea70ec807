// CPU profile (CDP Profiler, 50 µs sampling) of the widget page's cold load, from navigation to
// the first complete chart: self time by function and category. Run after ./x bench (which stages
// bench-results/site):  node bench/profile-first.mjs [loads]
import { resolve } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "../tests/e2e/harness.mjs";
const SITE = resolve(import.meta.dirname, "../bench-results/site");
const server = await serve(SITE, () => ({ "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp", "Cache-Control": "no-store" }));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"] });
const N = Number(process.argv[2] || 3);
const self = new Map();
for (let i = 0; i < N; i++) {
  const context = await browser.newContext({ viewport: { width: 900, height: 700 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
  await cdp.send("Profiler.start");
  await page.goto(server.url + "/bench/widget.html");
  await page.waitForFunction(() => window.__first, null, { timeout: 20000 });
  const { profile } = await cdp.send("Profiler.stop");
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, k) => {
    const n = byId.get(id);
    const f = n.callFrame;
    const key = `${f.functionName || "(anon)"} ${f.url ? f.url.split("/").pop() + ":" + f.lineNumber : ""}`;
    self.set(key, (self.get(key) || 0) + (dt[k] || 0) / 1000 / N);
  });
  await context.close();
}
const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, 40);
for (const [k, v] of rows) console.log(v.toFixed(2).padStart(8), "ms ", k);
await browser.close(); server.close();
