// Shared set-up for the browser tests: a static server over www/ on 127.0.0.1 and Debian's
// headless Chromium driven by playwright-core. Every page records console errors, uncaught
// exceptions and every request it makes.
import { createServer } from "node:http";
import { readFileSync, statSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { chromium } from "playwright-core";

export const WWW = resolve(import.meta.dirname, "../../www");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png" };

/** Serves `root`; `headers(path)` may add response headers (e.g. a CSP). Resolves to its base URL. */
export function serve(root = WWW, headers = () => ({})) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    let file = join(root, path);
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      const body = readFileSync(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", ...headers(path) });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })));
}

/** Headless Chromium; playwright gives it a fresh temporary profile (user data dir). */
export async function launch() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
    headless: true,
  });
}

/** A new page that records problems and requests. */
export async function open(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 }, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.requests = [];
  page.on("console", (m) => m.type() === "error" && page.problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => page.problems.push(`uncaught: ${e.message}`));
  page.on("request", (r) => page.requests.push(r.url()));
  return page;
}

/** Waits until `selector` (a relief-timeline) has drawn a chart. */
export async function waitForChart(page, selector = "relief-timeline") {
  await page.waitForFunction((s) => {
    const e = document.querySelector(s);
    return e && e.timeline && e.shadowRoot.querySelector("canvas").width > 0;
  }, selector, { timeout: 15000 });
}

/** Counts pixels in the chart's plot area that differ from the background colour. */
export async function inkInPlot(page, selector = "relief-timeline") {
  return page.evaluate((s) => {
    const e = document.querySelector(s);
    const canvas = e.shadowRoot.querySelector("canvas");
    const ctx = canvas.getContext("2d");
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const bg = [data[0], data[1], data[2]];
    const area = e._chart.plotArea();
    const k = canvas.width / canvas.getBoundingClientRect().width;
    let ink = 0, total = 0;
    for (let y = Math.ceil(area.y0 * k); y < Math.floor(area.y1 * k); y += 2) {
      for (let x = Math.ceil(area.x0 * k); x < Math.floor(area.x1 * k); x += 2) {
        const i = (y * canvas.width + x) * 4;
        total++;
        if (Math.abs(data[i] - bg[0]) + Math.abs(data[i + 1] - bg[1]) + Math.abs(data[i + 2] - bg[2]) > 30) ink++;
      }
    }
    return { ink, total };
  }, selector);
}
