// Message files (js/i18n/<lang>.json): a language's messages are merged over English's, so keys a
// language lacks fall back to English. Pure (unit-tested under Node).

/** `over`'s messages on top of `base`'s, section by section. */
export const overEnglish = (base, over) => {
  const out = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const section = (v) => v && typeof v === "object" && !Array.isArray(v);
    out[key] = section(value) && section(base[key]) ? overEnglish(base[key], value) : value;
  }
  return out;
};
