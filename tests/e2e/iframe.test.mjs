// The iframe embed: the README's snippet on a blog of another origin, embed.html reporting its
// height by postMessage and embed-parent.js resizing only the iframe that sent it.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { WWW, lacks, launch, open, serve } from "./harness.mjs";
import { REPO, readmeSnippet, siteRoot, squash } from "./embed-helpers.mjs";

const PLACEHOLDER = "https://your-site.example/relief-timeline/";
let browser, widget, blog, site;
before(async () => {
  widget = await serve(); // www/: embed.html, embed.js, embed-parent.js, dist/
  site = siteRoot();
  blog = await serve(site.dir); // another origin (another port)
  const snippet = readmeSnippet("iframe");
  assert.ok(snippet.includes(PLACEHOLDER), "the README's iframe snippet no longer uses the placeholder URL");
  site.write("blog/post.html", `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog post</title>
<link rel="icon" href="../favicon.svg"></head><body>
<p>Before the widget.</p>
${snippet.replaceAll(PLACEHOLDER, widget.url + "/")}
<p>Between.</p>
<iframe id="other" title="Something else" src="../fixtures/leak.html" style="width: 300px; height: 150px"></iframe>
<iframe id="marked" data-relief-timeline title="Marked, but not the sender" src="../fixtures/leak.html" style="width: 300px; height: 150px"></iframe>
<p>After the widget.</p>
</body></html>`);
  // The same snippet below the fold: off-screen, but near enough that a lazy iframe loads.
  site.write("blog/below.html", `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long post</title>
<link rel="icon" href="../favicon.svg"></head><body>
<div style="height: 1200px">A long introduction.</div>
${snippet.replaceAll(PLACEHOLDER, widget.url + "/")}
</body></html>`);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  widget?.close();
  blog?.close();
  site?.remove();
});

test("the README's copy of the parent script is embed-parent.js's code", () => {
  const file = readFileSync(join(WWW, "embed-parent.js"), "utf8").replace(/^\/\/.*\n/gm, "").replace(/^\s*\/\/.*\n/gm, "");
  const readme = readFileSync(join(REPO, "README.md"), "utf8");
  const block = /```js\n(addEventListener\("message"[\s\S]*?)```/.exec(readme);
  assert.ok(block, "README has no copy of the parent script");
  assert.equal(squash(block[1]), squash(file));
});

/** The widget iframe's height on the parent page, and its document's height inside. */
async function heights(page) {
  const frame = page.frames().find((f) => f.url().startsWith(widget.url + "/embed.html"));
  const outer = await page.evaluate(() => document.querySelector("iframe").getBoundingClientRect().height);
  const inner = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
  return { frame, outer, inner };
}

async function waitForFit(page) {
  await page.waitForFunction(() => {
    const f = document.querySelector("iframe");
    return f.style.height !== "950px" && f.style.height !== "";
  }, null, { timeout: 15000 });
  // Fitted means: the widget inside has drawn all it was going to (loaded, no draw scheduled),
  // and the parent's iframe has the height of the content as it is then. A resize settles in
  // steps (text reflows first, the chart redraws after), so check that the content did not change
  // meanwhile and go round again if it did: each wait is for a condition, never for a time.
  for (let round = 0; round < 20; round++) {
    const frame = page.frames().find((f) => f.url().startsWith(widget.url + "/embed.html"));
    const content = () => frame.evaluate(() => {
      const e = document.querySelector("relief-timeline");
      const idle = document.readyState === "complete" && e.timeline && !e._frame;
      return idle ? Math.ceil(document.documentElement.getBoundingClientRect().height) : null;
    });
    await frame.waitForFunction(() => {
      const e = document.querySelector("relief-timeline");
      return document.readyState === "complete" && e.timeline && !e._frame;
    }, null, { timeout: 15000, polling: 50 });
    const inner = await content();
    if (inner === null) continue;
    try {
      await page.waitForFunction((h) => Math.abs(document.querySelector("iframe").getBoundingClientRect().height - h) <= 1, inner, { timeout: 5000 });
    } catch {
      continue; // the content changed before its report came: measure again
    }
    if ((await content()) === inner) return heights(page);
  }
  const h = await heights(page);
  assert.fail(`the iframe is ${h.outer}px tall but its content is ${h.inner}px`);
}

test("the README's iframe snippet, on another origin: scenario from the query, iframe sized to fit", async () => {
  const page = await open(browser, { viewport: { width: 900, height: 700 } });
  await page.addInitScript(() => {
    window.__messages = [];
    addEventListener("message", (e) => window.__messages.push({ data: e.data, origin: e.origin }));
  });
  await page.goto(blog.url + "/blog/post.html");
  assert.notEqual(new URL(blog.url).origin, new URL(widget.url).origin);
  const { frame, outer, inner } = await waitForFit(page);
  await frame.waitForFunction(() => document.querySelector("relief-timeline").timeline, null, { timeout: 15000 });
  // The query string became attributes, and the chart has ink.
  assert.deepEqual(await frame.evaluate(() => ["route", "dose-mg-per-kg", "session-hours", "controls"].map((a) => document.querySelector("relief-timeline").getAttribute(a))),
    ["iv-infusion", "0.5", "4", ""]);
  assert.ok(await frame.locator("relief-timeline form").isVisible(), "controls in the query did not show the panel");
  const { ink, total } = await frame.evaluate(() => {
    const canvas = document.querySelector("relief-timeline").shadowRoot.querySelector("canvas");
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4 * 7) if (data[i] + data[i + 1] + data[i + 2] < 600) ink++;
    return { ink, total: data.length / (4 * 7) };
  });
  assert.ok(ink / total > 0.02, `the chart in the iframe is nearly blank: ${ink} of ${total}`);
  assert.ok(outer > 400, `implausible iframe height ${outer} (content ${inner})`);
  // The messages are namespaced and come from the widget's origin.
  const messages = await page.evaluate(() => window.__messages);
  assert.ok(messages.length >= 1);
  for (const m of messages) {
    assert.equal(m.data.type, "relief-timeline:height");
    assert.equal(typeof m.data.height, "number");
    assert.equal(m.origin, new URL(widget.url).origin);
  }
  // Nothing scrolls inside the iframe.
  assert.equal(await frame.evaluate(() => document.scrollingElement.scrollHeight <= innerHeight), true);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// WebKit loads a lazy iframe only once it meets the viewport (its LazyLoadFrameObserver's
// IntersectionObserver has no root margin), so below the fold there is nothing yet to size.
test("an iframe below the fold is sized to fit before the reader scrolls to it", {
  skip: lacks({ webkit: "WebKit loads a loading=lazy iframe only once it enters the viewport (no root margin): nothing to size below the fold" }),
}, async () => {
  const page = await open(browser, { viewport: { width: 900, height: 700 } });
  await page.goto(blog.url + "/blog/below.html");
  const { outer } = await waitForFit(page);
  assert.equal(await page.evaluate(() => scrollY), 0, "the test scrolled");
  assert.ok(await page.evaluate(() => document.querySelector("iframe").getBoundingClientRect().top > innerHeight), "the iframe was on screen");
  assert.ok(outer > 400, `implausible iframe height ${outer}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the iframe follows its content's height, and only the sender is resized", async () => {
  const page = await open(browser, { viewport: { width: 900, height: 700 } });
  await page.goto(blog.url + "/blog/post.html");
  const first = await waitForFit(page);
  // Hiding the panel inside the iframe shrinks the content: the parent follows.
  await first.frame.evaluate(() => document.querySelector("relief-timeline").removeAttribute("controls"));
  await page.waitForFunction((h) => document.querySelector("iframe").getBoundingClientRect().height < h - 20, first.outer, { timeout: 15000 });
  const second = await waitForFit(page);
  assert.ok(second.outer < first.outer);
  // A narrower page: a lower chart, a lower iframe.
  await page.setViewportSize({ width: 420, height: 700 });
  await page.waitForFunction((h) => document.querySelector("iframe").getBoundingClientRect().height !== h, second.outer, { timeout: 15000 });
  await waitForFit(page);
  // Messages from anything but a marked iframe's own window change nothing: not from the page
  // itself, not from an iframe without data-relief-timeline.
  const sizes = () => page.evaluate(() => [...document.querySelectorAll("iframe")].map((f) => f.getBoundingClientRect().height));
  const before = await sizes();
  await page.evaluate(() => window.postMessage({ type: "relief-timeline:height", height: 11 }, "*"));
  const [other, marked] = page.frames().filter((f) => f.url().endsWith("/fixtures/leak.html"));
  await other.evaluate(() => parent.postMessage({ type: "relief-timeline:height", height: 1234 }, "*"));
  // A marked iframe resizes itself, and only itself (so the check can fail). Its message, posted
  // after the two above on the same event loop (all three windows are of the blog's origin), is
  // handled after them: once it has resized its iframe, the others would have had their effect.
  await marked.evaluate(() => parent.postMessage({ type: "relief-timeline:height", height: 1234 }, "*"));
  await page.waitForFunction(() => document.querySelector("#marked").getBoundingClientRect().height === 1234 + 4);
  assert.deepEqual(await sizes(), [before[0], before[1], 1234 + 4]);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
