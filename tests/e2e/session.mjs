// One test file's browser session: a static server and the engine's browser, started before the
// file's tests and stopped after.
import { after, before } from "node:test";
import { siteRoot } from "./embed-helpers.mjs";
import { launch, serve } from "./harness.mjs";

/**
 * Starts a server over www/ (or, with `site`, over a temporary site root with the fixtures,
 * which `prepare(site)` may add to, removed afterwards) and a browser. The returned object's
 * `browser`, `server` and `site` are set by the time the tests run.
 */
export function session({ site = false, prepare = () => {} } = {}) {
  const s = { browser: null, server: null, site: null };
  before(async () => {
    if (site) {
      s.site = siteRoot();
      await prepare(s.site);
    }
    s.server = await serve(...(s.site ? [s.site.dir] : []));
    s.browser = await launch();
  });
  after(async () => {
    await s.browser?.close();
    s.server?.close();
    s.site?.remove();
  });
  return s;
}
