// DOM building without HTML parsing: nothing from input ever reaches innerHTML.

/** Creates an element: `props.text` becomes textContent, aria-/role/for/tabindex attributes, the
 * rest properties; `children` are appended (strings as text). */
export const el = (tag, props = {}, children = []) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "text") node.textContent = v;
    else if (k.startsWith("aria-") || k === "role" || k === "for" || k === "tabindex") node.setAttribute(k, v);
    else node[k] = v;
  }
  for (const c of children) node.append(c);
  return node;
};
