// Turns dist/ into what a blogger downloads, under release/ (git-ignored):
//   relief-timeline/                   the package: what `npm pack` packs and the zip holds
//     dist/                            the bundles of dist/ (one file, languages, two files, sri.json)
//     embed.html, embed.js, ...        the iframe page (it loads dist/relief-timeline.js)
//     wordpress/relief-timeline-wordpress.zip, hugo/, jekyll/   the platform packages
//     README.md (the how-to), LICENSE-MIT, LICENSE-APACHE, package.json
//   relief-timeline-<version>.tgz      `npm pack` of it: the npm package `relief-timeline`
//   relief-timeline-<version>.zip      the same files as one zip (top folder relief-timeline/)
//   relief-timeline-wordpress.zip      the WordPress plugin alone (Plugins → Add New → Upload)
//   wordpress/, hugo/, jekyll/         each platform's package, staged with its copy of the bundle
// Usage (after scripts/bundle.mjs): node scripts/package.mjs
// The version is Cargo.toml's; the npm package and the WordPress plugin must say the same.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { zipSync } from "fflate";

const OUT = "release";
const version = /^version = "([^"]+)"/m.exec(readFileSync("Cargo.toml", "utf8"))[1];
const npm = JSON.parse(readFileSync("packages/npm/package.json", "utf8"));
const plugin = readFileSync("packages/wordpress/relief-timeline/relief-timeline.php", "utf8");
const pluginReadme = readFileSync("packages/wordpress/relief-timeline/readme.txt", "utf8");
const versions = {
  "packages/npm/package.json": npm.version,
  "packages/wordpress/relief-timeline/relief-timeline.php (Version:)": /^\s*\*?\s*Version:\s*(\S+)/m.exec(plugin)?.[1],
  "packages/wordpress/relief-timeline/readme.txt (Stable tag:)": /^Stable tag:\s*(\S+)/m.exec(pluginReadme)?.[1],
};
for (const [where, v] of Object.entries(versions)) {
  if (v !== version) throw new Error(`${where} says version ${v}, Cargo.toml says ${version}: make them equal`);
}

// The files a page loads: the one-file bundle and the language scripts (the platforms' copy).
const bundle = readdirSync("dist").filter((f) => /^relief-timeline(\.[a-z]{2})?\.js$/.test(f));
const copyBundle = (to) => {
  mkdirSync(to, { recursive: true });
  for (const f of bundle) cpSync(join("dist", f), join(to, f));
};

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT);

// Each platform: its source folder, plus the bundle where its templates look for it.
cpSync("packages/wordpress", `${OUT}/wordpress`, { recursive: true });
copyBundle(`${OUT}/wordpress/relief-timeline/assets`);
writeFileSync(`${OUT}/relief-timeline-wordpress.zip`, zip(`${OUT}/wordpress`));
cpSync("packages/hugo", `${OUT}/hugo`, { recursive: true });
copyBundle(`${OUT}/hugo/relief-timeline/static/relief-timeline`);
cpSync("packages/jekyll", `${OUT}/jekyll`, { recursive: true });
copyBundle(`${OUT}/jekyll/assets/relief-timeline`);

// The package: what one uploads to /relief-timeline/ on a site, with everything else beside it.
const pkg = `${OUT}/relief-timeline`;
cpSync("dist", `${pkg}/dist`, { recursive: true });
for (const f of ["embed.html", "embed.js", "embed.css", "embed-parent.js", "favicon.svg"]) cpSync(`www/${f}`, `${pkg}/${f}`);
cpSync(`${OUT}/relief-timeline-wordpress.zip`, `${pkg}/wordpress/relief-timeline-wordpress.zip`);
cpSync(`${OUT}/hugo`, `${pkg}/hugo`, { recursive: true });
cpSync(`${OUT}/jekyll`, `${pkg}/jekyll`, { recursive: true });
const sri = JSON.parse(readFileSync("dist/sri.json", "utf8"));
writeFileSync(`${pkg}/README.md`, fill(readFileSync("packages/HOW-TO.md", "utf8"), { VERSION: version, SRI: sri["relief-timeline.js"] }));
for (const f of ["LICENSE-MIT", "LICENSE-APACHE"]) cpSync(f, `${pkg}/${f}`);
writeFileSync(`${pkg}/package.json`, JSON.stringify(npm, null, 2) + "\n");

execFileSync("npm", ["pack", "--silent", "--pack-destination", relative(pkg, OUT)], { cwd: pkg, stdio: ["ignore", "ignore", "inherit"] });
writeFileSync(`${OUT}/relief-timeline-${version}.zip`, zip(OUT, "relief-timeline"));

for (const f of readdirSync(OUT).filter((f) => /\.(zip|tgz)$/.test(f))) {
  console.log(`${OUT}/${f}: ${(statSync(`${OUT}/${f}`).size / 1024).toFixed(1)} KiB`);
}

/** `text` with each `%NAME%` replaced by `values[NAME]`; every name must be used. */
function fill(text, values) {
  for (const [name, value] of Object.entries(values)) {
    if (!text.includes(`%${name}%`)) throw new Error(`packages/HOW-TO.md has no %${name}% to fill in`);
    text = text.replaceAll(`%${name}%`, value);
  }
  return text;
}

/** A zip of `root`'s folder `top` (or of everything in `root`), with a fixed date so that the same
 * files give the same bytes. */
function zip(root, top = null) {
  const entries = {};
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else entries[relative(root, path)] = [readFileSync(path), { mtime: new Date("2026-01-01T00:00:00Z") }];
    }
  };
  walk(top ? join(root, top) : root);
  return zipSync(entries, { level: 9 });
}
