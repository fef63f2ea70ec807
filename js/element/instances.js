// The wasm module and its instances: loaded once per page, shared by every widget, and started
// afresh after a trap. `compileWasm` is the build's loader (js/load/inline.js or js/load/fetch.js,
// chosen by scripts/bundle.mjs); `newGlue` is the wasm-bindgen glue as a factory (a virtual module
// of the build): each call gives a fresh wasm-bindgen API to instantiate the compiled module with.
import { newGlue } from "relief-timeline:glue";
import { compileWasm } from "relief-timeline:load";

let wasmPromise = null;
/** The wasm API once it has loaded (else null): lets a render start without waiting. */
export let wasmReady = null;
/** The compiled module, kept to start it afresh after a trap. */
let compiled = null;
/** A new instance of the compiled module, with its own wasm-bindgen API: synchronous. */
const instantiate = () => {
  const api = newGlue();
  api.initSync({ module: compiled });
  return api;
};

/** A promise of the wasm API, `{ estimate(scenario), Chart, ... }`: the first call starts loading. */
export const wasmApi = () =>
  (wasmPromise = wasmPromise || compileWasm().then(
    (module) => {
      compiled = module;
      return (wasmReady = instantiate());
    },
    (e) => {
      wasmPromise = null; // a failed load (say, a network blip for the .wasm) is tried again
      throw e;
    },
  ));

/** The widgets on the page: after a trap, each draws again on the new instance. */
export const widgets = new Set();
/** Restarts counted, for the tests (`ReliefTimeline.restarts`). */
export let restarts = 0;

/**
 * After a wasm trap (a Rust panic, or a fault) the instance may be unusable: a trap leaves its
 * stack pointer and its allocator's state as they were, so every later call could fail, in every
 * widget. Starts a new instance from the compiled module, synchronously, and has every widget but
 * `crashed` draw its chart again on it (the objects of the old one are dropped, not freed).
 */
export const restart = (crashed) => {
  restarts++;
  wasmReady = instantiate();
  wasmPromise = Promise.resolve(wasmReady);
  for (const w of widgets) {
    w._chart = w._compared = null;
    w._api = wasmReady;
    if (w !== crashed) w._schedule();
  }
  return wasmReady;
};
