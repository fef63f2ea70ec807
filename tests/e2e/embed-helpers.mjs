// Helpers for the embedding tests (embed, csp, isolation, iframe): a temporary site root with the
// fixtures next to www/, the strict CSP, the README's snippets, the two-file build's names.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { WWW } from "./harness.mjs";

export const REPO = resolve(import.meta.dirname, "../..");
export const FIXTURES = resolve(import.meta.dirname, "fixtures");

/** The Content-Security-Policy the README promises the widget works under. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/**
 * A temporary site root: every entry of www/ (symlinked, so dist/ is the build's) plus fixtures/.
 * `write(path, text)` adds a generated page; `remove()` deletes the whole directory.
 */
export function siteRoot() {
  const dir = mkdtempSync(join(tmpdir(), "relief-timeline-site-"));
  for (const name of readdirSync(WWW)) symlinkSync(join(WWW, name), join(dir, name));
  symlinkSync(FIXTURES, join(dir, "fixtures"));
  return {
    dir,
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The first ```html block after the README heading `### <heading>`, whitespace-normalised. */
export function readmeSnippet(heading) {
  const readme = readFileSync(join(REPO, "README.md"), "utf8");
  const at = readme.indexOf(`\n### ${heading}\n`);
  if (at < 0) throw new Error(`README has no "### ${heading}" section`);
  const block = /```html\n([\s\S]*?)```/.exec(readme.slice(at));
  if (!block) throw new Error(`README's "### ${heading}" section has no html block`);
  return block[1].trim();
}

/** A README snippet for a page at the root of a test site, where dist/ sits next to the page: the
 * README's snippets use the root path of the folder a blogger uploads, `/relief-timeline/dist/`. */
export const besideDist = (snippet) => snippet.replaceAll('"/relief-timeline/dist/', '"dist/');

export const squash = (s) => s.replace(/\s+/g, " ").trim();

/** The two-file build's names and integrity, from the build's dist/sri.json. */
export function splitBuild() {
  const sri = JSON.parse(readFileSync(join(REPO, "dist/sri.json"), "utf8"));
  const js = Object.keys(sri).find((n) => /^relief-timeline\.[0-9a-f]{10}\.js$/.test(n));
  const wasm = Object.keys(sri).find((n) => /^relief-timeline\.[0-9a-f]{10}\.wasm$/.test(n));
  if (!js || !wasm) throw new Error("dist/sri.json lists no two-file build: run ./x build");
  return { js, wasm, integrity: sri[js] };
}

/** From the first byte of every document: CSP violations into window.__violations. */
export async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"}`));
  });
}

/** Resolves with the next timelinechange of `selector` (its detail, plus how many fired by then). */
export async function nextChange(page, selector = "relief-timeline") {
  // Resolves once the listener is attached in the page (so the change that follows cannot be
  // missed), to a function that waits for the next timelinechange (or fails after 10 s).
  const key = await page.evaluate((s) => {
    const k = `__rtChange${Math.random().toString(36).slice(2)}`;
    window[k] = new Promise((ok, fail) => {
      const el = document.querySelector(s);
      const t = setTimeout(() => fail(new Error(`no timelinechange on ${s} within 10 s`)), 10000);
      el.addEventListener("timelinechange", (e) => {
        clearTimeout(t);
        ok({ p50: e.detail.timeline.relief.p50, scenario: e.detail.scenario, target: e.target.id, timeline: e.detail.timeline });
      }, { once: true });
    });
    return k;
  }, selector);
  return () => page.evaluate((k) => window[k], key);
}

/** From the first byte: counts timelinechange events per element id in window.__changes. */
export async function countChanges(page) {
  await page.addInitScript(() => {
    window.__changes = {};
    addEventListener("timelinechange", (e) => {
      const id = e.target.id || "(no id)";
      window.__changes[id] = (window.__changes[id] || 0) + 1;
    });
  });
}

/** The chart's canvas: its CSS box, its backing store and the colour of its top-left pixel. */
export async function canvasInfo(page, selector = "relief-timeline") {
  return page.evaluate((s) => {
    const canvas = document.querySelector(s).shadowRoot.querySelector("canvas");
    const r = canvas.getBoundingClientRect();
    const [red, green, blue] = canvas.getContext("2d").getImageData(2, 2, 1, 1).data;
    return { width: r.width, height: r.height, backingWidth: canvas.width, backingHeight: canvas.height, corner: red + green + blue };
  }, selector);
}

/**
 * Resolves once every widget on the page has drawn all it was going to: the page has loaded, the
 * wasm is ready, and no widget has a draw scheduled, two animation frames in a row (a draw's own
 * resize is seen by the ResizeObserver in the draw's frame, and schedules in it). The positive
 * signal a test waits for before it checks that something did NOT happen (no second draw, say),
 * instead of a fixed sleep.
 */
export const settled = (page) => page.evaluate(async () => {
  const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
  if (document.readyState !== "complete") await new Promise((ok) => addEventListener("load", ok, { once: true }));
  await customElements.get("relief-timeline").api();
  const busy = () => [...document.querySelectorAll("relief-timeline")].some((e) => e._frame);
  for (let quiet = 0; quiet < 2;) {
    quiet = busy() ? 0 : quiet + 1;
    await frame();
  }
});

/**
 * Clicks what `click()` clicks and resolves with the file the widget saves: `{ name, body }`
 * (a Buffer). Captured in the page, at the widget's blob: link (the same in every engine: no
 * engine's driver has to support downloads), from `page` or an iframe's frame.
 */
export async function saved(page, click) {
  await page.evaluate(() => {
    window.__saved = [];
    if (window.__savedHook) return;
    window.__savedHook = true;
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      if (!this.download || !this.href.startsWith("blob:")) return click.call(this);
      const entry = { name: this.download, body: null };
      window.__saved.push(entry);
      fetch(this.href).then((r) => r.arrayBuffer()).then((b) => {
        let s = "";
        for (const byte of new Uint8Array(b)) s += String.fromCharCode(byte);
        entry.body = btoa(s);
      });
    };
  });
  await click();
  await page.waitForFunction(() => window.__saved.length && window.__saved[0].body !== null);
  const { name, body } = await page.evaluate(() => window.__saved[0]);
  return { name, body: Buffer.from(body, "base64") };
}

/** Types `value` into an input as a reader would (the value, then an input event), replacing
 * what was there: Playwright's fill() over WebDriver BiDi appends to a number input instead. */
export const typeInto = (locator, value) => locator.evaluate((e, v) => {
  e.focus();
  e.value = v;
  e.dispatchEvent(new Event("input", { bubbles: true }));
}, value);
