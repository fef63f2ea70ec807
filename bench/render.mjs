// Browser render timing: the median (and p95) time of one chart frame, estimate + draw, and of
// one estimate alone, measured in headless Chromium on www/chart.html.
//   ./x build && node bench/render.mjs
import { launch, open, serve, waitForChart } from "../tests/e2e/harness.mjs";

const server = await serve();
const browser = await launch();
try {
  const page = await open(browser, { viewport: { width: 800, height: 700 }, deviceScaleFactor: 2 });
  await page.goto(server.url + "/chart.html");
  await waitForChart(page);
  const figures = await page.evaluate(async () => {
    const api = await customElements.get("relief-timeline").api();
    const canvas = document.createElement("canvas");
    document.body.append(canvas);
    const stats = (xs) => {
      xs.sort((a, b) => a - b);
      return { median: xs[xs.length >> 1], p95: xs[Math.floor(xs.length * 0.95)], n: xs.length };
    };
    const scenarios = Array.from({ length: 200 }, (_, i) => ({ doseMgPerKg: 0.3 + (i % 20) * 0.1, sessions: 1 + (i % 5), boosters: i % 4 }));
    const draw = [], est = [], frame = [];
    for (let round = 0; round < 3; round++) {
      // performance.now() is coarse (0.1 ms) without cross-origin isolation: time estimates in
      // batches of 200 and divide.
      let t0 = performance.now();
      for (const s of scenarios) api.estimate(s);
      est.push((performance.now() - t0) / scenarios.length);
      for (const s of scenarios) {
        t0 = performance.now();
        const chart = new api.Chart(s);
        const t1 = performance.now();
        chart.draw(canvas, 760, 425, 2, "light", undefined);
        const t2 = performance.now();
        chart.free();
        draw.push(t2 - t1);
        frame.push(t2 - t0);
      }
    }
    return { estimate: stats(est), draw: stats(draw), frame: stats(frame) };
  });
  const ms = (x) => x.toFixed(3) + " ms";
  console.log(`render timing, ${figures.frame.n} frames at 760x425 CSS px, devicePixelRatio 2, headless Chromium:`);
  for (const [name, s] of Object.entries(figures)) {
    console.log(`  ${name.padEnd(9)} median ${ms(s.median)}  p95 ${ms(s.p95)}  (n=${s.n}${name === "estimate" ? " batches of 200" : ""})`);
  }
} finally {
  await browser.close();
  server.close();
}
