// The Hugo shortcode (packages/hugo/relief-timeline) and the Jekyll include (packages/jekyll) in
// real sites: each is built by Debian's `hugo` / `jekyll` in a temporary folder, with the posts'
// embed code written by the builder's own snippet functions (www/builder/snippets.js), served
// under /blog/ (the sites' base path) from 127.0.0.1, and opened in headless Chromium.
//
// The packages are staged as scripts/package.mjs stages them for a release (the folder, plus
// dist/relief-timeline{,.es,.de}.js in static/relief-timeline/ or assets/relief-timeline/), from
// packages/ and dist/ as they are now: run `./x build` first.
//
//   node --test tests/platforms/hugo-jekyll.test.mjs
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { launch, open, serve, waitForChart } from "../e2e/harness.mjs";
import { hugo, jekyll } from "../../www/builder/snippets.js";

const REPO = resolve(import.meta.dirname, "../..");
const DIST = join(REPO, "dist");
const BUNDLES = ["relief-timeline.js", "relief-timeline.es.js", "relief-timeline.de.js"];
const run = promisify(execFile);

/** A scenario that differs from the defaults in every attribute given, hyphenated ones included. */
const SCENARIO = [["route", "oral"], ["dose-mg-per-kg", "1.5"], ["sessions", "3"], ["condition", "fibromyalgia"], ["controls", true]];
const EXPECTED = { route: "oral", doseMgPerKg: 1.5, sessions: 3, condition: "fibromyalgia" };
// With a field added late to the schema (liver-function) and a comparison: the templates pass
// every attribute the element reads, not a list that was once copied.
const SECOND = [["route", "im-injection"], ["boosters", "2"], ["booster-every-days", "21"], ["pain-sensitivity", "high"], ["liver-function", "reduced"], ["compare-boosters", "0"], ["compare-label", "no boosters"]];
/** Spanish, from js/i18n/es.json (summary.disclaimer): the widget's summary in Spanish. */
const SPANISH = "Esta es una estimación educativa, no un consejo médico.";
/** A value with markup: what the shortcode/include must write as an escaped attribute value. */
const HOSTILE = '"><script>window.pwned=1</script>';
/** The hostile page, written by hand (the snippets never carry markup): a `"` inside a quoted
 * parameter is `\"` for both Hugo's shortcode parser and Jekyll's include tag. The unknown
 * parameters are dropped, whatever they hold. */
const hostileParams = `route="${HOSTILE.replace(/"/g, '\\"')}" onclick="window.pwned=2" bogus="1" controls="true"`;

const write = (file, text) => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
};

/** Copies dist/'s one-file bundle and language scripts into `dir`. */
const stageBundles = (dir) => {
  mkdirSync(dir, { recursive: true });
  for (const f of BUNDLES) cpSync(join(DIST, f), join(dir, f));
};

const HEAD = '<meta charset="utf-8"><link rel="icon" href="data:,">';

/** A Hugo site on default settings (no `unsafe` Markdown), English and Spanish, with the
 * component as its theme. Returns the published folder's path under `root`. */
async function buildHugo(root, url) {
  const site = join(root, "site");
  const theme = join(site, "themes", "relief-timeline");
  cpSync(join(REPO, "packages/hugo/relief-timeline"), theme, { recursive: true });
  stageBundles(join(theme, "static/relief-timeline"));
  write(join(site, "config.toml"), `baseURL = "${url}/blog/"
title = "Hugo test"
theme = ["relief-timeline"]
defaultContentLanguage = "en"
[languages.en]
languageName = "English"
weight = 1
[languages.es]
languageName = "Español"
weight = 2
`);
  write(join(site, "layouts/_default/single.html"), `<!doctype html><html lang="{{ .Language.Lang }}"><head>${HEAD}<title>{{ .Title }}</title></head>
<body><article>{{ .Content }}</article></body></html>\n`);
  write(join(site, "layouts/_default/list.html"), `<!doctype html><html lang="{{ .Language.Lang }}"><head>${HEAD}<title>{{ .Title }}</title></head>
<body>{{ range .Pages }}<section>{{ .Summary }}</section>{{ end }}</body></html>\n`);
  const post = (name, body) => write(join(site, "content/posts", name), `---\ntitle: ${name}\n---\nA post with a chart.\n\n${body}\n\nThe end.\n`);
  post("scenario.md", hugo(SCENARIO));
  post("two.md", `${hugo(SCENARIO)}\n\nBetween the charts.\n\n${hugo(SECOND)}`);
  post("spanish.es.md", hugo(SCENARIO));
  post("hostile.md", `{{< relief-timeline ${hostileParams} >}}`);
  const out = join(root, "www/blog");
  await run("hugo", ["--quiet", "--source", site, "--destination", out], { timeout: 30000 });
  return {
    out,
    pages: { scenario: "posts/scenario/", two: "posts/two/", spanish: "es/posts/spanish/", hostile: "posts/hostile/" },
    script: "relief-timeline/",
  };
}

/** A Jekyll site with `baseurl: /blog`, no gem theme nor plugin, the posts in Markdown (kramdown). */
async function buildJekyll(root, url) {
  const site = join(root, "site");
  cpSync(join(REPO, "packages/jekyll/_includes"), join(site, "_includes"), { recursive: true });
  stageBundles(join(site, "assets/relief-timeline"));
  write(join(site, "_config.yml"), `title: Jekyll test\nurl: "${url}"\nbaseurl: /blog\nlang: en\nmarkdown: kramdown\n`);
  write(join(site, "_layouts/default.html"), `<!doctype html><html lang="{{ page.lang | default: site.lang }}"><head>${HEAD}<title>{{ page.title }}</title></head>
<body>{{ content }}</body></html>\n`);
  write(join(site, "_layouts/post.html"), `---\nlayout: default\n---\n<article>{{ content }}</article>\n`);
  const post = (name, body, front = "") => write(join(site, "_posts", name), `---\nlayout: post\ntitle: ${name}\n${front}---\nA post with a chart.\n\n${body}\n\nThe end.\n`);
  post("2024-01-01-scenario.md", jekyll(SCENARIO));
  post("2024-01-02-two.md", `${jekyll(SCENARIO)}\n\nBetween the charts.\n\n${jekyll(SECOND)}`);
  post("2024-01-03-spanish.md", jekyll(SCENARIO), "lang: es\n");
  post("2024-01-04-hostile.md", `{% include relief-timeline.html ${hostileParams} %}`);
  const out = join(root, "www/blog");
  await run("jekyll", ["build", "--quiet", "--disable-disk-cache", "--source", site, "--destination", out], { timeout: 60000 });
  return {
    out,
    pages: { scenario: "2024/01/01/scenario.html", two: "2024/01/02/two.html", spanish: "2024/01/03/spanish.html", hostile: "2024/01/04/hostile.html" },
    script: "assets/relief-timeline/",
  };
}

const PLATFORMS = [["Hugo shortcode", buildHugo], ["Jekyll include", buildJekyll]];
const sites = new Map();
let browser;

before(async () => {
  for (const f of BUNDLES) assert.ok(existsSync(join(DIST, f)), `dist/${f} is missing: run ./x build first`);
  // Both sites build while the browser starts.
  const starting = launch();
  await Promise.all(PLATFORMS.map(async ([name, build]) => {
    const root = mkdtempSync(join(tmpdir(), "relief-timeline-site-"));
    const server = await serve(join(root, "www"));
    sites.set(name, { root, server, ...(await build(root, server.url)) });
  }));
  browser = await starting;
});

after(async () => {
  await browser?.close();
  for (const s of sites.values()) {
    s.server.close();
    rmSync(s.root, { recursive: true, force: true });
  }
});

/** Opens one of the site's pages; `p.problems` also gets every failed or refused request. */
async function visit(site, page) {
  const p = await open(browser);
  p.on("response", (r) => r.status() >= 400 && p.problems.push(`HTTP ${r.status()}: ${r.url()}`));
  p.on("requestfailed", (r) => p.problems.push(`failed: ${r.url()}`));
  await p.goto(`${site.server.url}/blog/${site.pages[page]}`);
  return p;
}

/** The published HTML of a page, as the server sends it. */
const html = (site, page) => readFileSync(join(site.out, site.pages[page].endsWith("/") ? site.pages[page] + "index.html" : site.pages[page]), "utf8");

/** The widget's script tags in the page (the bundle and the language scripts). */
const scripts = (p) => p.evaluate(() => [...document.querySelectorAll("script[src]")].map((s) => s.src));

/** Waits until every relief-timeline on the page has drawn. */
const waitForAll = (p, n) =>
  p.waitForFunction((n) => {
    const all = [...document.querySelectorAll("relief-timeline")];
    return all.length === n && all.every((e) => e.timeline && e.shadowRoot.querySelector("canvas").width > 0);
  }, n, { timeout: 15000 });

/** Every request stayed on the test server (127.0.0.1), or is a data: URL. */
const assertLocal = (site, p) => {
  const away = p.requests.filter((u) => !u.startsWith(site.server.url + "/") && !u.startsWith("data:"));
  assert.deepEqual(away, [], "requests left 127.0.0.1");
};

for (const [name] of PLATFORMS) {
  describe(name, () => {
    test("the builder's snippet draws its scenario (hyphenated attributes too), with the controls, the script under /blog/", async () => {
      const site = sites.get(name);
      const source = html(site, "scenario");
      assert.doesNotMatch(source, /ZgotmplZ/);
      assert.match(source, /<relief-timeline [^>]*dose-mg-per-kg="1\.5"/);
      const p = await visit(site, "scenario");
      await waitForChart(p);
      assert.deepEqual(await p.evaluate(() => document.querySelector("relief-timeline").scenario), EXPECTED);
      const controls = await p.evaluate(() => {
        const form = document.querySelector("relief-timeline").shadowRoot.querySelector("form");
        const value = (n) => form.querySelector(`[name="${n}"]`)?.value;
        return { shown: !form.hidden && form.getBoundingClientRect().height > 0, route: value("route"), dose: value("dose-mg-per-kg"), sessions: value("sessions") };
      });
      assert.deepEqual(controls, { shown: true, route: "oral", dose: "1.5", sessions: "3" });
      const bundle = `${site.server.url}/blog/${site.script}relief-timeline.js`;
      assert.deepEqual(await scripts(p), [bundle], "one script: the bundle, under /blog/ (an English page loads no language script)");
      assert.ok(p.requests.includes(bundle), `${bundle} was not requested`);
      assertLocal(site, p);
      assert.deepEqual(p.problems, []);
      await p.context().close();
    });

    test("two on one page: the script tag once, both draw their own scenario", async () => {
      const site = sites.get(name);
      const p = await visit(site, "two");
      await waitForAll(p, 2);
      assert.equal((await scripts(p)).length, 1, "the script tag more than once");
      assert.equal((html(site, "two").match(/<script\b/g) || []).length, 1);
      const scenarios = await p.evaluate(() => [...document.querySelectorAll("relief-timeline")].map((e) => e.scenario));
      assert.deepEqual(scenarios, [EXPECTED, { route: "imInjection", boosters: 2, boosterEveryDays: 21, painSensitivity: "high", liverFunction: "reduced" }]);
      const compared = await p.evaluate(() => [...document.querySelectorAll("relief-timeline")].map((e) => e.comparison && { name: e.comparison.name, boosters: e.comparison.scenario.boosters }));
      assert.deepEqual(compared, [null, { name: "no boosters", boosters: 0 }]);
      assertLocal(site, p);
      assert.deepEqual(p.problems, []);
      await p.context().close();
    });

    test("a page in Spanish loads the Spanish script and the widget speaks Spanish", async () => {
      const site = sites.get(name);
      const p = await visit(site, "spanish");
      await waitForChart(p);
      assert.equal(await p.evaluate(() => document.documentElement.lang), "es");
      const base = `${site.server.url}/blog/${site.script}`;
      assert.deepEqual(await scripts(p), [`${base}relief-timeline.js`, `${base}relief-timeline.es.js`]);
      const summary = await p.evaluate(() => document.querySelector("relief-timeline").shadowRoot.querySelector(".summary").textContent);
      assert.ok(summary.includes(SPANISH), `the summary is not in Spanish: ${summary}`);
      assert.deepEqual(await p.evaluate(() => document.querySelector("relief-timeline").scenario), EXPECTED);
      assertLocal(site, p);
      assert.deepEqual(p.problems, []);
      await p.context().close();
    });

    test("a parameter with markup comes out as an escaped attribute value; unknown parameters are dropped", async () => {
      const site = sites.get(name);
      const source = html(site, "hostile");
      assert.doesNotMatch(source, /<script>window\.pwned/);
      assert.doesNotMatch(source, /onclick|bogus|ZgotmplZ/);
      const p = await visit(site, "hostile");
      // The widget refuses the route and says so under the (empty) chart.
      await p.waitForFunction(() => {
        const e = document.querySelector("relief-timeline")?.shadowRoot?.querySelector(".error");
        return e && !e.hidden && e.textContent.includes("route");
      }, null, { timeout: 15000 });
      const seen = await p.evaluate(() => {
        const e = document.querySelector("relief-timeline");
        return { route: e.getAttribute("route"), names: e.getAttributeNames(), pwned: window.pwned, scripts: document.scripts.length };
      });
      assert.deepEqual(seen, { route: HOSTILE, names: ["route", "controls"], pwned: undefined, scripts: 1 });
      assertLocal(site, p);
      assert.deepEqual(p.problems, []);
      await p.context().close();
    });
  });
}
