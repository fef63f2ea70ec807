// The npm package and the release zip, used as a blogger or a front-end developer would: the
// tarball `npm pack` made is installed into a scratch project (offline: it has no dependencies),
// its file is loaded by a plain <script> tag and through a bundler's `import`; the zip is unpacked
// into a site root and its how-to's snippet and iframe page are served from there.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { build } from "esbuild";
import { unzipSync } from "fflate";
import { launch, open, serve, waitForChart } from "../e2e/harness.mjs";
import { REPO } from "../e2e/embed-helpers.mjs";

const version = /^version = "([^"]+)"/m.exec(readFileSync(join(REPO, "Cargo.toml"), "utf8"))[1];
const TARBALL = join(REPO, `release/relief-timeline-${version}.tgz`);
const ZIP = join(REPO, `release/relief-timeline-${version}.zip`);

let browser, scratch, server;
before(async () => {
  scratch = mkdtempSync(join(tmpdir(), "relief-timeline-npm-"));
  writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "scratch", private: true }));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--silent", TARBALL], { cwd: scratch, stdio: ["ignore", "ignore", "inherit"] });
  server = await serve(scratch);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const installed = (path) => join(scratch, "node_modules/relief-timeline", path);
const write = (path, text) => {
  mkdirSync(dirname(join(scratch, path)), { recursive: true });
  writeFileSync(join(scratch, path), text);
};
const sha384 = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");

/** Opens `path` on the scratch server, waits for the chart and returns the widget's scenario,
 * its summary's first words and the page's problems and requests. */
async function draw(path) {
  const page = await open(browser);
  await page.goto(server.url + path);
  await waitForChart(page);
  const seen = await page.evaluate(() => {
    const el = document.querySelector("relief-timeline");
    return { scenario: el.scenario, summary: el.shadowRoot.textContent };
  });
  await page.context().close();
  return { ...seen, problems: page.problems, requests: page.requests };
}

test("the package is publishable: named, versioned as the crate, licensed, no runtime dependencies, CDN fields", () => {
  const pkg = JSON.parse(readFileSync(installed("package.json"), "utf8"));
  assert.equal(pkg.name, "relief-timeline");
  assert.equal(pkg.version, version, "the npm version must be Cargo.toml's");
  assert.notEqual(pkg.private, true);
  assert.equal(pkg.license, "MIT OR Apache-2.0");
  assert.equal(pkg.dependencies, undefined);
  for (const field of ["main", "browser", "unpkg", "jsdelivr"]) assert.equal(pkg[field], "dist/relief-timeline.js", field);
  assert.deepEqual(pkg.exports["."], { types: "./dist/relief-timeline.d.ts", default: "./dist/relief-timeline.js" });
  assert.equal(pkg.types, "dist/relief-timeline.d.ts");
  assert.ok(readFileSync(installed("dist/relief-timeline.d.ts"), "utf8").includes('"relief-timeline": ReliefTimelineElement'), "the TypeScript declarations");
});

test("the tarball's dist/ holds the one-file bundle, the language scripts and the two-file build, as built", () => {
  const sri = JSON.parse(readFileSync(installed("dist/sri.json"), "utf8"));
  const names = Object.keys(sri);
  for (const name of ["relief-timeline.js", "relief-timeline.es.js", "relief-timeline.de.js"]) assert.ok(names.includes(name), name);
  assert.ok(names.some((n) => /^relief-timeline\.[0-9a-f]{10}\.js$/.test(n)) && names.some((n) => /^relief-timeline\.[0-9a-f]{10}\.wasm$/.test(n)), "two-file build");
  for (const name of names) {
    assert.equal(sha384(readFileSync(installed(`dist/${name}`))), sri[name], `${name}: sri.json`);
    assert.ok(readFileSync(installed(`dist/${name}`)).equals(readFileSync(join(REPO, "dist", name))), `${name}: the build's file`);
  }
  for (const name of ["LICENSE-MIT", "LICENSE-APACHE", "README.md", "embed.html", "embed-parent.js", "wordpress/relief-timeline-wordpress.zip",
    "hugo/relief-timeline/layouts/shortcodes/relief-timeline.html", "jekyll/_includes/relief-timeline.html"]) {
    assert.ok(readFileSync(installed(name)).length > 0, name);
  }
});

test("the CDN line (docs/release.md, linked from the README) names this version and the integrity of the packed bundle", () => {
  const readme = readFileSync(join(REPO, "docs/release.md"), "utf8");
  const line = /<script src="https:\/\/cdn\.jsdelivr\.net\/npm\/relief-timeline@([^/]+)\/dist\/relief-timeline\.js" integrity="([^"]+)" crossorigin="anonymous"><\/script>/.exec(readme);
  assert.ok(line, "README has no CDN line");
  assert.equal(line[1], version);
  assert.equal(line[2], sha384(readFileSync(installed("dist/relief-timeline.js"))));
  const howTo = readFileSync(installed("README.md"), "utf8");
  assert.ok(howTo.includes(line[0]), "the package's how-to gives the same CDN line");
});

test("the installed file, loaded by a <script> tag, draws the scenario of its attributes", async () => {
  write("plain/index.html", `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>npm</title><link rel="icon" href="data:,"></head><body>
<relief-timeline route="oral" dose-mg-per-kg="1.5" sessions="3" condition="fibromyalgia"></relief-timeline>
<script src="/node_modules/relief-timeline/dist/relief-timeline.js"></script></body></html>`);
  const seen = await draw("/plain/");
  assert.deepEqual(seen.problems, []);
  assert.equal(seen.scenario.route, "oral");
  assert.equal(seen.scenario.doseMgPerKg, 1.5);
  assert.equal(seen.scenario.sessions, 3);
  assert.equal(seen.scenario.condition, "fibromyalgia");
  assert.ok(seen.requests.every((u) => u.startsWith(server.url) || u.startsWith("data:")), seen.requests.join("\n"));
});

test("a bundler's `import \"relief-timeline\"` and `import \"relief-timeline/es\"` resolve through the exports and draw in Spanish", async () => {
  write("bundled/main.js", `import "relief-timeline";\nimport "relief-timeline/es";\n`);
  await build({ absWorkingDir: scratch, entryPoints: ["bundled/main.js"], bundle: true, format: "iife", outfile: "bundled/out.js", logLevel: "silent" });
  write("bundled/index.html", `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>npm</title><link rel="icon" href="data:,"></head><body>
<relief-timeline route="intranasal" dose-mg-per-kg="0.8"></relief-timeline>
<script src="out.js"></script></body></html>`);
  const seen = await draw("/bundled/");
  assert.deepEqual(seen.problems, []);
  assert.equal(seen.scenario.route, "intranasal");
  const es = JSON.parse(readFileSync(join(REPO, "js/i18n/es.json"), "utf8"));
  assert.ok(seen.summary.includes(es.ui.showTable), `not in Spanish: ${seen.summary.slice(0, 200)}`);
});

test("the release zip unpacks to the package's files, and its how-to's snippet and iframe page work from /relief-timeline/", async () => {
  const files = unzipSync(readFileSync(ZIP));
  const names = Object.keys(files);
  for (const name of ["README.md", "LICENSE-MIT", "LICENSE-APACHE", "dist/relief-timeline.js", "dist/relief-timeline.es.js", "dist/sri.json",
    "embed.html", "embed.js", "embed.css", "embed-parent.js", "wordpress/relief-timeline-wordpress.zip"]) {
    assert.ok(names.includes(`relief-timeline/${name}`), `relief-timeline/${name} missing from the zip`);
  }
  for (const [name, bytes] of Object.entries(files)) write(`site/${name}`, bytes);
  const howTo = new TextDecoder().decode(files["relief-timeline/README.md"]);
  const snippet = /```html\n(<relief-timeline[\s\S]*?)```/.exec(howTo)[1];
  assert.ok(snippet.includes('src="/relief-timeline/dist/relief-timeline.js"'), "the how-to's snippet uses a root path");
  // A post in a sub-folder, as blogs have: the root path still finds the file.
  write("site/posts/my-post/index.html", `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>post</title><link rel="icon" href="data:,"></head><body>${snippet}</body></html>`);
  const site = await serve(join(scratch, "site"));
  try {
    const page = await open(browser);
    await page.goto(site.url + "/posts/my-post/");
    await waitForChart(page);
    assert.equal(await page.evaluate(() => document.querySelector("relief-timeline").scenario.sessions), 5);
    await page.goto(site.url + "/relief-timeline/embed.html?route=sublingual&dose-mg-per-kg=0.6&lang=de");
    await waitForChart(page);
    assert.equal(await page.evaluate(() => document.querySelector("relief-timeline").scenario.route), "sublingual");
    assert.deepEqual(page.problems, []);
    await page.context().close();
  } finally {
    site.close();
  }
});
