// Headless Chromium and the static server for the built consumer apps (tests/lib/chromium.mjs),
// and the page runner the consumer checks read their report from.
import { serveStatic } from '../../lib/chromium.mjs';

export { launchChromium } from '../../lib/chromium.mjs';

// This suite's port range; each server takes the first free one.
const PORTS = { first: 19000, last: 19099 };

/** Serves `dir` on 127.0.0.1 until the test ends; resolves to its origin. */
export async function serve(t, dir) {
  const site = await serveStatic(dir, PORTS);
  t.after(site.close);
  return site.origin;
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
