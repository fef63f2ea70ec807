// The WordPress plugin (packages/wordpress/relief-timeline) in a real WordPress: Debian's
// `wordpress` package on MariaDB and Apache, set up from nothing by wordpress-site.mjs, the plugin
// installed from release/relief-timeline-wordpress.zip. An Author publishes through the REST API
// (the block editor's own path, with an application password) and Chromium reads the posts.
//   node --test --test-concurrency=1 tests/platforms/wordpress.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, open, waitForChart } from "../e2e/harness.mjs";
import { html, wordpress } from "../../www/builder/snippets.js";
import { PLUGIN, REPO, startWordPress } from "./wordpress-site.mjs";

const VERSION = /^version = "([^"]+)"/m.exec(readFileSync(join(REPO, "Cargo.toml"), "utf8"))[1];
const SOURCE = join(REPO, "packages/wordpress/relief-timeline");

let site, browser;
before(async () => {
  site = await startWordPress();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.stop();
});

const auth = (who) => ({ authorization: "Basic " + Buffer.from(`${who.user}:${who.password}`).toString("base64") });

/** Publishes a post as `who` through the REST API; returns the API's post (link, content...). */
async function publish(who, content, title = "Relief timeline") {
  const r = await fetch(`${site.url}/wp-json/wp/v2/posts`, {
    method: "POST",
    headers: { ...auth(who), "content-type": "application/json" },
    body: JSON.stringify({ title, content, status: "publish" }),
  });
  const post = await r.json();
  assert.equal(r.status, 201, `publishing failed: ${JSON.stringify(post)}`);
  return post;
}

/** The post's content as stored (after WordPress's filters on save). */
async function stored(who, post) {
  const r = await fetch(`${site.url}/wp-json/wp/v2/posts/${post.id}?context=edit`, { headers: auth(who) });
  assert.equal(r.status, 200);
  return (await r.json()).content.raw;
}

/** Opens `url` in Chromium (console errors, page errors and requests recorded). */
async function visit(url) {
  const page = await open(browser);
  await page.goto(url);
  return page;
}

/** Every request of the page went to this WordPress (no external URL). */
function assertLocal(page) {
  const away = page.requests.filter((u) => !u.startsWith(`http://127.0.0.1:${site.port}/`) && !/^(data|blob):/.test(u));
  assert.deepEqual(away, [], "requests left the site");
}

const assets = () => `${site.url}/wp-content/plugins/relief-timeline/assets`;

/** The widget scripts of the page, in document order. */
const widgetScripts = (page) => page.evaluate(() => [...document.scripts].map((s) => s.src).filter((s) => s.includes("relief-timeline")));

const element = (page) =>
  page.evaluate(() => {
    const e = document.querySelector("relief-timeline");
    return { attributes: Object.fromEntries([...e.attributes].map((a) => [a.name, a.value])), scenario: e.scenario };
  });

test("the zip is the plugin's source plus the bundles of dist/, at Cargo.toml's version", () => {
  const installed = join(site.plugins, "relief-timeline");
  for (const f of readdirSync(SOURCE)) assert.equal(readFileSync(join(installed, f), "utf8"), readFileSync(join(SOURCE, f), "utf8"), `${f} in the zip differs from the source: rebuild the zip`);
  for (const f of ["relief-timeline.js", "relief-timeline.es.js", "relief-timeline.de.js"]) {
    assert.ok(readFileSync(join(installed, "assets", f)).equals(readFileSync(join(REPO, "dist", f))), `assets/${f} differs from dist/${f}`);
  }
  assert.equal(/^\s*\*\s*Version:\s*(\S+)/m.exec(readFileSync(join(SOURCE, "relief-timeline.php"), "utf8"))[1], VERSION);
  assert.equal(/^Stable tag:\s*(\S+)/m.exec(readFileSync(join(SOURCE, "readme.txt"), "utf8"))[1], VERSION);
});

test("a. an Author's post with the builder's shortcode draws that scenario, from the plugin's own file", async () => {
  // With a field added late to the schema (cyp3a4) and a comparison (compare-): the plugin passes
  // every attribute the element reads.
  const attributes = [["route", "oral"], ["dose-mg-per-kg", "1.5"], ["sessions", "3"], ["condition", "fibromyalgia"], ["cyp3a4", "inhibitor"], ["compare-sessions", "1"], ["compare-label", "one dose"], ["controls", true]];
  const post = await publish(site.author, wordpress(attributes));
  const page = await visit(post.link);
  await waitForChart(page);
  const { attributes: attrs, scenario } = await element(page);
  assert.deepEqual(attrs, { route: "oral", "dose-mg-per-kg": "1.5", sessions: "3", condition: "fibromyalgia", cyp3a4: "inhibitor", "compare-sessions": "1", "compare-label": "one dose", controls: "" });
  assert.deepEqual(scenario, { route: "oral", doseMgPerKg: 1.5, sessions: 3, condition: "fibromyalgia", cyp3a4: "inhibitor" });
  assert.deepEqual(await page.evaluate(() => document.querySelector("relief-timeline").comparison.scenario), { ...scenario, sessions: 1 });
  assert.ok(await page.evaluate(() => !document.querySelector("relief-timeline").shadowRoot.querySelector("form").hidden), "the controls are not shown");
  assert.deepEqual(await widgetScripts(page), [`${assets()}/relief-timeline.js?ver=${VERSION}`]);
  // Footer script, not inline: the element comes first, and no inline script mentions the widget.
  const source = await (await fetch(post.link)).text();
  assert.ok(source.indexOf("<relief-timeline") < source.indexOf("relief-timeline.js"));
  assert.doesNotMatch(source, /<script(?![^>]*\bsrc=)[^>]*>[^<]*relief/);
  assert.deepEqual(page.problems, []);
  assertLocal(page);
  await page.context().close();
});

test("a. every spelling of the attributes; unknown ones and controls=\"false\" dropped", async () => {
  const post = await publish(site.author, [
    '[relief_timeline dose_mg_per_kg="0.7" Session-Hours="2" booster-every-days="14" boosters="2" controls="false"]',
    '[relief_timeline formulation="esketamine" pain_sensitivity="high" metabolism="fast" horizon-days="90" session_interval_days="7" theme="dark" controls="true"]',
    '[relief_timeline controls="0" colour="red" style="display:none"]',
  ].join("\n\n"));
  const elements = post.content.rendered.match(/<relief-timeline[^>]*><\/relief-timeline>/g);
  assert.deepEqual(elements, [
    '<relief-timeline dose-mg-per-kg="0.7" session-hours="2" boosters="2" booster-every-days="14"></relief-timeline>',
    '<relief-timeline formulation="esketamine" session-interval-days="7" metabolism="fast" pain-sensitivity="high" horizon-days="90" controls theme="dark"></relief-timeline>',
    "<relief-timeline></relief-timeline>",
  ]);
});

test("b. a post without the shortcode does not load the bundle", async () => {
  const post = await publish(site.author, "<p>Just words about pain relief.</p>", "No chart");
  const source = await (await fetch(post.link)).text();
  assert.match(source, /Just words about pain relief/);
  assert.doesNotMatch(source, /relief-timeline/);
});

test("c. markup in a value stays inert inside the attribute; unknown attributes are dropped", async () => {
  // As an administrator, whose content keeps its markup (an Author's would lose it to KSES), so
  // the values reach the renderer with it: a shortcode whose values break out of quotes and carry
  // a <script> (a bare ">" would already end the shortcode for WordPress), and the block with the
  // classic '"><script>' (block attributes arrive as they are).
  const quote = '" onfocus="window.pwned=1" autofocus x="';
  const script = "<script>window.pwned=2</script>";
  const breakout = '"><script>window.pwned=3</script>';
  const json = JSON.stringify({ route: breakout }).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/\\"/g, "\\u0022");
  const content = `[relief_timeline route='${quote}' condition="${script}" onload="window.pwned=4" dose-mg-per-kg="0.5"]\n\n<!-- wp:relief-timeline/timeline ${json} /-->`;
  const post = await publish(site.admin, content);
  assert.equal(await stored(site.admin, post), content);
  const page = await visit(post.link);
  await page.waitForFunction(() => {
    const all = [...document.querySelectorAll("relief-timeline")];
    return all.length === 2 && all.every((e) => e.shadowRoot && !e.shadowRoot.querySelector(".error").hidden);
  }, null, { timeout: 15000 });
  const seen = await page.evaluate(() => ({
    pwned: typeof window.pwned,
    injected: [...document.scripts].filter((s) => s.textContent.includes("pwned")).length,
    elements: [...document.querySelectorAll("relief-timeline")].map((e) => ({
      attributes: Object.fromEntries([...e.attributes].map((a) => [a.name, a.value])),
      error: e.shadowRoot.querySelector(".error").textContent,
    })),
  }));
  assert.equal(seen.pwned, "undefined");
  assert.equal(seen.injected, 0);
  assert.deepEqual(seen.elements.map((e) => e.attributes), [{ route: quote, condition: script, "dose-mg-per-kg": "0.5" }, { route: breakout }]);
  for (const e of seen.elements) assert.match(e.error, /route/);
  assert.deepEqual(page.problems, []);
  assertLocal(page);
  await page.context().close();
});

test("d. the block, published by an Author, draws its scenario", async () => {
  const block = '<!-- wp:relief-timeline/timeline {"route":"intranasal","doseMgPerKg":0.8} /-->';
  const post = await publish(site.author, block);
  assert.equal(await stored(site.author, post), block);
  const page = await visit(post.link);
  await waitForChart(page);
  assert.deepEqual((await element(page)).scenario, { route: "intranasal", doseMgPerKg: 0.8 });
  assert.deepEqual(await widgetScripts(page), [`${assets()}/relief-timeline.js?ver=${VERSION}`]);
  assert.deepEqual(page.problems, []);
  assertLocal(page);
  await page.context().close();
});

test("d. the block's editor preview (ServerSideRender's endpoint) is the same element", async () => {
  const query = "context=edit&attributes[route]=oral&attributes[sessions]=2&attributes[controls]=true";
  const r = await fetch(`${site.url}/wp-json/wp/v2/block-renderer/relief-timeline/timeline?${query}`, { headers: auth(site.author) });
  assert.equal(r.status, 200);
  assert.equal((await r.json()).rendered, '<relief-timeline route="oral" sessions="2" controls></relief-timeline>');
});

test("d. in the block editor, the block's preview draws and follows its settings", async () => {
  const page = await open(browser, { viewport: { width: 1400, height: 1000 } });
  await page.goto(`${site.url}/wp-login.php`);
  await page.fill("#user_login", "admin");
  await page.fill("#user_pass", site.adminPassword);
  await Promise.all([page.waitForURL(/wp-admin/), page.click("#wp-submit")]);
  await page.goto(`${site.url}/wp-admin/post-new.php`);
  await page.waitForFunction(() => window.wp?.blocks?.getBlockType("relief-timeline/timeline") && window.wp.data.select("core/block-editor"), null, { timeout: 30000 });
  await page.evaluate(() => {
    wp.data.dispatch("core/edit-post").closeGeneralSidebar?.();
    const block = wp.blocks.createBlock("relief-timeline/timeline", { route: "oral", doseMgPerKg: 1.5 });
    wp.data.dispatch("core/block-editor").insertBlocks(block);
    wp.data.dispatch("core/block-editor").selectBlock(block.clientId);
    wp.data.dispatch("core/edit-post").openGeneralSidebar("edit-post/block");
  });
  const preview = ".wp-block-relief-timeline-timeline relief-timeline";
  await waitForChart(page, preview);
  assert.deepEqual(await page.evaluate((s) => document.querySelector(s).scenario, preview), { route: "oral", doseMgPerKg: 1.5 });
  // The sidebar's Route select changes the block's attribute, and the preview follows.
  await page.getByLabel("Route").selectOption("intranasal");
  await page.waitForFunction((s) => document.querySelector(s)?.getAttribute("route") === "intranasal" && document.querySelector(s).timeline, preview, { timeout: 15000 });
  const attributes = await page.evaluate(() => wp.data.select("core/block-editor").getBlocks().find((b) => b.name === "relief-timeline/timeline").attributes);
  assert.equal(attributes.route, "intranasal");
  assert.equal(attributes.doseMgPerKg, 1.5);
  assert.ok(page.requests.some((u) => u.startsWith(`${assets()}/relief-timeline.js`)), "the editor did not load the bundle");
  assert.deepEqual(page.problems.filter((p) => /relief|uncaught/i.test(p)), []);
  await page.context().close();
});

test("e. a site in Spanish loads the Spanish script and the widget speaks Spanish", async () => {
  site.wp("option", { name: "WPLANG", value: "es_ES" });
  try {
    const post = await publish(site.author, wordpress([["route", "oral"]]));
    const page = await visit(post.link);
    await waitForChart(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "es-ES");
    assert.deepEqual(await widgetScripts(page), [`${assets()}/relief-timeline.js?ver=${VERSION}`, `${assets()}/relief-timeline.es.js?ver=${VERSION}`]);
    // <html lang> says it already: the element needs none of its own.
    assert.deepEqual((await element(page)).attributes, { route: "oral" });
    const text = await page.evaluate(() => document.querySelector("relief-timeline").shadowRoot.textContent);
    assert.match(text, /Mostrar como tabla/);
    assert.match(text, /estimación educativa/);
    assert.deepEqual(page.problems, []);
    assertLocal(page);
    await page.context().close();
  } finally {
    site.wp("option", { name: "WPLANG", value: "" });
  }
});

test("e. lang=\"de\" on an English site loads the German script", async () => {
  const post = await publish(site.author, wordpress([["lang", "de"], ["route", "sublingual"]]));
  const page = await visit(post.link);
  await waitForChart(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en-US");
  assert.deepEqual(await widgetScripts(page), [`${assets()}/relief-timeline.js?ver=${VERSION}`, `${assets()}/relief-timeline.de.js?ver=${VERSION}`]);
  assert.match(await page.evaluate(() => document.querySelector("relief-timeline").shadowRoot.textContent), /Als Tabelle zeigen/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("f. the trap: an Author's pasted <script> is stripped by KSES (why the shortcode exists)", async () => {
  const snippet = html([["route", "oral"]], `${assets()}/relief-timeline.js`);
  const authors = await stored(site.author, await publish(site.author, snippet));
  assert.doesNotMatch(authors, /<script/i);
  // An administrator (unfiltered_html) keeps it: the difference is the role, not the snippet.
  assert.match(await stored(site.admin, await publish(site.admin, snippet)), /<script src=/);
});

test("the plugin wrote no PHP warning or notice", () => {
  const log = readFileSync(site.debugLog, "utf8").split("\n").filter((l) => l.includes("relief-timeline"));
  assert.deepEqual(log, []);
});

test("g. uninstalling removes the plugin and leaves no option", () => {
  const folder = join(site.plugins, "relief-timeline");
  assert.ok(existsSync(folder));
  const result = site.wp("uninstall", { plugin: PLUGIN });
  assert.deepEqual(result, { uninstallable: true, active: false });
  assert.ok(!existsSync(folder), "the plugin's folder is still there");
  assert.deepEqual(site.wp("options", { like: "%relief%" }).names, []);
});
