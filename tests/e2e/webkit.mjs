// WebKitGTK (Safari's engine family) for the browser tests: a thin adapter that gives the subset of
// playwright-core's Browser/Page API the tests use, over classic WebDriver (WebKitWebDriver 2.50
// refuses `webSocketUrl`, so neither BiDi nor CDP), with `node:` fetch to its HTTP endpoint.
//
// - One X server (Xvfb) per browser; one WebKitWebDriver and one MiniBrowser per page (a page is a
//   WebDriver session: WebKitWebDriver holds one session at a time, and the colour scheme is a
//   MiniBrowser flag, `--dark-mode`). Device pixel ratio 1.
// - What classic WebDriver cannot see, the test server provides: with RT_ENGINE=webkit, `serve()`
//   puts `<script src="/__rt/init.js">` first in every HTML page it answers (same-origin, so a
//   strict CSP allows it). That script records console errors and warnings, uncaught exceptions
//   and unhandled rejections, and runs the page's `addInitScript` scripts; every `evaluate` also
//   collects what it recorded (and the page's requests, from Resource Timing) for the `console`,
//   `pageerror` and `request` listeners. Not seen: the engine's own console messages (a CSP
//   refusal, a failed load) and requests Resource Timing does not list.
// - `goto` waits for the load event (classic WebDriver's "normal" page-load strategy), whatever
//   `waitUntil` says; its response is the server's answer to the same URL fetched again from Node
//   (WebDriver does not expose the browser's).
import { spawn } from "node:child_process";
import { createServer } from "node:net";

const MINIBROWSER = process.env.MINIBROWSER || "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const DRIVER = process.env.WEBKITWEBDRIVER || "WebKitWebDriver";

/** The script every HTML page gets first (RT_ENGINE=webkit): the recorder, then the init scripts
 * of the page that navigated last (pages with init scripts are not opened side by side). */
let initScripts = [];
export function initScript() {
  const recorder = `(() => {
  if (window.__rtTake) return;
  const log = [];
  const text = (args) => args.map((a) => (a instanceof Error ? a.message : typeof a === "object" && a !== null ? (() => { try { return JSON.stringify(a); } catch { return String(a); } })() : String(a))).join(" ");
  for (const type of ["error", "warn"]) {
    const original = console[type];
    console[type] = function (...args) {
      log.push({ kind: "console", type: type === "warn" ? "warning" : type, text: text(args) });
      return original.apply(this, args);
    };
  }
  addEventListener("error", (e) => { if (e instanceof ErrorEvent) log.push({ kind: "pageerror", message: e.error?.message ?? e.message }); });
  addEventListener("unhandledrejection", (e) => log.push({ kind: "pageerror", message: e.reason?.message ?? String(e.reason) }));
  let seen = 0, first = true;
  window.__rtTake = () => {
    const entries = performance.getEntriesByType("resource");
    const requests = (first ? [location.href] : []).concat(entries.slice(seen).map((e) => e.name)).filter((u) => !u.includes("/__rt/"));
    first = false;
    seen = entries.length;
    return { log: log.splice(0), requests, href: location.href };
  };
})();`;
  return [recorder, ...initScripts.map((s) => `try { ${s} } catch (e) { console.error(String(e)); }`)].join("\n");
}

/** `html` with the init script's tag first in its head (after the doctype, so no quirks mode). */
export function inject(html) {
  const tag = '<script src="/__rt/init.js"></script>';
  const m = /<head[^>]*>/i.exec(html) || /<html[^>]*>/i.exec(html) || /<!doctype[^>]*>/i.exec(html);
  return m ? html.slice(0, m.index + m[0].length) + tag + html.slice(m.index + m[0].length) : tag + html;
}

const freePort = () => new Promise((ok) => {
  const s = createServer().listen(0, "127.0.0.1", () => {
    const { port } = s.address();
    s.close(() => ok(port));
  });
});
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

const KEYS = { Tab: "\uE004", Enter: "\uE007", Escape: "\uE00C", Space: " ", End: "\uE010", Home: "\uE011", ArrowLeft: "\uE012",
  ArrowUp: "\uE013", ArrowRight: "\uE014", ArrowDown: "\uE015", Backspace: "\uE003", Shift: "\uE008" };

/** In the page: the elements `selector` matches, piercing open shadow roots at each descendant
 * combinator (as Playwright's CSS locators do), filtered by `hasText`. */
const FIND = `(selector, hasText) => {
  const deep = (root) => { const out = []; const walk = (n) => { for (const c of n.children) { out.push(c); if (c.shadowRoot) walk(c.shadowRoot); walk(c); } }; if (root.shadowRoot) walk(root.shadowRoot); walk(root); return out; };
  const parts = selector.match(/(?:[^\\s"'\\[]+|\\[[^\\]]*\\]|"[^"]*"|'[^']*')+/g);
  let found = [document];
  for (const part of parts) found = [...new Set(found.flatMap((n) => deep(n).filter((e) => e.matches(part))))];
  if (hasText) {
    const test = typeof hasText === "string" ? (t) => t.includes(hasText) : (t) => new RegExp(hasText.source, hasText.flags).test(t);
    found = found.filter((e) => test(e.textContent));
  }
  return found;
}`;

class Locator {
  constructor(page, selector, hasText = null, nth = null) {
    Object.assign(this, { page, selector, hasText, nth });
  }
  first() { return new Locator(this.page, this.selector, this.hasText, 0); }
  /** Runs `fn(elements, arg)` in the page on the matched elements. */
  all(fn, arg) {
    const ht = this.hasText instanceof RegExp ? { source: this.hasText.source, flags: this.hasText.flags } : this.hasText;
    return this.page.evaluate(new Function("a", `const els = (${FIND})(a.selector, a.hasText); const list = a.nth === null ? els : els.slice(a.nth, a.nth + 1); return (${fn})(list, a.arg);`),
      { selector: this.selector, hasText: ht, nth: this.nth, arg });
  }
  async one(fn, arg) {
    const deadline = Date.now() + 30000;
    for (;;) {
      const r = await this.all(`(els, arg) => els.length ? { ok: true, value: (${fn})(els[0], arg) } : { ok: false }`, arg);
      if (r.ok) return r.value;
      if (Date.now() > deadline) throw new Error(`locator ${this.selector}: no element`);
      await sleep(50);
    }
  }
  async evaluate(fn, arg) {
    // The function may be async: resolve it in the page.
    const ht = this.hasText instanceof RegExp ? { source: this.hasText.source, flags: this.hasText.flags } : this.hasText;
    return this.page.evaluate(new Function("a", `const els = (${FIND})(a.selector, a.hasText); const e = a.nth === null ? els[0] : els[a.nth]; if (!e) throw new Error("no element: " + a.selector); return (${fn})(e, a.arg);`),
      { selector: this.selector, hasText: ht, nth: this.nth ?? 0, arg });
  }
  count() { return this.all("(els) => els.length"); }
  allTextContents() { return this.all("(els) => els.map((e) => e.textContent)"); }
  textContent() { return this.one("(e) => e.textContent"); }
  getAttribute(name) { return this.one("(e, n) => e.getAttribute(n)", name); }
  inputValue() { return this.one("(e) => e.value"); }
  isVisible() { return this.all("(els) => !!els[0] && els[0].getClientRects().length > 0 && getComputedStyle(els[0]).visibility !== 'hidden'"); }
  boundingBox() { return this.one("(e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }"); }
  scrollIntoViewIfNeeded() { return this.one("(e) => e.scrollIntoView({ block: 'nearest', inline: 'nearest' })"); }
  blur() { return this.one("(e) => e.blur()"); }
  dispatchEvent(type) { return this.one("(e, t) => e.dispatchEvent(new Event(t, { bubbles: true, cancelable: true, composed: true }))", type); }
  selectOption(value) {
    return this.one(`(e, v) => {
      const o = [...e.options].find((o) => o.value === v) || [...e.options].find((o) => o.label === v);
      if (!o) throw new Error("no option " + v);
      e.value = o.value;
      e.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
      e.dispatchEvent(new Event("change", { bubbles: true }));
    }`, value);
  }
  async waitFor({ state = "visible", timeout = 30000 } = {}) {
    const deadline = Date.now() + timeout;
    while (!((await this.isVisible()) === (state === "visible"))) {
      if (Date.now() > deadline) throw new Error(`locator ${this.selector}: not ${state} within ${timeout} ms`);
      await sleep(50);
    }
  }
  /** A real click: the element scrolled into view, then the pointer at its centre. */
  async click() {
    const { x, y } = await this.one("(e) => { e.scrollIntoView({ block: 'center', inline: 'center' }); const r = e.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; }");
    await this.page.mouse.click(x, y);
  }
}

class Page {
  constructor(driver, session, options) {
    Object.assign(this, { driver, session, options, listeners: { console: [], pageerror: [], request: [] } });
    this.keyboard = { press: (key) => this.actions([{ type: "key", id: "kb", actions: [{ type: "keyDown", value: KEYS[key] ?? key }, { type: "keyUp", value: KEYS[key] ?? key }] }]) };
    const pointer = (actions) => this.actions([{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions }]);
    const at = (x, y) => ({ type: "pointerMove", duration: 0, origin: "viewport", x: Math.round(x), y: Math.round(y) });
    this.mouse = {
      move: (x, y) => pointer([at(x, y)]),
      click: (x, y) => pointer([at(x, y), { type: "pointerDown", button: 0 }, { type: "pointerUp", button: 0 }]),
    };
  }
  async call(method, path, body) {
    // Bounded: a command that hangs fails its test in a minute, not at fetch's 300 s.
    const r = await fetch(`${this.driver.url}/session/${this.session}${path}`, { method, headers: { "content-type": "application/json" },
      body: body && JSON.stringify(body), signal: AbortSignal.timeout(path === "" ? 5000 : 60000) });
    const { value } = await r.json();
    if (value && value.error) throw new Error(`WebDriver ${path}: ${value.error}: ${value.message}`);
    return value;
  }
  on(event, handler) { this.listeners[event]?.push(handler); }
  deliver(taken) {
    if (!taken) return;
    this.href = taken.href;
    for (const m of taken.log) {
      if (m.kind === "console") for (const h of this.listeners.console) h({ type: () => m.type, text: () => m.text });
      else for (const h of this.listeners.pageerror) h(new Error(m.message));
    }
    for (const u of taken.requests) for (const h of this.listeners.request) h({ url: () => u });
  }
  /** `fn(arg)` in the page (a function or its source), awaited there; JSON in, JSON out. */
  async evaluate(fn, arg) {
    const script = `return (async (args) => { const value = await (${fn}).apply(null, args); return [value === undefined ? null : value, window.__rtTake ? window.__rtTake() : null]; })([...arguments]);`;
    const [value, taken] = await this.call("POST", "/execute/sync", { script, args: arg === undefined ? [] : [arg] });
    this.deliver(taken);
    return value;
  }
  async waitForFunction(fn, arg, { timeout = 30000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate(fn, arg);
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`waitForFunction: not true within ${timeout} ms: ${String(fn).slice(0, 200)}`);
      await sleep(50);
    }
  }
  waitForSelector(selector, { state = "visible", timeout } = {}) { return this.locator(selector).waitFor({ state, timeout }); }
  async goto(url) {
    await this.evaluate("() => {}").catch(() => {}); // what the previous document recorded
    this.driver.initScripts = this.initScripts || [];
    initScripts = this.driver.initScripts;
    await this.call("POST", "/url", { url });
    await this.evaluate("() => {}");
    const answer = await fetch(url).catch(() => null);
    return answer && { status: () => answer.status, headers: () => Object.fromEntries(answer.headers), url: () => url };
  }
  /** The page's URL when the page last answered (playwright-core's url() is synchronous too). */
  url() { return this.href ?? "about:blank"; }
  async addInitScript(fn) {
    (this.initScripts ||= []).push(typeof fn === "function" ? `(${fn})();` : fn);
  }
  addScriptTag({ content, url }) {
    return this.evaluate(`(a) => new Promise((ok, fail) => {
      const s = document.createElement("script");
      if (a.url) { s.src = a.url; s.onload = () => ok(null); s.onerror = () => fail(new Error("addScriptTag: " + a.url + " failed")); }
      else s.textContent = a.content;
      document.head.append(s);
      if (!a.url) ok(null);
    })`, { content: content ?? null, url: url ?? null });
  }
  locator(selector, { hasText } = {}) { return new Locator(this, selector, hasText); }
  click(selector) { return this.locator(selector).click(); }
  selectOption(selector, value) { return this.locator(selector).selectOption(value); }
  inputValue(selector) { return this.locator(selector).inputValue(); }
  isHidden(selector) { return this.locator(selector).isVisible().then((v) => !v); }
  async screenshot() { return Buffer.from(await this.call("GET", "/screenshot"), "base64"); }
  viewportSize() { return this.viewport; }
  /** The window sized so that the page's viewport is `width` × `height` CSS pixels (as near as
   * MiniBrowser allows: its window is at least 447 px wide). */
  async setViewportSize({ width, height }) {
    let rect = { width, height };
    let w, h;
    for (let i = 0; i < 3; i++) {
      await this.call("POST", "/window/rect", rect);
      [w, h] = await this.evaluate(() => [innerWidth, innerHeight]);
      if (w === width && h === height) break;
      rect = { width: rect.width + width - w, height: rect.height + height - h };
    }
    this.viewport = { width: w, height: h }; // what it is, if MiniBrowser could not make it so
  }
  actions(list) { return this.call("POST", "/actions", { actions: list }); }
  context() { return { close: () => this.close(), pages: () => [this] }; }
  async close() {
    if (this.closed) return;
    this.closed = true;
    await this.call("DELETE", "").catch(() => {});
    this.driver.stop();
  }
}

// Every X server and driver this process started ends with it, even when a test fails or hangs
// (a driver's MiniBrowser ends with its driver).
const children = new Set();
const kill = (c) => {
  try {
    if (c.exitCode === null && c.signalCode === null) c.spawnargs[0] === "Xvfb" ? c.kill() : process.kill(-c.pid, "SIGKILL");
  } catch {}
};
process.on("exit", () => {
  for (const c of children) kill(c);
});

/** A WebKitGTK "browser": an X server, and `newPage(options)` for pages. */
export async function launchWebKit() {
  // Xvfb picks a free display and writes its number on fd 3. Its screen is smaller than any
  // window: with no window manager, X gives the keyboard focus to the window under the pointer,
  // which starts at the screen's centre, and each MiniBrowser window opens at 0,0. A window without
  // focus makes WebKit match no :focus or :focus-visible (and document.hasFocus() is false).
  const xvfb = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "320x240x24", "-nolisten", "tcp"], { stdio: ["ignore", "ignore", "ignore", "pipe"] });
  const display = await new Promise((ok, fail) => {
    let out = "";
    xvfb.stdio[3].on("data", (d) => (out += d) && out.includes("\n") && ok(`:${out.trim()}`));
    xvfb.on("exit", (code) => fail(new Error(`Xvfb exited (${code}): is the xvfb package installed?`)));
  });
  const pages = new Set();
  children.add(xvfb);
  const browser = {
    display,
    async newContext(options = {}) {
      const page = await browser.newPage(options);
      return { newPage: async () => page, close: () => page.close() };
    },
    async newPage({ viewport = { width: 1280, height: 720 }, colorScheme } = {}) {
      const port = await freePort();
      // In its own process group, so that stopping it stops its MiniBrowser too (a session whose
      // DELETE hangs, say).
      const proc = spawn(DRIVER, [`--port=${port}`], { stdio: "ignore", detached: true, env: { ...process.env, DISPLAY: display } });
      const driver = { url: `http://127.0.0.1:${port}`, stop: () => kill(proc) };
      children.add(proc);
      let session;
      for (let i = 0; ; i++) {
        try {
          const r = await fetch(`${driver.url}/session`, { method: "POST", headers: { "content-type": "application/json" }, signal: AbortSignal.timeout(20000), body: JSON.stringify({ capabilities: { alwaysMatch: {
            // A page that never loads fails its test in 30 s, not WebDriver's default 300 s.
            timeouts: { pageLoad: 30000, script: 30000 },
            "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation", ...(colorScheme === "dark" ? ["--dark-mode"] : [])] } } } }) });
          const { value } = await r.json();
          if (value.error) throw new Error(`${value.error}: ${value.message}`);
          session = value.sessionId;
          break;
        } catch (e) {
          if (i > 100 || proc.exitCode !== null) throw new Error(`WebKitWebDriver: ${e.message}`);
          await sleep(50);
        }
      }
      const page = new Page(driver, session, { colorScheme });
      pages.add(page);
      const close = page.close.bind(page);
      page.close = () => (pages.delete(page), close());
      await page.setViewportSize(viewport);
      return page;
    },
    async close() {
      await Promise.all([...pages].map((p) => p.close()));
      kill(xvfb);
    },
  };
  return browser;
}
