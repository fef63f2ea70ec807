// A real WordPress (Debian's `wordpress` package) for the plugin's test, set up from nothing:
// MariaDB on a fresh temporary datadir (socket only), Apache with its own config on a free
// 127.0.0.1 port serving WordPress under /blog/, WordPress installed through PHP, the plugin
// installed from release/relief-timeline-wordpress.zip and activated, an Author with an
// application password. Everything lives in one temporary folder, plus
// /etc/wordpress/config-127.0.0.1.php (Debian picks the config file by host, port stripped);
// `stop()` ends the servers it started and removes both.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { join, resolve } from "node:path";

export const REPO = resolve(import.meta.dirname, "../..");
export const ZIP = join(REPO, "release/relief-timeline-wordpress.zip");
export const PLUGIN = "relief-timeline/relief-timeline.php";
const WORDPRESS = "/usr/share/wordpress";
const CONFIG = "/etc/wordpress/config-127.0.0.1.php";
const CLI = join(import.meta.dirname, "wordpress-cli.php");
const MARK = "Written by tests/platforms/wordpress-site.mjs";

/** Polls `check` (sync or async) until it returns truthy, at most `ms`; throws `what` after. */
export async function until(check, what, ms = 20000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 25));
  }
}

const freePort = () =>
  new Promise((ok, fail) => {
    const s = createServer().once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

const listening = (port) =>
  new Promise((ok) => {
    const c = createConnection({ host: "127.0.0.1", port }, () => (c.destroy(), ok(true)));
    c.on("error", () => ok(false));
  });

/** Starts `cmd` in its own session (setsid: Apache signals its whole process group on stop);
 * resolves `exited` when it ends. */
function daemon(cmd, args, log) {
  const child = spawn(cmd, args, { detached: true, stdio: ["ignore", "ignore", "pipe"] });
  child.stderrText = "";
  child.stderr.on("data", (d) => (child.stderrText += d));
  child.exited = new Promise((ok) => child.once("exit", (code, signal) => ok({ code, signal })));
  child.exited.then(() => (child.gone = true));
  child.log = log;
  return child;
}

/** Sends SIGTERM to a daemon it started and waits for its exit (SIGKILL to its group after 10 s). */
async function halt(child) {
  if (!child || child.gone) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => { try { process.kill(-child.pid, "SIGKILL"); } catch {} }, 10000);
  await child.exited;
  clearTimeout(timer);
}

/** Runs wordpress-cli.php COMMAND with `args`; returns its JSON. */
function wp(site, command, args = {}) {
  try {
    const out = execFileSync("php", [CLI, command, JSON.stringify(args)], { env: { ...process.env, WP_TEST_HOST: `127.0.0.1:${site.port}` }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return JSON.parse(out);
  } catch (e) {
    throw new Error(`wordpress-cli.php ${command} failed: ${e.stderr || ""}${e.stdout || e.message}`);
  }
}

const sql = (site, statements) =>
  execFileSync("mariadb", ["--no-defaults", `--socket=${site.socket}`, "-uroot", "-e", statements], { stdio: ["ignore", "pipe", "pipe"] });

/** Sets it all up; returns the site: { url (…/blog), port, dir, plugins, admin and author (REST
 * users: { user, password } with an application password), adminPassword (to log in),
 * debugLog, wp(command, args), stop() }. */
export async function startWordPress() {
  if (process.getuid() !== 0) throw new Error("the WordPress test runs as root (it starts MariaDB and Apache, and writes /etc/wordpress)");
  if (!existsSync(ZIP)) throw new Error(`${ZIP} is missing: build it with ./x build (node scripts/package.mjs)`);
  const dir = mkdtempSync("/tmp/relief-timeline-wp-");
  chmodSync(dir, 0o755); // www-data reads wp-content here, and connects to the socket
  const site = { dir, port: 0, stop: null };
  const state = { mariadb: null, apache: null, configBackup: null, configWritten: false };
  // Interrupted (Ctrl-C): the servers run in sessions of their own, so end them here.
  const interrupted = (signal) => {
    for (const child of [state.apache, state.mariadb]) if (child && !child.gone) child.kill("SIGTERM");
    if (state.configWritten && state.configBackup === null) rmSync(CONFIG, { force: true });
    rmSync(dir, { recursive: true, force: true });
    process.exit(128 + (signal === "SIGINT" ? 2 : 15));
  };
  process.once("SIGINT", interrupted).once("SIGTERM", interrupted);
  site.stop = async () => {
    process.off("SIGINT", interrupted).off("SIGTERM", interrupted);
    await halt(state.apache);
    await halt(state.mariadb);
    if (state.configWritten) {
      if (state.configBackup !== null) writeFileSync(CONFIG, state.configBackup);
      else rmSync(CONFIG, { force: true });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // MariaDB: a fresh datadir every run (so every run starts from an empty database).
    const run = join(dir, "run");
    mkdirSync(join(dir, "db"));
    mkdirSync(run);
    execFileSync("chown", ["mysql:mysql", join(dir, "db"), run]);
    execFileSync("mariadb-install-db", ["--no-defaults", `--datadir=${dir}/db`, "--user=mysql", "--skip-test-db", "--auth-root-authentication-method=socket"], { stdio: "ignore" });
    site.socket = join(run, "mysqld.sock");
    state.mariadb = daemon("/usr/sbin/mariadbd", ["--no-defaults", `--datadir=${dir}/db`, `--socket=${site.socket}`, `--pid-file=${run}/mysqld.pid`,
      "--skip-networking", "--user=mysql", `--log-error=${run}/mysqld.err`, "--innodb-buffer-pool-size=32M", "--skip-log-bin"]);
    await until(() => state.mariadb.gone ? Promise.reject(new Error(`mariadbd exited: ${readLog(`${run}/mysqld.err`)}`)) : existsSync(site.socket), "the MariaDB socket");
    const dbPassword = randomBytes(12).toString("hex");
    await until(() => { try { sql(site, "SELECT 1"); return true; } catch { return false; } }, "MariaDB to answer");
    sql(site, `CREATE DATABASE wordpress; CREATE USER 'wordpress'@'localhost' IDENTIFIED BY '${dbPassword}'; GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';`);

    // wp-content of its own: the plugins folder, Debian's theme and language files linked in.
    site.port = await freePort();
    site.url = `http://127.0.0.1:${site.port}/blog`;
    const content = join(dir, "wp-content");
    site.plugins = join(content, "plugins");
    mkdirSync(site.plugins, { recursive: true });
    mkdirSync(join(content, "themes"));
    symlinkSync(`${WORDPRESS}/wp-content/themes/twentytwentythree`, join(content, "themes/twentytwentythree"));
    symlinkSync(`${WORDPRESS}/wp-content/languages`, join(content, "languages"));
    mkdirSync(join(content, "uploads"));
    execFileSync("chown", ["www-data:www-data", join(content, "uploads")]);
    writeFileSync(join(dir, "debug.log"), "");
    execFileSync("chown", ["www-data:www-data", join(dir, "debug.log")]);
    site.debugLog = join(dir, "debug.log");

    const salt = () => randomBytes(32).toString("hex");
    // Someone's own config for this host is put back afterwards; one left by a killed run is not.
    state.configBackup = existsSync(CONFIG) && !readFileSync(CONFIG, "utf8").includes(MARK) ? readFileSync(CONFIG) : null;
    state.configWritten = true;
    writeFileSync(CONFIG, `<?php
// ${MARK} for one test run, removed after it.
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', '${dbPassword}');
define('DB_HOST', 'localhost:${site.socket}');
define('WP_CONTENT_DIR', '${content}');
define('WP_CONTENT_URL', '${site.url}/wp-content');
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '${site.debugLog}');
${["AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY", "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT"].map((k) => `define('${k}', '${salt()}');`).join("\n")}
`);

    // Apache: its own minimal config, prefork + mod_php, WordPress under /blog/.
    const logs = join(dir, "apache");
    mkdirSync(logs);
    // The site's root holds only a favicon (browsers ask for /favicon.ico; WordPress is in /blog/).
    mkdirSync(join(dir, "htdocs"));
    copyFileSync(`${WORDPRESS}/wp-includes/images/w-logo-blue-white-bg.png`, join(dir, "htdocs/favicon.ico"));
    const mod = (name, file = `mod_${name}.so`) => `LoadModule ${name}_module /usr/lib/apache2/modules/${file}`;
    writeFileSync(join(dir, "apache.conf"), `ServerName 127.0.0.1
Listen 127.0.0.1:${site.port}
PidFile ${logs}/httpd.pid
DefaultRuntimeDir ${logs}
ErrorLog ${logs}/error.log
LogFormat "%h \\"%r\\" %>s %b" short
CustomLog ${logs}/access.log short
User www-data
Group www-data
${mod("mpm_prefork")}
${mod("authz_core")}
${mod("alias")}
${mod("dir")}
${mod("mime")}
${mod("rewrite")}
${mod("php", "libphp8.2.so")}
StartServers 2
MinSpareServers 2
MaxSpareServers 4
MaxRequestWorkers 8
TypesConfig /etc/mime.types
DirectoryIndex index.php index.html
DocumentRoot ${dir}/htdocs
<Directory ${dir}/htdocs>
  Require all granted
</Directory>
<FilesMatch "\\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
<Directory />
  AllowOverride None
  Require all denied
</Directory>
Alias /blog/wp-content ${content}
Alias /blog ${WORDPRESS}
<Directory ${WORDPRESS}>
  Options FollowSymLinks
  Require all granted
  RewriteEngine On
  RewriteBase /blog/
  RewriteRule ^index\\.php$ - [L]
  RewriteCond %{REQUEST_FILENAME} !-f
  RewriteCond %{REQUEST_FILENAME} !-d
  RewriteRule . /blog/index.php [L]
</Directory>
<Directory ${content}>
  Options FollowSymLinks
  Require all granted
  <FilesMatch "\\.php$">
    Require all denied
  </FilesMatch>
</Directory>
`);
    state.apache = daemon("/usr/sbin/apache2", ["-f", join(dir, "apache.conf"), "-DFOREGROUND"]);
    await until(async () => {
      if (state.apache.gone) throw new Error(`apache2 exited: ${state.apache.stderrText}${readLog(`${logs}/error.log`)}`);
      return listening(site.port);
    }, "Apache to listen");

    // WordPress, the plugin from the release zip, the Author.
    site.adminPassword = randomBytes(12).toString("hex");
    const install = wp(site, "install", { url: site.url, adminPassword: site.adminPassword });
    site.admin = install.admin;
    site.author = install.author;
    execFileSync("unzip", ["-q", ZIP, "-d", site.plugins]);
    if (!wp(site, "activate", { plugin: PLUGIN }).active) throw new Error("the plugin did not activate");
    site.wp = (command, args) => wp(site, command, args);
    return site;
  } catch (e) {
    await site.stop();
    throw e;
  }
}

const readLog = (file) => (existsSync(file) ? readFileSync(file, "utf8").slice(-2000) : "");
