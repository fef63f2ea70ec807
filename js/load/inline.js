// The one-file build's loader: the wasm is inlined in the script, deflated, and compiled from it:
// no fetch, so it works from file://. `WASM_BASE64` and `WASM_BYTES` come from the build
// (scripts/bundle.mjs's virtual module `relief-timeline:wasm`).
//
// The wasm is inlined deflated (base64 of deflate-raw gzips ~25% smaller than base64 of the raw
// bytes) and inflated by the browser's DecompressionStream. Zopfli finds a deflate stream ~6%
// smaller than zlib's level 9 (a few seconds of build time).
// No step of loading waits for a task, only for promise jobs: the stream is a plain
// ReadableStream (a Blob's goes through the browser process), read chunk by chunk
// (Response.arrayBuffer() takes tasks), and compiled synchronously (WebAssembly.instantiate takes
// tasks). So the wasm is ready in the microtasks right after this script, before the page's first
// frame: tasks would let the page lay out and paint without the chart first. Chromium refuses to
// compile a large module synchronously in some configurations (a RangeError): then it compiles
// asynchronously.
//
// The base64 literal is a top-level constant of the bundle, outside `compileWasm`: V8 compiles
// functions lazily, and would scan the 150-KB string a second time when the function is first
// called.
import { WASM_BASE64, WASM_BYTES } from "relief-timeline:wasm";

/** What this loader needs beyond the element's own APIs (js/element/unsupported.js). */
export const REQUIREMENTS = [["DecompressionStream deflate-raw", () => new DecompressionStream("deflate-raw")]];

/** A promise of the compiled module. */
export const compileWasm = () => {
  // Uint8Array.fromBase64 (2025 browsers) decodes natively; the loop is the fallback.
  const s = WASM_BASE64;
  let bytes;
  if (Uint8Array.fromBase64) bytes = Uint8Array.fromBase64(s);
  else {
    const b = atob(s);
    bytes = new Uint8Array(b.length);
    for (let i = 0; i < b.length; i++) bytes[i] = b.charCodeAt(i);
  }
  const reader = new ReadableStream({ start: (c) => { c.enqueue(bytes); c.close(); } })
    .pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const module = new Uint8Array(WASM_BYTES);
  let at = 0;
  const read = () => reader.read().then(({ done, value }) => {
    if (done) return;
    module.set(value, at);
    at += value.length;
    return read();
  });
  return read().then(() => {
    try {
      return new WebAssembly.Module(module);
    } catch (e) {
      // Only a refused synchronous compile falls back; a module that does not compile is an error.
      if (!(e instanceof RangeError)) throw e;
      return WebAssembly.compile(module);
    }
  });
};
