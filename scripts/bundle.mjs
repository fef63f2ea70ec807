// Turns the release .wasm into the files a site serves, under dist/ (and a copy in www/dist/):
//   relief-timeline.js                 one classic script, wasm inlined: works from file:// too
//   relief-timeline.<hash>.js + .wasm  two files with content-hashed names, for caching
//   relief-timeline.<lang>.js          a language other than English, for either build
//   sri.json                           Subresource Integrity hashes of the files above
//   relief-timeline.d.ts               TypeScript declarations of the element and its JS API
// Usage: node scripts/bundle.mjs target/wasm32-unknown-unknown/release/relief_timeline.wasm [OUT_DIR]
// With OUT_DIR (e.g. the panic-test build) the bundles go there instead, and www/dist/ and
// docs/release.md are left alone.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync, inflateRawSync } from "node:zlib";
import zopfli from "@gfx/zopfli";
import { build, transformSync } from "esbuild";
import { declarations } from "./types.mjs";
import { addOnLanguages, buildModule, constants, registerVirtual } from "./virtual.mjs";

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
const addOns = addOnLanguages();
// The scenario schema, from the wasm itself (src/estimator/schema.rs, the one table of fields):
// the element's fields, attributes, controls and defaults are made from it (js/fields.js reads it
// from the virtual module relief-timeline:build), and so is the .d.ts. Also kept next to the wasm,
// for the unit tests (tests/js/setup.mjs).
const schemaApi = new Function(`${glue}\nreturn wasm_bindgen;`)();
schemaApi.initSync({ module: wasm });
const schema = schemaApi.schema();
writeFileSync(`${work}/schema.json`, JSON.stringify(schema, null, 2) + "\n");
// The element's sources: ES modules under js/, bundled from js/main.js by esbuild (below). The
// two-file build's names carry a hash of the wasm, the glue and every source file.
const sources = readdirSync("js", { recursive: true }).filter((f) => /\.(js|css|json)$/.test(f)).sort();
const hashed = createHash("sha256").update(wasm).update(glue);
for (const f of sources) hashed.update(f).update(readFileSync(`js/${f}`));
const hash = hashed.digest("hex").slice(0, 10);
const banner = "/*! relief-timeline: educational estimate, not medical advice. */";

// The glue becomes a factory, `newGlue()`: each call gives a fresh wasm-bindgen API to instantiate
// the compiled module with, so the element can start the module afresh after a trap
// (js/element/instances.js). It stays wasm-bindgen's no-modules output, made a module by the
// build: `let wasm_bindgen = (function(exports){...})(...)` becomes
// `export const newGlue = () => (function(exports){...})(...)`.
const glueFactory = glue.replace(/^let wasm_bindgen = /, "export const newGlue = () => ");
if (glueFactory === glue) throw new Error("the wasm-bindgen glue no longer starts with `let wasm_bindgen = `");

/**
 * One build of the element: js/main.js and its imports, bundled by esbuild into one classic
 * script (an IIFE: no imports or exports left, so it runs from a plain <script src>, file:// too),
 * minified (whitespace, comments, local names; no eval), with the banner, a legal comment (`/*!`),
 * first. What only the build knows comes in as virtual modules, never as code in strings:
 *   relief-timeline:load   the loader, `loader`: js/load/inline.js or js/load/fetch.js
 *   relief-timeline:wasm   what that loader needs: `wasmValues` (the base64 wasm, its length; or
 *                          the hashed file names)
 *   relief-timeline:build  `MESSAGES` (English, js/i18n/en.json) and `ADD_ON_LANGUAGES`
 *   relief-timeline:glue   the wasm-bindgen glue as the factory `newGlue` (above)
 * and the stylesheet (js/element/style.css) is minified as CSS and imported as text.
 */
const bundle = async (loader, wasmValues) => {
  const modules = {
    "relief-timeline:wasm": constants(wasmValues),
    "relief-timeline:build": buildModule(schema),
    "relief-timeline:glue": glueFactory,
  };
  const plugin = {
    name: "relief-timeline",
    setup(b) {
      b.onResolve({ filter: /^relief-timeline:/ }, ({ path }) =>
        path === "relief-timeline:load" ? { path: resolve(loader) } : { path, namespace: "relief-timeline" });
      b.onLoad({ filter: /.*/, namespace: "relief-timeline" }, ({ path }) => {
        if (!(path in modules)) throw new Error(`no virtual module ${path}`);
        return { contents: modules[path], loader: "js" };
      });
      b.onLoad({ filter: /\.css$/ }, ({ path }) =>
        ({ contents: transformSync(readFileSync(path, "utf8"), { loader: "css", minify: true }).code.trim(), loader: "text" }));
    },
  };
  const out = await build({
    entryPoints: ["js/main.js"], bundle: true, format: "iife", minify: true, write: false, plugins: [plugin],
    banner: { js: banner }, legalComments: "inline", charset: "utf8", target: "es2020", logLevel: "warning",
  });
  return out.outputFiles[0].text;
};

// The one-file build (js/load/inline.js): the wasm inlined, deflated by Zopfli (why: see there).
const packed = await zopfliDeflateRaw(wasm);
if (!inflateRawSync(packed).equals(wasm)) throw new Error("zopfli's deflate stream does not inflate to the wasm");
const inline = await bundle("js/load/inline.js", { WASM_BASE64: packed.toString("base64"), WASM_BYTES: wasm.length });
const wasmName = `relief-timeline.${hash}.wasm`;
const jsName = `relief-timeline.${hash}.js`;
// The two-file build (js/load/fetch.js): the .wasm next to the script, found by its name.
const split = await bundle("js/load/fetch.js", { WASM_NAME: wasmName, SCRIPT_NAME: jsName });

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
// TypeScript declarations for the element and its JS API (scripts/types.mjs), its scenario part
// made from js/fields.js (which reads the schema above). Not a file a page loads, so it has no
// SRI hash.
registerVirtual({ "relief-timeline:build": buildModule(schema) });
const { FIELDS } = await import("../js/fields.js");
writeFileSync(`${outDir}/relief-timeline.d.ts`, declarations(FIELDS, ["en", ...addOns]));
if (!custom) {
  rmSync("www/dist", { recursive: true, force: true });
  cpSync("dist", "www/dist", { recursive: true });
  publishSri(sri);
}

/** Writes docs/release.md: the files' sizes and integrity hashes, and the CDN line of this version
 * (Cargo.toml's, as scripts/package.mjs checks). Generated, never edited by hand, and linked from
 * the README (which the build does not touch); tests check it against dist/ and the npm package. */
function publishSri(sri) {
  const size = (name) => {
    const body = Buffer.from(files[name]);
    return `${kb(body.length)} (${kb(gzipSync(body, { level: 9 }).length)} gzip)`;
  };
  const rows = Object.entries(sri).map(([name, hash]) =>
    `| \`${name.replace(/\.[0-9a-f]{10}\./, ".<hash>.")}\` | \`${name}\` | ${size(name)} | \`${hash}\` |`);
  const version = /^version = "([^"]+)"/m.exec(readFileSync("Cargo.toml", "utf8"))[1];
  const cdn = `<script src="https://cdn.jsdelivr.net/npm/relief-timeline@${version}/dist/relief-timeline.js" integrity="${sri["relief-timeline.js"]}" crossorigin="anonymous"></script>`;
  writeFileSync("docs/release.md", [
    `# relief-timeline ${version}: files, sizes and integrity hashes`,
    "",
    "Written by `./x build` (scripts/bundle.mjs) from the build's `dist/`: do not edit by hand.",
    "",
    "## From a CDN",
    "",
    "```html",
    cdn,
    "```",
    "",
    "## The files",
    "",
    "| file | this build | size | integrity |",
    "|---|---|---|---|",
    ...rows,
    "",
  ].join("\n"));
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
