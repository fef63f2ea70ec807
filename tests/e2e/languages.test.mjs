// Languages as add-on scripts: English built in, dist/relief-timeline.<lang>.js for the others,
// before or after the widget's script, or later; the iframe page loads the one its query asks for.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ENGINE, open, waitForChart } from "./harness.mjs";
import { session } from "./session.mjs";
import { REPO, besideDist, settled } from "./embed-helpers.mjs";

/** The README's snippet for a page in Spanish (the html block that adds relief-timeline.es.js). */
const readmeSpanish = () => {
  const blocks = [...readFileSync(join(REPO, "README.md"), "utf8").matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]);
  const block = blocks.find((b) => b.includes("relief-timeline.es.js"));
  if (!block) throw new Error("README has no html snippet with relief-timeline.es.js");
  return besideDist(block);
};

// The page's vertical scrollbar is always there: where scrollbars take room (Firefox), one that
// appeared once the chart is drawn would narrow the chart and draw it again, a second
// timelinechange these tests would count.
const STEADY = "<style>html { overflow-y: scroll; }</style>";

const page = (lang, scripts) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${lang}</title><link rel="icon" href="data:,">${STEADY}</head>
<body><relief-timeline></relief-timeline>
${scripts.map((s) => `<script src="../dist/${s}"></script>`).join("\n")}
</body></html>`;

const env = session({
  site: true,
  prepare: (site) => {
    site.write("lang/before.html", page("de", ["relief-timeline.de.js", "relief-timeline.js"]));
    site.write("lang/after.html", page("de-AT", ["relief-timeline.js", "relief-timeline.de.js"]));
    site.write("lang/missing.html", page("es", ["relief-timeline.js"]));
    // The same two pages with an image the server never answers (under /never/), so their load
    // event never comes; in the page itself, so that it is there before the page could finish
    // loading. The second one's language script fails (404: there is no such file).
    for (const name of ["after", "missing"]) {
      site.write(`lang/${name}-slow.html`, readFileSync(join(site.dir, `lang/${name}.html`), "utf8")
        .replace("<body>", '<body><img src="../never/slow.png" alt="">').replace("../dist/relief-timeline.de.js", "../nope/relief-timeline.de.js"));
    }
    site.write("lang/async.html", page("es", ["relief-timeline.js"]).replace("</body>", '<script async src="../dist/relief-timeline.es.js"></script></body>'));
    site.write("lang/async-never.html", page("es", ["relief-timeline.js"]).replace("</body>", '<script async src="../never/relief-timeline.es.js"></script></body>'));
    // An async language script that fails (404) while the parser waits for a script (slow.js,
    // held by the test until the page has seen the failure); the page records failed scripts.
    site.write("slow.js", "");
    site.write("lang/async-404.html", page("es", ["relief-timeline.js"])
      .replace("<body>", '<body><script>window.__failed = []; addEventListener("error", (e) => e.target.src && window.__failed.push(e.target.src), true);</script>')
      .replace("</body>", '<script async src="../nope/relief-timeline.es.js"></script><script src="../slow.js"></script><img src="../never/slow.png" alt=""></body>'));
    site.write("lang/second.html", `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>two</title><link rel="icon" href="data:,">${STEADY}</head><body>
<relief-timeline id="a"></relief-timeline><script src="../dist/relief-timeline.js"></script>
<relief-timeline id="b"></relief-timeline><script src="../dist/relief-timeline.es.js"></script></body></html>`);
    site.write("lang/lazy.html", `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>lazy</title><link rel="icon" href="data:,">${STEADY}</head><body>
<relief-timeline controls></relief-timeline></body></html>`);
    site.write("lang/french.html", page("fr", ["relief-timeline.js", "relief-timeline.es.js"]));
    site.write("readme-es.html", `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>es</title><link rel="icon" href="data:,">${STEADY}</head><body>\n${readmeSpanish()}</body></html>`);
  },
});

/** Records every chart's table-button text (in the chart's language) as it is drawn, and the
 * console's warnings. */
async function openRecording() {
  const p = await open(env.browser);
  p.warnings = [];
  p.on("console", (m) => m.type() === "warning" && p.warnings.push(m.text()));
  await p.addInitScript(() => {
    window.__drawn = [];
    window.__drawnAt = [];
    addEventListener("timelinechange", (e) => {
      window.__drawn.push(e.target.shadowRoot.querySelector("button[aria-expanded]").textContent);
      window.__drawnAt.push({ ms: performance.now(), readyState: document.readyState });
    });
  });
  return p;
}

const drawn = (p) => p.evaluate(() => window.__drawn);

/**
 * Resolves once the widget in `p` would have drawn, were it not waiting for its language: the
 * element is defined, the wasm is ready and the page parsed, and two animation frames have passed
 * (a draw that is due comes in the next frame). The positive signal a held language script is
 * released after, so that a chart drawn before it arrives would be seen.
 */
const wouldHaveDrawn = (p) => p.evaluate(async () => {
  await customElements.whenDefined("relief-timeline");
  await customElements.get("relief-timeline").api();
  if (document.readyState === "loading") await new Promise((ok) => document.addEventListener("DOMContentLoaded", ok, { once: true }));
  await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
});

for (const [name, file] of [["before", "before.html"], ["after", "after.html"]]) {
  test(`a language's script ${name} the widget's: the first chart is already in that language`, async () => {
    const p = await openRecording();
    await p.goto(`${env.server.url}/lang/${file}`);
    await waitForChart(p);
    assert.deepEqual(await drawn(p), ["Als Tabelle zeigen"]);
    const svg = await p.evaluate(() => document.querySelector("relief-timeline").shadowRoot.textContent);
    assert.match(svg, /Schätzung zur Aufklärung|Akut|Wochen|Tage/, "no German in the widget");
    assert.deepEqual(p.warnings, []);
    assert.deepEqual(p.problems, []);
    await p.context().close();
  });
}

test("the README's Spanish snippet draws its first chart in Spanish, on an English page", async () => {
  const p = await openRecording();
  await p.goto(`${env.server.url}/readme-es.html`);
  await waitForChart(p);
  assert.deepEqual(await drawn(p), ["Mostrar como tabla"]);
  assert.deepEqual(p.warnings, []);
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

test("a language whose script is missing: English, and the console says which script to add", async () => {
  const p = await openRecording();
  await p.goto(`${env.server.url}/lang/missing.html`);
  await waitForChart(p);
  assert.deepEqual(await drawn(p), ["Show as table"]);
  assert.equal(p.warnings.length, 1, String(p.warnings));
  assert.match(p.warnings[0], /lang="es" needs relief-timeline\.es\.js/);
  // Added later, the language redraws the chart in it.
  await p.addScriptTag({ url: "../dist/relief-timeline.es.js" });
  await p.waitForFunction(() => window.__drawn.length === 2);
  assert.deepEqual(await drawn(p), ["Show as table", "Mostrar como tabla"]);
  assert.equal(p.warnings.length, 1);
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

test("a language with no messages at all is English, quietly; a script for another language changes nothing", async () => {
  const p = await openRecording();
  await p.goto(`${env.server.url}/lang/french.html`);
  await waitForChart(p);
  assert.deepEqual(await drawn(p), ["Show as table"]);
  assert.deepEqual(p.warnings, []);
  assert.deepEqual(await p.evaluate(() => customElements.get("relief-timeline").languages), ["en", "de", "es"]);
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

test("the iframe page loads the language its query asks for, and draws its first chart in it", async () => {
  const p = await openRecording();
  await p.goto(`${env.server.url}/embed.html?lang=es&route=oral`);
  await waitForChart(p);
  assert.deepEqual(await drawn(p), ["Mostrar como tabla"]);
  assert.ok(p.requests.some((u) => u.endsWith("/dist/relief-timeline.es.js")), "the Spanish script was not loaded");
  assert.ok(!p.requests.some((u) => u.endsWith("/dist/relief-timeline.de.js")), "the German script was loaded too");
  assert.deepEqual(p.warnings, []);
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

test("the iframe page in English loads no language script", async () => {
  const p = await openRecording();
  await p.goto(`${env.server.url}/embed.html?route=oral`);
  await waitForChart(p);
  assert.deepEqual(await drawn(p), ["Show as table"]);
  assert.ok(!p.requests.some((u) => /relief-timeline\.[a-z]{2}\.js$/.test(u)), String(p.requests));
  await p.context().close();
});

test("the demo page's language picker lists the languages by name and switches the widget", async () => {
  const p = await openRecording();
  await p.goto(`${env.server.url}/index.html`);
  await waitForChart(p);
  // Each name in its own language, as the engine's Intl.DisplayNames gives it standing alone:
  // WebKitGTK uses the system's ICU, whose full CLDR data capitalises "Español" there.
  assert.deepEqual(await p.locator("#lang option").allTextContents(), ["English", "Deutsch", ENGINE === "webkit" ? "Español" : "español"]);
  await p.locator("#lang").selectOption("de");
  await p.waitForFunction(() => window.__drawn.length === 2);
  assert.deepEqual(await drawn(p), ["Show as table", "Als Tabelle zeigen"]);
  assert.deepEqual(p.warnings, []);
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

test("a missing language's script never holds the first chart back until the page's slow images have loaded", async () => {
  for (const file of ["missing-slow.html", "after-slow.html"]) {
    const p = await openRecording();
    // An image that never arrives holds the page's load event; after-slow's language script
    // fails (404).
    await p.goto(`${env.server.url}/lang/${file}`, { waitUntil: "commit" });
    await waitForChart(p);
    assert.notEqual(await p.evaluate(() => document.readyState), "complete", `${file}: the chart waited for the page's load`);
    assert.deepEqual(await drawn(p), ["Show as table"], file);
    await p.context().close();
  }
});

test("an async language script is waited for: the first chart is in its language", async () => {
  const p = await openRecording();
  const release = env.server.hold("/dist/relief-timeline.es.js");
  try {
    await p.goto(`${env.server.url}/lang/async.html`, { waitUntil: "commit" });
    await wouldHaveDrawn(p);
    assert.deepEqual(await drawn(p), [], "drew before its language's script came");
  } finally {
    release();
  }
  await waitForChart(p);
  assert.deepEqual(await drawn(p), ["Mostrar como tabla"]);
  assert.deepEqual(p.warnings, []);
  await p.context().close();
});

test("an async language script that fails early never holds the first chart until the page's load", async () => {
  const p = await openRecording();
  // The parser waits for slow.js until the language script has failed.
  const release = env.server.hold("/slow.js");
  try {
    await p.goto(`${env.server.url}/lang/async-404.html`, { waitUntil: "commit" });
    // WebKit fires a failed async script's error event only once the parser goes on (after
    // slow.js): there, the failure the page can see while it waits is the fetch's (Resource Timing).
    await p.waitForFunction((webkit) => window.__failed?.some((src) => src.includes("/nope/relief-timeline.es.js")) ||
      (webkit && performance.getEntriesByType("resource").some((e) => e.name.includes("/nope/relief-timeline.es.js"))), ENGINE === "webkit");
  } finally {
    release();
  }
  await waitForChart(p);
  assert.notEqual(await p.evaluate(() => document.readyState), "complete", "the chart waited for the page's load");
  assert.deepEqual(await drawn(p), ["Show as table"]);
  await p.context().close();
});

test("every widget's first chart waits for a language script still loading: a second widget, one put back, a page that adds the scripts after its load", async () => {
  // A second widget after the widget's script, the language's script slow to come.
  let p = await openRecording();
  let release = env.server.hold("/dist/relief-timeline.es.js");
  try {
    const arrived = env.server.held("/dist/relief-timeline.es.js");
    await p.goto(`${env.server.url}/lang/second.html`, { waitUntil: "commit" });
    await arrived;
    await p.waitForFunction(() => customElements.get("relief-timeline") && document.querySelector("#a"));
    await p.evaluate(() => customElements.get("relief-timeline").api());
    assert.deepEqual(await drawn(p), [], "drew before its language's script came");
  } finally {
    release();
  }
  await p.waitForFunction(() => window.__drawn.length === 2);
  await settled(p);
  assert.deepEqual(await drawn(p), ["Mostrar como tabla", "Mostrar como tabla"]);
  assert.deepEqual(p.warnings, []);
  // Taken out and put back while an inserted language script is on its way.
  await p.evaluate(() => {
    window.__drawn = [];
    document.documentElement.lang = "de";
    const b = document.getElementById("b");
    b.remove();
    document.head.appendChild(Object.assign(document.createElement("script"), { src: "../dist/relief-timeline.de.js" }));
    document.body.appendChild(b);
  });
  await p.waitForFunction(() => window.__drawn.includes("Als Tabelle zeigen") && window.__drawn.length >= 2);
  assert.ok((await drawn(p)).every((d) => d !== "Show as table"), String(await drawn(p)));
  assert.deepEqual(p.warnings, []);
  await p.context().close();

  // Scripts added after the page's load (as lazy loaders do): the widget's, then the language's.
  p = await openRecording();
  release = env.server.hold("/dist/relief-timeline.es.js");
  try {
    await p.goto(`${env.server.url}/lang/lazy.html`);
    await p.evaluate(() => {
      for (const src of ["../dist/relief-timeline.js", "../dist/relief-timeline.es.js"]) {
        document.body.appendChild(Object.assign(document.createElement("script"), { src, async: false }));
      }
    });
    await wouldHaveDrawn(p);
    assert.deepEqual(await drawn(p), [], "drew before its language's script came");
  } finally {
    release();
  }
  await waitForChart(p);
  await settled(p);
  assert.deepEqual(await drawn(p), ["Mostrar como tabla"]);
  assert.deepEqual(p.warnings, []);
  // The page's language changes: chart and controls follow.
  await p.evaluate(() => (document.documentElement.lang = "en"));
  await p.waitForFunction(() => window.__drawn.length === 2);
  assert.equal(await p.locator("relief-timeline label").first().evaluate((l) => l.firstChild.textContent), "Route");
  assert.deepEqual(p.problems, []);
  await p.context().close();
});

test("a language script that never comes holds the first chart back 3 s at most, then English", async () => {
  const p = await openRecording();
  // The page's async language script (under /never/) is never answered.
  await p.goto(`${env.server.url}/lang/async-never.html`, { waitUntil: "commit" });
  await waitForChart(p);
  // Drawn once the widget's 3 s had passed (not before), and by its timer: the script had not
  // come and the page had not loaded (the pending script holds its load event), so nothing else
  // could have released the chart.
  const [at] = await p.evaluate(() => window.__drawnAt);
  assert.ok(at.ms >= 3000, `drawn after ${Math.round(at.ms)} ms`);
  assert.notEqual(at.readyState, "complete");
  assert.deepEqual(await drawn(p), ["Show as table"]);
  assert.equal(p.warnings.length, 1, String(p.warnings));
  await p.context().close();
});
