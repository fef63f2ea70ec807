// The scenario in the URL hash (js/share.js's pure part).
import assert from "node:assert/strict";
import { test } from "node:test";
import { hashParams, readHash, withScenario } from "../../js/share.js";

test("hashParams: ours when every key is a scenario attribute (prefixed or not), else null", () => {
  assert.equal(hashParams("").toString(), "");
  assert.equal(hashParams("#route=oral&pain.dose-mg-per-kg=1").get("pain.dose-mg-per-kg"), "1");
  assert.equal(hashParams("#section-2"), null);
  assert.equal(hashParams("#route=oral&page=3"), null);
  assert.equal(hashParams("#route"), null);
});

test("readHash: this widget's attributes, by its prefix", () => {
  const hash = "#route=oral&pain.route=intranasal&pain.sessions=3&2.boosters=1";
  assert.deepEqual(readHash(hash, ""), { route: "oral" });
  assert.deepEqual(readHash(hash, "pain."), { route: "intranasal", sessions: "3" });
  assert.deepEqual(readHash(hash, "2."), { boosters: "1" });
  assert.deepEqual(readHash("#top", ""), {});
});

test("withScenario: sets this widget's keys, removes unset ones, keeps the others'", () => {
  const get = (a) => ({ route: "oral", "dose-mg-per-kg": "0.5" })[a] ?? null;
  assert.equal(withScenario("#pain.sessions=3&route=sublingual&sessions=2", "", get), "pain.sessions=3&route=oral&dose-mg-per-kg=0.5");
  assert.equal(withScenario("#anchor", "w.", get), "w.route=oral&w.dose-mg-per-kg=0.5");
});
