// The widget under a strict Content-Security-Policy: no inline script, no eval, no inline style.
// WebAssembly needs exactly one directive beyond 'self': script-src 'wasm-unsafe-eval'.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ENGINE, inkInPlot, launch, open, serve, waitForChart } from "./harness.mjs";
import { CSP, recordViolations, siteRoot, splitBuild } from "./embed-helpers.mjs";

let browser, strict, noWasm, plain, trusted, trustedPolicy, site;
before(async () => {
  site = siteRoot();
  // Two-file build page, in a subfolder, with Subresource Integrity.
  const { js, integrity } = splitBuild();
  site.write("sub/two-file.html", `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>two-file</title>
<link rel="icon" href="../favicon.svg"></head><body>
<relief-timeline route="intranasal" formulation="esketamine" dose-mg-per-kg="0.8"></relief-timeline>
<script src="../dist/${js}" integrity="${integrity}"></script></body></html>`);
  const header = (policy) => (path) => (path.endsWith(".html") || path.endsWith("/") ? { "content-security-policy": policy } : {});
  strict = await serve(site.dir, header(CSP));
  noWasm = await serve(site.dir, header(CSP.replace(" 'wasm-unsafe-eval'", "")));
  plain = await serve(site.dir);
  // Trusted Types on top: no string may reach a script sink (innerHTML, script src, eval...).
  trusted = await serve(site.dir, header(`${CSP}; require-trusted-types-for 'script'; trusted-types 'none'`));
  trustedPolicy = await serve(site.dir, header(`${CSP}; require-trusted-types-for 'script'; trusted-types relief-timeline`));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const s of [strict, noWasm, plain, trusted, trustedPolicy]) s?.close();
  site?.remove();
});

/** Loads `url`, waits for the chart, and checks it drew with no CSP violation or error. */
async function rendersCleanly(url, selector = "relief-timeline") {
  const page = await open(browser);
  await recordViolations(page);
  const response = await page.goto(url);
  await waitForChart(page, selector);
  const { ink, total } = await inkInPlot(page, selector);
  assert.ok(ink / total > 0.05, `${url}: plot area is nearly blank`);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], `${url}: CSP violations`);
  assert.deepEqual(page.problems, [], `${url}: errors`);
  return { page, response };
}

/** Proves the policy is really enforced on `page` (so a clean run above means something). */
async function assertEnforced(page) {
  // An inline script runs (or not) when inserted; the policy's report of the refusal comes as an
  // event after: wait for that event, not for a time.
  const ran = await page.evaluate(() => new Promise((ok) => {
    const s = document.createElement("script");
    document.addEventListener("securitypolicyviolation", (e) => e.effectiveDirective.startsWith("script-src") && ok(window.__inlineRan === true));
    s.textContent = "window.__inlineRan = true";
    document.body.append(s);
    if (window.__inlineRan === true) ok(true);
  }));
  assert.equal(ran, false, "an inline script ran: the CSP is not in force");
  assert.ok((await page.evaluate(() => window.__violations)).some((v) => v.startsWith("script-src")), "no violation was reported for the inline script");
}

test("the article renders under the strict CSP response header", async () => {
  const { page, response } = await rendersCleanly(strict.url + "/article.html");
  assert.equal(response.headers()["content-security-policy"], CSP);
  // The shadow root's styles apply (constructed stylesheets, no <style>): the panel is a flex box.
  assert.equal(await page.locator("relief-timeline form").evaluate((f) => getComputedStyle(f).display), "flex");
  await assertEnforced(page);
  await page.context().close();
});

test("the iframe page renders under the strict CSP, scenario from the query string", async () => {
  const { page } = await rendersCleanly(strict.url + "/embed.html?route=oral&dose-mg-per-kg=1&theme=dark&controls");
  assert.equal(await page.locator("relief-timeline").getAttribute("route"), "oral");
  await assertEnforced(page);
  await page.context().close();
});

test("the two-file build (script + .wasm, with SRI) renders under the strict CSP", async () => {
  const { page } = await rendersCleanly(strict.url + "/sub/two-file.html");
  assert.ok(page.requests.some((u) => /\/dist\/relief-timeline\.[0-9a-f]{10}\.wasm$/.test(u)), "the .wasm was not fetched");
  await page.context().close();
});

test("the strict CSP in a <meta http-equiv> tag works too", async () => {
  const { page, response } = await rendersCleanly(plain.url + "/fixtures/csp-meta.html");
  assert.equal(response.headers()["content-security-policy"], undefined);
  await assertEnforced(page);
  await page.context().close();
});

test("without 'wasm-unsafe-eval' the widget says so in place of the chart, and the page carries on", async () => {
  const page = await open(browser);
  await recordViolations(page);
  await page.goto(noWasm.url + "/article.html");
  const error = page.locator("relief-timeline .error");
  await error.waitFor({ state: "visible", timeout: 10000 });
  assert.match(await error.textContent(), /WebAssembly|wasm/i);
  assert.match(await error.textContent(), /^The chart could not start/, "a page's policy is not the scenario's fault");
  assert.equal(await page.evaluate(() => document.querySelector("relief-timeline").timeline), null);
  // WebKit (2.50) refuses the wasm with a CompileError naming 'wasm-unsafe-eval' but sends no
  // securitypolicyviolation event for it: there the message above is the evidence.
  if (ENGINE !== "webkit") {
    assert.ok((await page.evaluate(() => window.__violations)).some((v) => v.startsWith("script-src")),
      "no script-src violation: is 'wasm-unsafe-eval' really the directive WebAssembly needs?");
  }
  assert.ok(!page.problems.some((p) => p.startsWith("uncaught")), `uncaught errors: ${page.problems}`);
  await page.context().close();
});

test("the article, the two-file build and the iframe page render under Trusted Types (the iframe page's language with its policy)", async () => {
  for (const url of [...["/article.html", "/sub/two-file.html", "/embed.html?route=oral&controls"].map((p) => trusted.url + p), trustedPolicy.url + "/embed.html?lang=es"]) {
    const { page } = await rendersCleanly(url);
    const enforced = await page.evaluate(() => {
      try {
        document.createElement("div").innerHTML = "<b>x</b>";
        return false;
      } catch {
        return true;
      }
    });
    assert.ok(enforced, `${url}: Trusted Types are not in force`);
    if (url.includes("lang=es")) {
      assert.equal(await page.locator("relief-timeline button[aria-expanded]").textContent(), "Mostrar como tabla", "the iframe page's language did not load under its policy");
    }
    await page.context().close();
  }
});

test("the iframe page under Trusted Types with no policy allowed: its language cannot load, the chart is in English, nothing throws", async () => {
  const page = await open(browser);
  await page.goto(trusted.url + "/embed.html?lang=es");
  await waitForChart(page);
  assert.equal(await page.locator("relief-timeline button[aria-expanded]").textContent(), "Show as table");
  assert.deepEqual(page.problems.filter((p) => p.startsWith("uncaught")), []);
  await page.context().close();
});
