// The widget's languages. English is built in (`MESSAGES.en`); each other language is a script of
// its own, dist/relief-timeline.<lang>.js (`ADD_ON_LANGUAGES` lists them), so a page pays only for
// the languages it uses. Such a script may come before or after this one: it pushes
// `[lang, messages]` onto the page-wide list `self.reliefTimelineLanguages`, which this file reads
// now and watches for later pushes. Keys a language lacks fall back to English.
// `MESSAGES` (English, from js/i18n/en.json) and `ADD_ON_LANGUAGES` come from the build
// (scripts/bundle.mjs's virtual module `relief-timeline:build`).
import { ADD_ON_LANGUAGES, MESSAGES } from "relief-timeline:build";
import { overEnglish } from "./messages.js";

export { ADD_ON_LANGUAGES, MESSAGES };

/** Called with the language's code whenever a language arrives after this script. */
export const languageListeners = new Set();

try {
  const list = Array.isArray(self.reliefTimelineLanguages) ? self.reliefTimelineLanguages : (self.reliefTimelineLanguages = []);
  const add = (entry) => {
    if (!Array.isArray(entry) || typeof entry[0] !== "string" || !entry[1] || typeof entry[1] !== "object") return false;
    MESSAGES[entry[0].toLowerCase()] = overEnglish(MESSAGES.en, entry[1]);
    return true;
  };
  list.forEach(add);
  const push = list.push;
  list.push = function (...entries) {
    const count = push.apply(this, entries);
    for (const entry of entries) if (add(entry)) languageListeners.forEach((f) => f(entry[0].toLowerCase()));
    return count;
  };
} catch (e) {
  // A page made the list unwritable (froze it, say): the languages on it so far are read, later
  // ones are not, and English always works.
  console.warn("relief-timeline: could not read other languages:", e);
}

/** Languages asked for but not on the page, already reported on the console. */
const reportedMissing = new Set();

/** Says once on the console which script a language needs, if it exists as an add-on and is not
 * on the page. */
export const reportMissingLanguage = (lang) => {
  if (MESSAGES[lang] || !ADD_ON_LANGUAGES.includes(lang) || reportedMissing.has(lang)) return;
  reportedMissing.add(lang);
  console.warn(`relief-timeline: lang="${lang}" needs relief-timeline.${lang}.js on the page (next to relief-timeline.js); English until it loads.`);
};

/** Language scripts that failed to load (their URLs), noticed from this script's start on. */
const failedScripts = new Set();
addEventListener("error", (e) => e.target instanceof HTMLScriptElement && failedScripts.add(e.target.src), true);

/** The longest a chart waits for a language script, ms. */
const LANGUAGE_WAIT_MS = 3000;

/** Resolves when `lang` can be spoken: at once if it is here, is no add-on, or no script for it is
 * on the page (or that script failed); else, the script being on its way, when it has run or
 * failed, the page has loaded, or `LANGUAGE_WAIT_MS` have passed, whichever is first. (A script
 * that failed before this one started cannot be told from one still loading: the bound is for it.) */
export const languageReady = (lang) => {
  if (MESSAGES[lang] || !ADD_ON_LANGUAGES.includes(lang)) return null;
  const name = `relief-timeline.${lang}.js`;
  const tag = [].slice.call(document.scripts).filter((s) => s.src.split(/[?#]/)[0].endsWith(name))[0];
  if (!tag || failedScripts.has(tag.src)) return null;
  return new Promise((ok) => {
    const done = () => {
      languageListeners.delete(arrived);
      removeEventListener("load", done);
      tag.removeEventListener("error", done);
      clearTimeout(timer);
      ok();
    };
    const arrived = (code) => code === lang && done();
    languageListeners.add(arrived);
    if (document.readyState !== "complete") addEventListener("load", done);
    tag.addEventListener("error", done);
    const timer = setTimeout(done, LANGUAGE_WAIT_MS);
  });
};
