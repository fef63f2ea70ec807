// Shared set-up for the browser tests: a static server over www/ on 127.0.0.1 and the engine
// RT_ENGINE names (Debian's Chromium by default, Firefox ESR, WebKitGTK). Every page records
// console errors, uncaught exceptions and every request it makes.
import { createServer } from "node:http";
import { readFileSync, statSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { chromium, firefox } from "playwright-core";
import { initScript, inject, launchWebKit } from "./webkit.mjs";

export const WWW = resolve(import.meta.dirname, "../../www");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png" };

/**
 * Serves `root`; `headers(path)` may add response headers (e.g. a CSP). Resolves to its base URL,
 * `close()`, and controls that put a test's network preconditions in the server, the same in
 * every engine (none needs request interception):
 * - a path under `/never/` (say `../never/slow.png`) is never answered: it holds the page's load;
 * - `hold(pattern)` holds every request whose path matches until the returned `release()`;
 *   `held(pattern)` resolves once such a request has arrived;
 * - `fail(pattern, status)` answers matching requests with that status and an empty body;
 * - `reset()` drops the rules (held requests are released).
 */
export function serve(root = WWW, headers = () => ({})) {
  const rules = [];
  const arrivals = [];
  const respond = (req, res, path) => {
    let file = join(root, path);
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      let body = readFileSync(file);
      // WebKit's classic WebDriver has no init scripts nor console events: see webkit.mjs.
      if (ENGINE === "webkit" && extname(file) === ".html") body = inject(body.toString("utf8"));
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", ...headers(path) });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (path.startsWith("/never/")) return; // answered never (the socket closes with the server)
    if (ENGINE === "webkit" && path === "/__rt/init.js") return void res.writeHead(200, { "content-type": "text/javascript" }).end(initScript());
    for (const a of arrivals.filter((a) => a.pattern.test(path))) arrivals.splice(arrivals.indexOf(a), 1)[0].ok(path);
    const rule = rules.find((r) => r.pattern.test(path));
    if (rule?.status) return void res.writeHead(rule.status, { "content-type": "text/plain" }).end("");
    if (rule?.held) return void rule.held.push(() => respond(req, res, path));
    respond(req, res, path);
  });
  const re = (pattern) => (pattern instanceof RegExp ? pattern : new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "$"));
  const controls = {
    hold(pattern) {
      const rule = { pattern: re(pattern), held: [] };
      rules.push(rule);
      return () => {
        if (rules.includes(rule)) rules.splice(rules.indexOf(rule), 1);
        for (const go of rule.held.splice(0)) go();
      };
    },
    held: (pattern) => new Promise((ok) => arrivals.push({ pattern: re(pattern), ok })),
    fail: (pattern, status = 404) => void rules.push({ pattern: re(pattern), status }),
    reset() {
      for (const r of rules.splice(0)) for (const go of r.held || []) go();
      arrivals.length = 0;
    },
  };
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok({
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => {
      server.close();
      server.closeAllConnections();
    },
    ...controls,
  })));
}

/** The engine the suite runs in: RT_ENGINE=chromium (the default), firefox or webkit. */
export const ENGINE = process.env.RT_ENGINE || "chromium";

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];

/**
 * The browser, with a fresh temporary profile: Debian's Chromium over CDP, Debian's Firefox ESR
 * over WebDriver BiDi (playwright-core's "moz-firefox" channel: the same Page API, the stock
 * binary), WebKitGTK through WebKitWebDriver and MiniBrowser on an Xvfb display (classic
 * WebDriver only: webkit.mjs gives the Page API subset the tests use; see docs/browsers.md).
 */
export async function launch() {
  if (ENGINE === "firefox") {
    return firefox.launch({ channel: "moz-firefox", executablePath: process.env.FIREFOX || "/usr/bin/firefox-esr", headless: true,
      firefoxUserPrefs: { "app.update.enabled": false, "browser.shell.checkDefaultBrowser": false } });
  }
  if (ENGINE === "webkit") return launchWebKit();
  if (ENGINE !== "chromium") throw new Error(`RT_ENGINE=${ENGINE}: not an engine of this suite (chromium, firefox, webkit)`);
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS, headless: true });
}

/**
 * Skips a test in the engines that lack what it needs: `lacks({ webkit: "why" })` returns
 * the reason for the running engine (for node:test's `skip` option), or false.
 */
export const lacks = (reasons) => reasons[ENGINE] || false;

/** A new page that records problems and requests. */
export async function open(browser, options = {}) {
  // Firefox over BiDi does not emulate prefers-color-scheme per context: a dark page comes from a
  // second Firefox whose content prefers dark (closed with the first).
  if (ENGINE === "firefox" && options.colorScheme === "dark") {
    const light = browser;
    if (!light.__dark) {
      light.__dark = firefox.launch({ channel: "moz-firefox", executablePath: process.env.FIREFOX || "/usr/bin/firefox-esr", headless: true,
        firefoxUserPrefs: { "layout.css.prefers-color-scheme.content-override": 0 } });
      const close = light.close.bind(light);
      light.close = async () => {
        await (await light.__dark).close();
        await close();
      };
    }
    browser = await light.__dark;
  }
  const context = await browser.newContext({ viewport: { width: 900, height: 900 }, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.requests = [];
  page.on("console", (m) => m.type() === "error" && page.problems.push(`console: ${m.text()}`));
  // Firefox reports a CSP refusal (its console's "The page’s settings blocked ...") as a
  // JavaScript log entry, which playwright-core's BiDi mode hands on as a page error: it is the
  // engine's console message, as in Chromium, not an exception the page failed to catch.
  page.on("pageerror", (e) => page.problems.push(`${ENGINE === "firefox" && /^(Content-Security-Policy: )?The page’s settings blocked /.test(e.message) ? "console" : "uncaught"}: ${e.message}`));
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
