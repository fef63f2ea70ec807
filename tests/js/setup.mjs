// Before the unit tests: the element's sources import the build's virtual module
// (relief-timeline:build, scripts/virtual.mjs); here it holds what the last bundle read from the
// wasm. Run from the repository's root after ./x build:
//   node --import ./tests/js/setup.mjs --test tests/js/*.test.mjs
import { buildModule, builtSchema, registerVirtual } from "../../scripts/virtual.mjs";

registerVirtual({ "relief-timeline:build": buildModule(builtSchema()) });
