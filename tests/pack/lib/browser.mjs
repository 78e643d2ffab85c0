// Headless Chromium (Debian's, driven by playwright-core: never a downloaded browser) and a
// static file server for the built consumer apps.
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// This suite's port range; each server takes the first free one.
const PORTS = { first: 19000, last: 19099 };
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css' };

export function launchChromium() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Serves `dir` on 127.0.0.1 until the test ends; resolves to its origin. */
export async function serve(t, dir) {
  const root = path.resolve(dir);
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const file = path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!file.startsWith(`${root}${path.sep}`) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  for (let port = PORTS.first; port <= PORTS.last; port++) {
    try {
      await listen(server, port);
      t.after(() => new Promise((resolve) => server.close(resolve)));
      return `http://127.0.0.1:${port}`;
    } catch (error) {
      if (error.code !== 'EADDRINUSE') throw error;
    }
  }
  throw new Error(`no free port in ${PORTS.first}-${PORTS.last}`);
}

/**
 * Opens `url` with `window.__config = config` set before any page script, waits for the app to
 * publish `window.__scenario`, and returns it with every uncaught error and console error.
 */
export async function runPage(browser, url, config) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  try {
    await page.addInitScript((value) => {
      window.__config = value;
    }, config);
    await page.goto(url);
    const handle = await page.waitForFunction(() => window.__scenario, null, { timeout: 30_000 });
    return { ...(await handle.jsonValue()), problems };
  } catch (error) {
    throw new Error(`${url}: ${error.message}\n${problems.join('\n')}`);
  } finally {
    await page.close();
  }
}
