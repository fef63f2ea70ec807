// dist/relief-timeline.d.ts (scripts/types.mjs, written by scripts/bundle.mjs) against its
// sources: the field list the element reads (js/fields.js), the languages (js/i18n/), and a real
// timeline from the built wasm (target/bundle/: the glue and wasm of the last bundle).
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { FIELDS, camel } from "../../js/fields.js";
import { ELEMENT_ATTRS } from "../../js/attributes.js";
import { declarations } from "../../scripts/types.mjs";

const root = new URL("../../", import.meta.url);
const DTS = new URL("dist/relief-timeline.d.ts", root);
const languages = ["en", ...readdirSync(new URL("js/i18n/", root)).filter((f) => f.endsWith(".json") && f !== "en.json").map((f) => f.slice(0, -5)).sort()];
const dts = declarations(FIELDS, languages);

/** The members of `interface name { ... }` in the declarations, without `?`. */
const members = (name, text = dts) => {
  const body = new RegExp(`export interface ${name} (?:extends [^{]+)?\\{\\n([\\s\\S]*?)\\n\\}`).exec(text);
  assert.ok(body, `interface ${name}`);
  return [...body[1].matchAll(/^ {2}(?:readonly )?"?([\w-]+)"?\??:/gm)].map((m) => m[1]);
};
const union = (name) => {
  const m = new RegExp(`export type ${name} = ([^;]+);`).exec(dts);
  assert.ok(m, `type ${name}`);
  return m[1].split(" | ").map((v) => JSON.parse(v));
};

test("dist/relief-timeline.d.ts is the declarations of this field list (rebuild: node scripts/bundle.mjs ...)", { skip: !existsSync(DTS) && "no dist/ yet" }, () => {
  assert.equal(readFileSync(DTS, "utf8"), dts);
});

test("the Scenario and the attributes are the field list's, the enums its values", () => {
  assert.deepEqual(members("Scenario"), FIELDS.map((f) => f[1]));
  assert.deepEqual(members("ReliefTimelineAttributes"), ELEMENT_ATTRS);
  for (const [attr, field, values] of FIELDS.filter((f) => f[2])) {
    assert.deepEqual(union(field[0].toUpperCase() + field.slice(1)), values.map(camel), field);
    assert.ok(dts.includes(`"${attr}"?: ${values.map((v) => JSON.stringify(v)).join(" | ")};`), attr);
  }
  assert.deepEqual(union("Language"), languages);
});

const bundle = new URL("target/bundle/", root);
test("the Timeline's members are those of a timeline the wasm gives", { skip: !existsSync(new URL("glue.js", bundle)) && "no target/bundle/ (run scripts/bundle.mjs)" }, () => {
  const glue = readFileSync(new URL("glue.js", bundle), "utf8");
  const api = new Function(`${glue}\nreturn wasm_bindgen;`)();
  api.initSync({ module: readFileSync(new URL("opt.wasm", bundle)) });
  const timeline = api.estimate({ route: "oral", boosters: 1 });
  const keys = (o) => Object.keys(o).sort();
  assert.deepEqual(keys(timeline), members("Timeline").sort(), "Timeline");
  assert.deepEqual(keys(timeline.phases), members("Phases").sort(), "Phases");
  assert.deepEqual(keys(timeline.phases.acute), members("Phase").sort(), "Phase");
  assert.deepEqual(keys(timeline.phases.acute.startDays), members("Band").sort(), "Band");
  assert.deepEqual(keys(timeline.relief), members("ReliefCurve").sort(), "ReliefCurve");
  assert.deepEqual(keys(timeline.reliefEndDays), members("Percentiles").sort(), "Percentiles");
  if (timeline.paths) assert.deepEqual(keys(timeline.paths), members("Paths").sort(), "Paths");
  assert.deepEqual(keys(timeline.doses[0]), members("Dose").sort(), "Dose");
  assert.deepEqual(keys(timeline.sideEffectWindows[0]), members("Window").sort(), "Window");
  assert.deepEqual(keys(timeline.sources[0]), members("Source").sort(), "Source");
  assert.deepEqual(keys(timeline.warnings[0]), members("Warning").sort(), "Warning");
});
