// WebKitGTK (Safari's engine family) for the browser tests: a thin adapter that gives the subset of
// playwright-core's Browser/Page API the tests use, over classic WebDriver (WebKitWebDriver 2.50
// refuses `webSocketUrl`, so neither BiDi nor CDP), with `node:` fetch to its HTTP endpoint.
//
// - One X server (Xvfb) per browser; one WebKitWebDriver and one MiniBrowser per page (a page is a
//   WebDriver session: WebKitWebDriver holds one session at a time, and the colour scheme is a
//   MiniBrowser flag, `--dark-mode`). Device pixel ratio 1, or a whole `deviceScaleFactor` (GTK's
//   window scale, GDK_SCALE).
// - What classic WebDriver cannot see, the test server provides: with RT_ENGINE=webkit, `serve()`
//   puts `<script src="/__rt/init.js">` first in every HTML page it answers (same-origin, so a
//   strict CSP allows it). That script records console errors and warnings, uncaught exceptions
//   and unhandled rejections, and runs the page's `addInitScript` scripts; every `evaluate` also
//   collects what it recorded (and the page's requests, from Resource Timing) for the `console`,
//   `pageerror` and `request` listeners. Not seen: the engine's own console messages (a CSP
//   refusal, a failed load) and requests Resource Timing does not list.
//   The recorder's own script is hidden from the page's Resource Timing (performance.getEntries*).
// - The session's page-load strategy is "none": no command waits for a page's load, and `goto` and
//   `reload` wait for what their `waitUntil` says ("commit", "domcontentloaded", "load") by polling
//   the page. `goto`'s response is the server's answer to the same URL fetched again from Node
//   (WebDriver does not expose the browser's).
// - Frames: `page.frames()`, `contentFrame()`, and a frame's evaluate, waitForFunction and
//   locators, each command in its frame (`POST /frame` by index from the top; the session's current
//   frame is one at a time, so a page's commands take turns). Clicks and key presses are the page's.
// - `context.cookies()` is WebDriver's `GET /cookie`: the current document's cookies only.
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
  // The recorder is the adapter's, not the page's: hidden from the page's Resource Timing.
  for (const name of ["getEntries", "getEntriesByType", "getEntriesByName"]) {
    const original = Performance.prototype[name];
    Performance.prototype[name] = function (...args) { return original.apply(this, args).filter((e) => !e.name.includes("/__rt/")); };
  }
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

/** In the page: the elements a locator's steps match. Each step is a selector, matched under the
 * previous step's elements (the document first), piercing open shadow roots at each descendant
 * combinator (as Playwright's CSS locators do), then filtered by `hasText` and cut to its `nth`. */
const FIND = `(steps) => {
  const deep = (root) => { const out = []; const walk = (n) => { for (const c of n.children) { out.push(c); if (c.shadowRoot) walk(c.shadowRoot); walk(c); } }; if (root.shadowRoot) walk(root.shadowRoot); walk(root); return out; };
  let found = [document];
  for (const { selector, hasText, nth } of steps) {
    for (const part of selector.match(/(?:[^\\s"'\\[]+|\\[[^\\]]*\\]|"[^"]*"|'[^']*')+/g)) found = [...new Set(found.flatMap((n) => deep(n).filter((e) => e.matches(part))))];
    if (hasText) {
      const test = typeof hasText === "string" ? (t) => t.includes(hasText) : (t) => new RegExp(hasText.source, hasText.flags).test(t);
      found = found.filter((e) => test(e.textContent));
    }
    if (nth !== null) found = found.at(nth) ? [found.at(nth)] : [];
  }
  return found;
}`;

const step = (selector, hasText = null) =>
  ({ selector, hasText: hasText instanceof RegExp ? { source: hasText.source, flags: hasText.flags } : hasText, nth: null });

class Locator {
  /** `frame`: the page or the frame it searches; `steps`: see FIND. */
  constructor(frame, steps) {
    Object.assign(this, { frame, steps });
  }
  nth(i) { return new Locator(this.frame, [...this.steps.slice(0, -1), { ...this.steps.at(-1), nth: i }]); }
  first() { return this.nth(0); }
  last() { return this.nth(-1); }
  /** The elements `selector` matches inside this locator's (Playwright's chained locators). */
  locator(selector, { hasText } = {}) { return new Locator(this.frame, [...this.steps, step(selector, hasText)]); }
  /** Runs `fn(elements, arg)` in the page on the matched elements (awaited there). */
  all(fn, arg) {
    return this.frame.evaluate(new Function("a", `const els = (${FIND})(a.steps); return (${fn})(els, a.arg);`), { steps: this.steps, arg });
  }
  /** `fn(element, arg)` on the first matched element, once there is one (as Playwright waits). */
  async one(fn, arg) {
    const deadline = Date.now() + 30000;
    for (;;) {
      const r = await this.all(`async (els, arg) => els.length ? { ok: true, value: await (${fn})(els[0], arg) } : { ok: false }`, arg);
      if (r.ok) return r.value;
      if (Date.now() > deadline) throw new Error(`locator ${this.steps.map((s) => s.selector).join(" >> ")}: no element`);
      await sleep(50);
    }
  }
  evaluate(fn, arg) { return this.one(fn, arg); }
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
    const now = () => (state === "attached" || state === "detached" ? this.count().then((n) => n > 0 === (state === "attached")) : this.isVisible().then((v) => v === (state === "visible")));
    while (!(await now())) {
      if (Date.now() > deadline) throw new Error(`locator ${this.steps.map((s) => s.selector).join(" >> ")}: not ${state} within ${timeout} ms`);
      await sleep(50);
    }
  }
  /** A real click: the element scrolled into view, then the pointer at its centre (in the page's
   * frame only: WebDriver's pointer coordinates are the top-level viewport's). */
  async click() {
    if (this.frame.path.length) throw new Error("webkit.mjs: clicks in a frame are not supported");
    const { x, y } = await this.one("(e) => { e.scrollIntoView({ block: 'center', inline: 'center' }); const r = e.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; }");
    await this.frame.mouse.click(x, y);
  }
}

/** What `page.waitForSelector` resolves to: enough of an ElementHandle for `contentFrame()`. */
class ElementHandle {
  constructor(locator) {
    this.locator = locator;
  }
  /** The frame of this iframe element: its index among its document's child frames (`window[i]`). */
  async contentFrame() {
    const i = await this.locator.one("(e) => { for (let i = 0; i < window.length; i++) if (window[i] === e.contentWindow) return i; return -1; }");
    return i < 0 ? null : new Frame(this.locator.frame.page, [...this.locator.frame.path, i]);
  }
}

/** JSON that keeps what an evaluate's argument or value may hold and JSON does not (as
 * Playwright's serializer does): NaN, ±Infinity, -0, undefined, dates, regular expressions, BigInts.
 * The same source runs in Node and in the page. */
function encode(value) {
  return JSON.stringify(value, function (k, json) {
    const v = this[k];
    const tag = (t, more) => ({ "\u0000rt": t, ...more });
    if (typeof v === "number" && (!Number.isFinite(v) || Object.is(v, -0))) return tag(Object.is(v, -0) ? "-0" : String(v));
    if (v === undefined) return tag("undefined");
    if (typeof v === "bigint") return tag("bigint", { v: String(v) });
    if (v instanceof Date) return tag("date", { v: v.getTime() });
    if (v instanceof RegExp) return tag("regexp", { source: v.source, flags: v.flags });
    return json;
  });
}
function decode(text) {
  const special = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity, "-0": -0, undefined: undefined };
  return JSON.parse(text, (k, x) => {
    if (!x || typeof x !== "object" || !("\u0000rt" in x)) return x;
    const t = x["\u0000rt"];
    return t === "bigint" ? BigInt(x.v) : t === "date" ? new Date(x.v) : t === "regexp" ? new RegExp(x.source, x.flags) : special[t];
  });
}

/** In a frame, with the script's value: what the recorder took, the frame's URL, its child frames'
 * URLs (a cross-origin child's from its element's `src`: its location cannot be read). */
const EVALUATE = `const encode = ${encode}, decode = ${decode};
return (async (args) => {
  const value = await (%FN%).apply(null, args);
  const elements = [...document.querySelectorAll("iframe, frame, object")];
  const frames = Array.from({ length: window.length }, (_, i) => {
    try { return window[i].location.href; } catch { const e = elements.find((e) => e.contentWindow === window[i]); return e ? e.src || e.data : "about:blank"; }
  });
  return encode([value, window.__rtTake ? window.__rtTake() : null, location.href, frames]);
})(decode(arguments[0]));`;

const key = (path) => path.join(".");

/**
 * A frame: the page itself (path []), or a child frame by its index in each parent (WebDriver's
 * `POST /frame {id: i}` from the top). Its `url()` is the one seen last: by the frame itself, or by
 * its parent (for a cross-origin frame the parent has not evaluated in, its element's `src`).
 */
class Frame {
  constructor(page, path) {
    Object.assign(this, { page, path });
  }
  url() { return this.page.urls.get(key(this.path)) ?? "about:blank"; }
  /** `fn(arg)` in the frame (a function or its source), awaited there; JSON in, JSON out. */
  async evaluate(fn, arg) {
    const script = EVALUATE.replace("%FN%", () => String(fn));
    const [value, taken, href, frames] = decode(await this.page.callIn(this.path, "POST", "/execute/sync", { script, args: [encode([arg])] }));
    this.page.deliver(this.path, taken, href, frames);
    return value;
  }
  async waitForFunction(fn, arg, { timeout = 30000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      let value;
      try {
        value = await this.evaluate(fn, arg);
      } catch (e) {
        // A child frame not there yet (its iframe not inserted) is one the wait is for.
        if (!this.path.length || !/no such frame/.test(e.message)) throw e;
      }
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`waitForFunction: not true within ${timeout} ms: ${String(fn).slice(0, 200)}`);
      await sleep(50);
    }
  }
  async waitForSelector(selector, { state = "visible", timeout } = {}) {
    const locator = this.locator(selector);
    await locator.waitFor({ state, timeout });
    return state === "visible" || state === "attached" ? new ElementHandle(locator) : null;
  }
  locator(selector, { hasText } = {}) { return new Locator(this, [step(selector, hasText)]); }
  click(selector) { return this.locator(selector).click(); }
  selectOption(selector, value) { return this.locator(selector).selectOption(value); }
  inputValue(selector) { return this.locator(selector).inputValue(); }
  isHidden(selector) { return this.locator(selector).isVisible().then((v) => !v); }
}

class Page extends Frame {
  constructor(driver, session, options) {
    super(null, []);
    this.page = this;
    Object.assign(this, { driver, session, options, listeners: { console: [], pageerror: [], request: [] } });
    this.urls = new Map(); // frame path -> URL (see Frame.url)
    this.children = new Map(); // frame path -> how many child frames it had when last seen
    this.at = []; // the session's current frame (null: not known)
    this.queue = Promise.resolve();
    this.navigations = 0;
    this.keyboard = { press: (key) => this.actions([{ type: "key", id: "kb", actions: [{ type: "keyDown", value: KEYS[key] ?? key }, { type: "keyUp", value: KEYS[key] ?? key }] }]) };
    const pointer = (actions) => this.actions([{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions }]);
    const at = (x, y) => ({ type: "pointerMove", duration: 0, origin: "viewport", x: Math.round(x), y: Math.round(y) });
    this.mouse = {
      move: (x, y) => pointer([at(x, y)]),
      click: (x, y) => pointer([at(x, y), { type: "pointerDown", button: 0 }, { type: "pointerUp", button: 0 }]),
    };
  }
  /** One WebDriver command of this page's session. */
  async raw(method, path, body) {
    // Bounded: a command that hangs fails its test in a minute, not at fetch's 300 s.
    const r = await fetch(`${this.driver.url}/session/${this.session}${path}`, { method, headers: { "content-type": "application/json" },
      body: body && JSON.stringify(body), signal: AbortSignal.timeout(path === "" ? 5000 : 60000) });
    const { value } = await r.json();
    if (value && value.error) throw new Error(`WebDriver ${path}: ${value.error}: ${value.message}`);
    return value;
  }
  /** A command in the frame at `frame` (a path of child-frame indices; [] is the page). A session
   * has one current frame, so commands take turns: each switches to its frame first if need be. */
  callIn(frame, method, path, body) {
    const run = async () => {
      try {
        if (this.at === null || key(this.at) !== key(frame)) {
          this.at = null;
          await this.raw("POST", "/frame", { id: null });
          for (const id of frame) await this.raw("POST", "/frame", { id });
          this.at = frame;
        }
        return await this.raw(method, path, body);
      } catch (e) {
        if (frame.length) this.at = null; // the frame may be gone: switch afresh next time
        throw e;
      }
    };
    const done = this.queue.then(run, run);
    this.queue = done.catch(() => {});
    return done;
  }
  call(method, path, body) { return this.callIn([], method, path, body); }
  on(event, handler) { this.listeners[event]?.push(handler); }
  /** What an evaluate in the frame at `path` brought back: the frame's URL and child frames, and
   * the recorder's console messages, exceptions and requests (for the page's listeners, as a
   * page's events in Playwright include its frames'). */
  deliver(path, taken, href, frames) {
    if (href) this.urls.set(key(path), href);
    if (frames) {
      this.children.set(key(path), frames.length);
      frames.forEach((u, i) => this.urls.set(key([...path, i]), u));
    }
    if (!taken) return;
    for (const m of taken.log) {
      if (m.kind === "console") for (const h of this.listeners.console) h({ type: () => m.type, text: () => m.text });
      else for (const h of this.listeners.pageerror) h(new Error(m.message));
    }
    for (const u of taken.requests) for (const h of this.listeners.request) h({ url: () => u });
  }
  /** The page's frames as last seen: the page first, then its child frames, depth first. */
  frames() {
    const out = [];
    const walk = (path) => {
      out.push(path.length ? new Frame(this, path) : this);
      for (let i = 0; i < (this.children.get(key(path)) ?? 0); i++) walk([...path, i]);
    };
    walk([]);
    return out;
  }
  mainFrame() { return this; }
  /**
   * Navigates (`go()`: the WebDriver command) and waits until `waitUntil`: the session's page-load
   * strategy is "none", so the commands return at once and this polls the page instead. The
   * document being left is marked first, so that the wait is for the next one (or, for a link to
   * a fragment of the same document, for the new URL).
   */
  async navigate(go, waitUntil = "load", url = null) {
    const mark = `__rtLeaving${++this.navigations}`;
    // (Also collects what the previous document recorded.)
    const from = await this.evaluate((m) => ((document[m] = true), location.href), mark).catch(() => null);
    const base = (u) => u.replace(/#.*/, "");
    const sameDocument = url !== null && from !== null && url.includes("#") && base(url) === base(from);
    this.driver.initScripts = this.initScripts || [];
    initScripts = this.driver.initScripts;
    this.urls.clear();
    this.children.clear();
    await go();
    this.at = []; // a navigation selects the page
    const deadline = Date.now() + 30000;
    let last = "";
    for (;;) {
      try {
        const there = await this.evaluate(([m, until, same, url]) => (same ? location.href === url : !document[m]) &&
          (until === "commit" || (until === "domcontentloaded" ? document.readyState !== "loading" : document.readyState === "complete")),
        [mark, waitUntil, sameDocument, url]);
        if (there) return;
      } catch (e) {
        last = `: ${e.message}`; // the old document going away under the script, say
      }
      if (Date.now() > deadline) throw new Error(`${url ?? "reload"}: no ${waitUntil} within 30 s${last}`);
      await sleep(20);
    }
  }
  /** Its response is the server's answer to the same URL fetched again from Node (WebDriver does
   * not expose the browser's). */
  async goto(url, { waitUntil = "load" } = {}) {
    await this.navigate(() => this.call("POST", "/url", { url }), waitUntil, url);
    const answer = await fetch(url).catch(() => null);
    return answer && { status: () => answer.status, headers: () => Object.fromEntries(answer.headers), url: () => url };
  }
  async reload({ waitUntil = "load" } = {}) {
    await this.navigate(() => this.call("POST", "/refresh", {}), waitUntil);
    return null;
  }
  /** The page's URL when the page last answered (playwright-core's url() is synchronous too). */
  url() { return this.urls.get("") ?? "about:blank"; }
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
  /** Its context (one page each): its events, and the cookies WebDriver sees (the current
   * document's: classic WebDriver lists no other site's). */
  context() {
    return (this.contextObject ||= {
      close: () => this.close(),
      pages: () => [this],
      newPage: async () => this,
      on: (event, handler) => this.on(event, handler),
      cookies: async () => (await this.call("GET", "/cookie")).map((c) => ({ name: c.name, value: c.value, domain: c.domain, path: c.path,
        expires: c.expiry ?? -1, httpOnly: c.httpOnly, secure: c.secure, sameSite: c.sameSite })),
    });
  }
  async close() {
    if (this.closed) return;
    this.closed = true;
    await this.raw("DELETE", "").catch(() => {});
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
      return (await browser.newPage(options)).context();
    },
    /** A page: `deviceScaleFactor` (a whole number) is GTK's window scale (GDK_SCALE), which
     * WebKit takes as its device pixel ratio. */
    async newPage({ viewport = { width: 1280, height: 720 }, colorScheme, deviceScaleFactor = 1 } = {}) {
      if (!Number.isInteger(deviceScaleFactor)) throw new Error(`webkit.mjs: deviceScaleFactor ${deviceScaleFactor} is not a whole number (GDK_SCALE)`);
      const port = await freePort();
      // In its own process group, so that stopping it stops its MiniBrowser too (a session whose
      // DELETE hangs, say).
      const proc = spawn(DRIVER, [`--port=${port}`], { stdio: "ignore", detached: true,
        env: { ...process.env, DISPLAY: display, GDK_SCALE: String(deviceScaleFactor) } });
      const driver = { url: `http://127.0.0.1:${port}`, stop: () => kill(proc) };
      children.add(proc);
      let session;
      for (let i = 0; ; i++) {
        try {
          const r = await fetch(`${driver.url}/session`, { method: "POST", headers: { "content-type": "application/json" }, signal: AbortSignal.timeout(20000), body: JSON.stringify({ capabilities: { alwaysMatch: {
            // Navigations return at once (Page.navigate waits, for what its waitUntil says), and
            // no command waits for a page's load: a test may work in a page that never loads.
            pageLoadStrategy: "none",
            timeouts: { script: 30000 },
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
