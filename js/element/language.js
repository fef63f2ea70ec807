// A widget's language: the one asked for (its `lang`, else the page's), spoken once its messages
// are on the page (English until then), and the number and time formatter for it.
import { formatter } from "../format.js";
import { MESSAGES } from "../languages.js";

/** The language asked for: the `lang` attribute, else the nearest `lang` on the page. */
export const wantedLang = (w) =>
  (w.getAttribute("lang") || w.closest("[lang]")?.getAttribute("lang") || document.documentElement.lang || "en")
    .toLowerCase()
    .split("-")[0];

/** The language spoken: the one asked for if it is on the page, else English. */
export const langOf = (w) => {
  const lang = wantedLang(w);
  return MESSAGES[lang] ? lang : "en";
};

/** The messages of the current language. */
export const messagesOf = (w) => MESSAGES[langOf(w)];

/** The number formatter for the current language, kept while the language stays. */
export const formatOf = (w) => {
  const lang = langOf(w);
  if (!w._formatCache || w._formatCache.lang !== lang) w._formatCache = { lang, f: formatter(lang) };
  return w._formatCache.f;
};

/** Per wasm instance, its words for each language (see `wordsOf`). */
const wordsByApi = new WeakMap();

/**
 * The wasm's words for the current language: the chart's labels, the summary's words and the one
 * duration formatter (`words.duration(days)`) of the summary, tables and read-out. Made once per
 * instance and language: the words cross into the wasm when the language changes, not on every
 * draw. English is the wasm's own (the message file's `summary` section is left out).
 */
export const wordsOf = (w, api) => {
  const lang = langOf(w);
  let byLang = wordsByApi.get(api);
  if (!byLang) wordsByApi.set(api, (byLang = new Map()));
  if (!byLang.has(lang)) byLang.set(lang, new api.Words(MESSAGES[lang].chart, MESSAGES[lang].summary));
  return byLang.get(lang);
};
