// The virtual module relief-timeline:build, what only the build knows, for the element's sources
// (js/): made here once, for the bundle (scripts/bundle.mjs, through esbuild) and for Node
// (`register`: the unit tests in tests/js/, and the .d.ts, import the same sources).
//   SCHEMA            the scenario schema, from the wasm (src/estimator/schema.rs)
//   MESSAGES          English, built in (js/i18n/en.json)
//   ADD_ON_LANGUAGES  the languages that come as scripts of their own (js/i18n/*.json)
import { readdirSync, readFileSync } from "node:fs";
import { register } from "node:module";

/** The names of the languages other than English. */
export const addOnLanguages = () =>
  readdirSync("js/i18n").filter((f) => f.endsWith(".json") && f !== "en.json").map((f) => f.slice(0, -5)).sort();

/** A module of constants. */
export const constants = (values) => Object.entries(values).map(([k, v]) => `export const ${k} = ${JSON.stringify(v)};\n`).join("");

/** The source of relief-timeline:build, for scenario schema `schema`. */
export const buildModule = (schema) =>
  constants({ SCHEMA: schema, MESSAGES: { en: JSON.parse(readFileSync("js/i18n/en.json", "utf8")) }, ADD_ON_LANGUAGES: addOnLanguages() });

/** The scenario schema as the wasm wrote it when last bundled (target/bundle/schema.json). */
export const builtSchema = () => JSON.parse(readFileSync("target/bundle/schema.json", "utf8"));

/** Makes `import ... from "<name>"` load `modules[name]` (source text) in this Node process. */
export function registerVirtual(modules) {
  const hooks = `let modules = {};
export function initialize(data) { modules = data.modules; }
export function resolve(specifier, context, next) {
  if (Object.hasOwn(modules, specifier)) return { url: "data:text/javascript," + encodeURIComponent(modules[specifier]), shortCircuit: true };
  return next(specifier, context);
}`;
  register("data:text/javascript," + encodeURIComponent(hooks), import.meta.url, { data: { modules } });
}
