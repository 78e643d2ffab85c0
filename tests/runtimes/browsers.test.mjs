// The packed package in Chromium (chromedriver), Firefox ESR (geckodriver) and WebKitGTK
// (WebKitWebDriver's MiniBrowser under Xvfb), driven over plain WebDriver: one page imports
// both entries through an import map, one is bundled by esbuild; each runs every check against
// the sandbox from the page.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';
import { serveStatic } from '../lib/chromium.mjs';
import { openSession, startDriver } from '../lib/webdriver.mjs';
import { assertChecks, freePort, legProject } from './lib/leg.mjs';

const WEBKIT_DIR = readdirSync('/usr/lib/x86_64-linux-gnu', { withFileTypes: true })
  .filter((e) => /^webkit2gtk-4\.\d$/.test(e.name))
  .map((e) => `/usr/lib/x86_64-linux-gnu/${e.name}`)
  .find((dir) => existsSync(`${dir}/MiniBrowser`));

const BROWSERS = [
  {
    name: 'Chromium',
    driver: (port) => ['chromedriver', [`--port=${port}`]],
    capabilities: {
      browserName: 'chrome',
      'goog:chromeOptions': { binary: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'] },
    },
  },
  {
    name: 'Firefox',
    driver: (port) => ['geckodriver', ['--port', String(port), '--host', '127.0.0.1']],
    capabilities: { browserName: 'firefox', 'moz:firefoxOptions': { binary: '/usr/bin/firefox-esr', args: ['-headless'] } },
  },
  {
    name: 'WebKit',
    // WebKitGTK needs a display: a private Xvfb for the driver and its browsers.
    driver: (port) => ['xvfb-run', ['--auto-servernum', 'WebKitWebDriver', `--port=${port}`]],
    capabilities: { 'webkitgtk:browserOptions': { binary: `${WEBKIT_DIR}/MiniBrowser`, args: ['--automation'] } },
  },
];

for (const browser of BROWSERS) {
  test(`${browser.name}: an import-map page and an esbuild bundle, every check`, async (t) => {
    const dir = await legProject(t, { 'page.mjs': 'page.mjs' });
    const dist = '/node_modules/convoso-leads/dist';
    const importMap = { imports: { 'convoso-leads': `${dist}/index.js`, 'convoso-leads/validate': `${dist}/validate.js` } };
    const html = (script) => `<!doctype html><meta charset="utf-8"><title>checks</title>${script}`;
    writeFileSync(
      path.join(dir, 'import-map.html'),
      html(`<script type="importmap">${JSON.stringify(importMap)}</script><script type="module" src="/page.mjs"></script>`),
    );
    await build({ absWorkingDir: dir, entryPoints: ['page.mjs'], bundle: true, minify: true, format: 'esm', outfile: 'out/page.js', logLevel: 'warning' });
    writeFileSync(path.join(dir, 'bundled.html'), html('<script type="module" src="/out/page.js"></script>'));
    const site = await serveStatic(dir, { first: 19100, last: 19199 });
    t.after(site.close);

    const port = await freePort();
    const [command, args] = browser.driver(port);
    const driver = await startDriver(command, args, port);
    t.after(driver.stop);
    const session = await openSession(driver.url, browser.capabilities);
    t.after(session.close);
    t.diagnostic(`${browser.name}: ${session.browser}`);
    for (const page of ['import-map', 'bundled']) {
      const value = await session.read(`${site.origin}/${page}.html`, '__checks');
      if (value.error) throw new Error(`${browser.name} ${page}: ${value.error}`);
      await assertChecks(t, `${browser.name} (${page})`, value.checks);
    }
  });
}
