// The bundle's entry point (scripts/bundle.mjs): defines <relief-timeline>, or, in a browser that
// lacks an API it needs, says so in each <relief-timeline> instead (js/element/unsupported.js).
// The build's loader comes first: the one-file build's inlined wasm (a 150-KB string) then starts
// the bundle, and the code after it is one stretch for gzip (split around the string, the bundle
// gzips ~0.4 KB larger).
"use strict"; // as the modules are written: the IIFE of a bundle would otherwise be sloppy-mode code
import "relief-timeline:load";
import { ReliefTimeline } from "./element.js";
import { missingApis, showUnsupported } from "./element/unsupported.js";

const missing = missingApis();
if (missing.length) showUnsupported(missing);
else if (!customElements.get("relief-timeline")) customElements.define("relief-timeline", ReliefTimeline);
