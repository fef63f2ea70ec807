// Turns the release .wasm into the files a site serves, under dist/ (and a copy in www/dist/):
//   relief-timeline.js                 one classic script, wasm inlined: works from file:// too
//   relief-timeline.<hash>.js + .wasm  two files with content-hashed names, for caching
//   relief-timeline.<lang>.js          a language other than English, for either build
//   sri.json                           Subresource Integrity hashes of the files above
// Usage: node scripts/bundle.mjs target/wasm32-unknown-unknown/release/relief_timeline.wasm [OUT_DIR]
// With OUT_DIR (e.g. the panic-test build) the bundles go there instead, and www/dist/ and the
// README are left alone.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync, inflateRawSync } from "node:zlib";
import zopfli from "@gfx/zopfli";
import { transformSync } from "esbuild";

const kb = (n) => (n / 1024).toFixed(1) + " KiB";
const input = process.argv[2];
const custom = process.argv[3];
const outDir = custom || "dist";
const work = custom ? `${custom}-work` : "target/bundle";
rmSync(work, { recursive: true, force: true });
rmSync(outDir, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
mkdirSync(outDir, { recursive: true });

const run = (cmd, args) => execFileSync(cmd, args, { stdio: "inherit" });
run("wasm-bindgen", ["--target", "no-modules", "--no-typescript", "--out-dir", work, input]);
// binaryen from npm: Debian 12's wasm-opt (108) predates the final reference-types encoding.
const wasmOpt = (args, options) => execFileSync("node_modules/.bin/wasm-opt", [
  "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
  "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue", "--enable-simd", ...args,
], options);
// --low-memory-unused: Rust's data and stack start at 1 MiB, so the low KiB is never used and
// constant addresses fold into load/store offsets; --converge repeats -Oz while it still shrinks.
// --no-inline for functions whose (demangled) name mentions the crate, its own and generics over
// its types: binaryen inlines every function with one caller, so `estimate` became one 17-KB
// function, and V8's optimising tier (which compiles hot functions one at a time, in the
// background) spent ~50 ms of CPU on it during the first chart. LLVM has already inlined what
// pays; the result is also ~0.5 KiB smaller after gzip. (It needs the names section, which
// wasm-bindgen keeps until --strip-debug below.)
if (!WebAssembly.Module.customSections(new WebAssembly.Module(readFileSync(`${work}/relief_timeline_bg.wasm`)), "name").length) {
  throw new Error("the wasm has no names section: --no-inline=*relief_timeline* would match nothing");
}
wasmOpt(["--no-inline=*relief_timeline*", "-Oz", "--low-memory-unused", "--converge", "--strip-debug", "--strip-producers",
  `${work}/relief_timeline_bg.wasm`, "-o", `${work}/small.wasm`], { stdio: "inherit" });
// Then imports, their module and exports get one- or two-letter names (wasm-bindgen's carry
// 16-hex hashes that neither gzip nor esbuild can shrink); wasm-opt prints the renaming as JSON
// and the glue follows it.
const renaming = JSON.parse(wasmOpt(["--minify-imports-and-exports-and-modules",
  `${work}/small.wasm`, "-o", `${work}/opt.wasm`], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }));

const wasm = readFileSync(`${work}/opt.wasm`);
const glue = renameInGlue(readFileSync(`${work}/relief_timeline.js`, "utf8"), renaming, wasm);
// The renamed glue next to opt.wasm, for tools that load the wasm without the bundle
// (bench/estimate-node.mjs).
writeFileSync(`${work}/glue.js`, glue);
// One message file per language: js/i18n/<lang>.json. English is built in; each other language is
// a script of its own (relief-timeline.<lang>.js, written below), merged over English when it
// arrives (js/languages.js).
const readMessages = (lang) => JSON.parse(readFileSync(`js/i18n/${lang}.json`, "utf8"));
const addOns = readdirSync("js/i18n").filter((f) => f.endsWith(".json") && f !== "en.json").map((f) => f.slice(0, -5)).sort();
// The element's sources, in dependency order (element.js last: it defines the element).
const SOURCES = ["fields.js", "dom.js", "format.js", "tables.js", "share.js", "export.js", "languages.js", "element.js"];
const element = `const MESSAGES = { en: ${JSON.stringify(readMessages("en"))} };\n` +
  `const ADD_ON_LANGUAGES = ${JSON.stringify(addOns)};\n` +
  SOURCES.map((f) => readFileSync(`js/${f}`, "utf8")).join("\n").replace(
    // The element's stylesheet is a template literal, which esbuild keeps as written: minify it as CSS.
    /const STYLE = `([^`$]*)`;/,
    (_, css) => `const STYLE = ${JSON.stringify(transformSync(css, { loader: "css", minify: true }).code.trim())};`,
  );
if (!element.includes('const STYLE = "')) throw new Error("js/element.js: the STYLE stylesheet was not found to minify");
const hash = createHash("sha256").update(wasm).update(glue).update(element).digest("hex").slice(0, 10);
const banner = "/*! relief-timeline: educational estimate, not medical advice. */\n";

// `compileWasm` gives the element a promise of the compiled module (js/element.js instantiates it,
// and again after a trap). The script is
// minified by esbuild (whitespace, comments, local names; no eval, still a classic script); the
// banner is a legal comment (`/*!`), which it keeps.
// The glue becomes a factory, `newGlue()`: each call gives a fresh wasm-bindgen API to instantiate
// the compiled module with, so the element can start the module afresh after a trap.
const glueFactory = glue.replace(/^let wasm_bindgen = /, "const newGlue = () => ");
if (glueFactory === glue) throw new Error("the wasm-bindgen glue no longer starts with `let wasm_bindgen = `");
const wrap = (loader) =>
  minify(`${banner}(function () {\n"use strict";\n${glueFactory}\n${loader}\n${element}\n})();\n`);
const minify = (code) => transformSync(code, { minify: true, legalComments: "inline", charset: "utf8" }).code;

// The wasm is inlined deflated (base64 of deflate-raw gzips ~25% smaller than base64 of the raw
// bytes) and inflated by the browser's DecompressionStream: no fetch, so it works from file://.
// Zopfli finds a deflate stream ~6% smaller than zlib's level 9 (a few seconds of build time).
// No step of loading waits for a task, only for promise jobs: the stream is a plain
// ReadableStream (a Blob's goes through the browser process), read chunk by chunk
// (Response.arrayBuffer() takes tasks), and compiled synchronously (WebAssembly.instantiate takes
// tasks). So the wasm is ready in the microtasks right after this script, before the page's first
// frame: tasks would let the page lay out and paint without the chart first. Chromium refuses to
// compile a large module synchronously in some configurations (a RangeError): then it compiles
// asynchronously.
const packed = await zopfliDeflateRaw(wasm);
if (!inflateRawSync(packed).equals(wasm)) throw new Error("zopfli's deflate stream does not inflate to the wasm");
const inline = wrap(
  // The literal sits outside the function: V8 compiles functions lazily, and would scan the
  // 150-KB string a second time when loadWasm is first called.
  `const WASM_BASE64 = "${packed.toString("base64")}";\n` +
  `const compileWasm = () => {\n` +
  // Uint8Array.fromBase64 (2025 browsers) decodes natively; the loop is the fallback.
  `  const s = WASM_BASE64;\n` +
  `  let bytes;\n` +
  `  if (Uint8Array.fromBase64) bytes = Uint8Array.fromBase64(s);\n` +
  `  else {\n` +
  `    const b = atob(s);\n` +
  `    bytes = new Uint8Array(b.length);\n` +
  `    for (let i = 0; i < b.length; i++) bytes[i] = b.charCodeAt(i);\n` +
  `  }\n` +
  `  const reader = new ReadableStream({ start: (c) => { c.enqueue(bytes); c.close(); } })\n` +
  `    .pipeThrough(new DecompressionStream("deflate-raw")).getReader();\n` +
  `  const module = new Uint8Array(${wasm.length});\n` +
  `  let at = 0;\n` +
  `  const read = () => reader.read().then(({ done, value }) => {\n` +
  `    if (done) return;\n` +
  `    module.set(value, at);\n` +
  `    at += value.length;\n` +
  `    return read();\n` +
  `  });\n` +
  `  return read().then(() => {\n` +
  `    try {\n` +
  `      return new WebAssembly.Module(module);\n` +
  `    } catch (e) {\n` +
  // Only a refused synchronous compile falls back; a module that does not compile is an error.
  `      if (!(e instanceof RangeError)) throw e;\n` +
  `      return WebAssembly.compile(module);\n` +
  `    }\n` +
  `  });\n` +
  `};`,
);
const wasmName = `relief-timeline.${hash}.wasm`;
const jsName = `relief-timeline.${hash}.js`;
// The .wasm sits next to the script. A classic script knows its URL (document.currentScript); a
// module script (<script type="module" src>) does not, so look for its tag by file name.
const split = wrap(
  `const ownTag = [].slice.call(document.scripts).filter((s) => s.src.split(/[?#]/)[0].endsWith(${JSON.stringify("/" + jsName)}))[0];\n` +
  `const scriptUrl = (document.currentScript && document.currentScript.src) || (ownTag && ownTag.src) || location.href;\n` +
  // Compiled while it downloads; a server that does not say application/wasm gets a warning and
  // the slower path, as wasm-bindgen's own loader does.
  `const compileWasm = () => fetch(new URL("${wasmName}", scriptUrl)).then((response) => {\n` +
  `  if (!response.ok) throw new Error("failed to fetch Wasm: " + response.status + " " + response.statusText + " fetching " + response.url);\n` +
  `  return WebAssembly.compileStreaming(response.clone()).catch((e) => {\n` +
  `    if (response.headers.get("Content-Type") === "application/wasm") throw e;\n` +
  `    console.warn("relief-timeline: serve " + response.url + " as application/wasm, or it compiles more slowly.", e);\n` +
  `    return response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));\n` +
  `  });\n` +
  `});`,
);

// A language's script adds its messages to the page-wide list that js/languages.js reads; it works
// with either build, before or after it, and is itself a classic script (file:// too).
const language = (lang) =>
  `/*! relief-timeline: "${lang}" messages, for relief-timeline.js. */\n` +
  `(self.reliefTimelineLanguages=self.reliefTimelineLanguages||[]).push(${JSON.stringify([lang, readMessages(lang)])});\n`;

const files = {
  "relief-timeline.js": inline,
  [jsName]: split,
  [wasmName]: wasm,
  ...Object.fromEntries(addOns.map((lang) => [`relief-timeline.${lang}.js`, language(lang)])),
};
const sri = {};
for (const [name, body] of Object.entries(files)) {
  writeFileSync(`${outDir}/${name}`, body);
  sri[name] = "sha384-" + createHash("sha384").update(body).digest("base64");
}
writeFileSync(`${outDir}/sri.json`, JSON.stringify(sri, null, 2) + "\n");
if (!custom) {
  rmSync("www/dist", { recursive: true, force: true });
  cpSync("dist", "www/dist", { recursive: true });
  publishSri(sri);
}

/** Writes the files' sizes and integrity hashes into README.md, between its sri:start and sri:end
 * markers, and the CDN line between cdn:start and cdn:end. */
function publishSri(sri) {
  const readme = readFileSync("README.md", "utf8");
  const m = /(<!-- sri:start[^>]*-->\n)[\s\S]*?(<!-- sri:end -->)/.exec(readme);
  if (!m) return console.warn("README.md has no <!-- sri:start --> marker: hashes not published");
  const size = (name) => {
    const body = Buffer.from(files[name]);
    return `${kb(body.length)} (${kb(gzipSync(body, { level: 9 }).length)} gzip)`;
  };
  const rows = Object.entries(sri).map(([name, hash]) =>
    `| \`${name.replace(/\.[0-9a-f]{10}\./, ".<hash>.")}\` | \`${name}\` | ${size(name)} | \`${hash}\` |`);
  const table = ["| file | this build | size | integrity |", "|---|---|---|---|", ...rows].join("\n") + "\n";
  let next = readme.slice(0, m.index) + m[1] + table + m[2] + readme.slice(m.index + m[0].length);
  // The CDN line: the npm package of this version (Cargo.toml's, as scripts/package.mjs checks).
  const version = /^version = "([^"]+)"/m.exec(readFileSync("Cargo.toml", "utf8"))[1];
  const cdn = /(<!-- cdn:start[^>]*-->\n)[\s\S]*?(<!-- cdn:end -->)/.exec(next);
  if (!cdn) throw new Error("README.md has no <!-- cdn:start --> marker");
  const line = `<script src="https://cdn.jsdelivr.net/npm/relief-timeline@${version}/dist/relief-timeline.js" integrity="${sri["relief-timeline.js"]}" crossorigin="anonymous"></script>`;
  next = next.slice(0, cdn.index) + cdn[1] + "```html\n" + line + "\n```\n" + cdn[2] + next.slice(cdn.index + cdn[0].length);
  if (next !== readme) writeFileSync("README.md", next);
}

for (const [name, body] of Object.entries(files)) {
  const bytes = Buffer.from(body);
  console.log(`${outDir}/${name}: ${kb(bytes.length)} raw, ${kb(gzipSync(bytes, { level: 9 }).length)} gzip`);
}
console.log(`glue (no-modules JS): ${kb(glue.length)} raw, ${kb(gzipSync(glue, { level: 9 }).length)} gzip`);

/** Applies wasm-opt's renaming to wasm-bindgen's glue: import names are the keys of the imports
 * object (unique, hash-suffixed words) under their module's name, exports are read as
 * `wasm.<name>`. The renaming lists no modules: they are read back from the wasm. */
function renameInGlue(glue, { imports, exports }, wasm) {
  const modules = new Set(WebAssembly.Module.imports(new WebAssembly.Module(wasm)).map((i) => i.module));
  const before = new Set(imports.map(([module]) => module));
  if (modules.size !== 1 || before.size !== 1) throw new Error("expected the wasm to import from one module");
  let out = glue.replaceAll(JSON.stringify([...before][0]), JSON.stringify([...modules][0]));
  for (const [, from, to] of imports) {
    const word = new RegExp(`\\b${from}\\b`, "g");
    if (!word.test(out)) throw new Error(`wasm import ${from} not found in the glue`);
    out = out.replace(word, () => to); // (a function: short names may contain `$`)
  }
  const renamed = new Map(exports);
  const read = new Set();
  out = out.replace(/\bwasm\.(\w+)\b/g, (all, name) => {
    if (!renamed.has(name)) return all;
    read.add(name);
    return `wasm.${renamed.get(name)}`;
  });
  // Every export the glue names must have been read as `wasm.<name>`, or the bundle would break.
  for (const name of renamed.keys()) {
    if (!read.has(name) && new RegExp(`\\b${name}\\b`).test(out)) throw new Error(`wasm export ${name} is used in the glue other than as wasm.${name}`);
  }
  return out;
}

/** Raw deflate (RFC 1951) of `bytes` by Zopfli. */
function zopfliDeflateRaw(bytes) {
  return new Promise((resolve, reject) =>
    zopfli.deflate(bytes, { numiterations: 15 }, (err, out) => (err ? reject(err) : resolve(Buffer.from(out)))));
}
