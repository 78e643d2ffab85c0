// Debian's Chromium (tests/lib/chromium.mjs) in a laptop-sized window, with screenshots saved
// where the README shows them.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../lib/chromium.mjs';

const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

export async function launch() {
  const browser = await launchChromium();
  // A laptop-sized window: the screenshots show what a person would see.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Each step waits for something specific; a missing one should fail fast, not after 30 s.
  context.setDefaultTimeout(15_000);
  return { browser, page: await context.newPage() };
}

/** Saves `docs/screenshots/<name>.png`; long screens (result tables) can keep to the window. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}
