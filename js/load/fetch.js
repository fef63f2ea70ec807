// The two-file build's loader: the wasm is a file of its own next to the script
// (relief-timeline.<hash>.wasm), fetched and compiled while it downloads. `WASM_NAME` and
// `SCRIPT_NAME` come from the build (scripts/bundle.mjs's virtual module `relief-timeline:wasm`).
import { SCRIPT_NAME, WASM_NAME } from "relief-timeline:wasm";

/** What this loader needs beyond the element's own APIs: nothing more. */
export const REQUIREMENTS = [];

// The .wasm sits next to the script. A classic script knows its URL (document.currentScript); a
// module script (<script type="module" src>) does not, so look for its tag by file name. (Read
// while the script runs: currentScript is null afterwards.)
const ownTag = [].slice.call(document.scripts).filter((s) => s.src.split(/[?#]/)[0].endsWith("/" + SCRIPT_NAME))[0];
const scriptUrl = (document.currentScript && document.currentScript.src) || (ownTag && ownTag.src) || location.href;

/** A promise of the compiled module. Compiled while it downloads; a server that does not say
 * application/wasm gets a warning and the slower path, as wasm-bindgen's own loader does. */
export const compileWasm = () => fetch(new URL(WASM_NAME, scriptUrl)).then((response) => {
  if (!response.ok) throw new Error("failed to fetch Wasm: " + response.status + " " + response.statusText + " fetching " + response.url);
  return WebAssembly.compileStreaming(response.clone()).catch((e) => {
    if (response.headers.get("Content-Type") === "application/wasm") throw e;
    console.warn("relief-timeline: serve " + response.url + " as application/wasm, or it compiles more slowly.", e);
    return response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
  });
});
