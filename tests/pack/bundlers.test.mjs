// The packed package in browser apps: one app source, built by Vite, webpack 5 and esbuild with
// no plugin and no config (only the imports), and also loaded unbundled through an import map,
// then run in headless Chromium against the sandbox. The package instantiates its WebAssembly
// synchronously on the main thread at import; the import-map page measures what that costs.
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium, runPage, serve } from './lib/browser.mjs';
import { checkScenario, fixtures, observeSandbox, scenarioConfig } from './lib/consumer.mjs';
import { BUNDLERS, bundle } from './lib/bundlers.mjs';
import { project } from './lib/package.mjs';

const APP = fixtures({ 'src/index.js': 'browser-app.mjs', 'src/scenario.mjs': 'scenario.mjs' });
// `rel=icon` to data: keeps Chromium from asking for /favicon.ico, which would log a 404.
const HEAD = '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">';
const SCRIPT_PAGE = (script) => `${HEAD}<script type="module" src="${script}"></script>\n`;

// How to load each bundler's output (Vite writes its own page).
const PAGES = { 'webpack 5': SCRIPT_PAGE('./main.js'), esbuild: SCRIPT_PAGE('./main.js') };

let browser;
before(async () => {
  browser = await launchChromium();
});
after(() => browser?.close());

/** Runs the app at `url` in Chromium, counting what reached the sandbox, and checks it all. */
async function runAndCheck(t, url) {
  const config = scenarioConfig();
  const { result, seen } = await observeSandbox(() => runPage(browser, url, config));
  assert.equal(result.error, undefined, `the app failed: ${result.error}`);
  assert.deepEqual(result.problems, [], 'no uncaught error, no console error');
  await checkScenario(t, { report: result.report, config, seen });
  return result.report;
}

for (const bundler of BUNDLERS) {
  test(`${bundler.name} build in Chromium`, async (t) => {
    const dir = await bundle(t, bundler, APP);
    if (PAGES[bundler.name]) writeFileSync(path.join(dir, 'dist/index.html'), PAGES[bundler.name]);
    await runAndCheck(t, `${await serve(t, path.join(dir, 'dist'))}/`);
  });
}

test('unbundled ES modules through an import map in Chromium', async (t) => {
  const dir = await project(t, { type: 'module', files: { ...APP, ...fixtures({ 'src/timing.js': 'timing.mjs' }) } });
  const dist = 'node_modules/convoso-leads/dist';
  const modules = readdirSync(path.join(dir, dist), { recursive: true }).filter((file) => file.endsWith('.js'));
  const importMap = { imports: { 'convoso-leads': `/${dist}/index.js`, 'convoso-leads/validate': `/${dist}/validate.js` } };
  const page = (script, preload) =>
    [
      HEAD,
      `<script type="importmap">${JSON.stringify(importMap)}</script>`,
      ...preload.map((file) => `<link rel="modulepreload" href="/${dist}/${file}">`),
      `<script type="module" src="${script}"></script>`,
    ].join('\n');
  writeFileSync(path.join(dir, 'index.html'), page('/src/index.js', []));
  writeFileSync(path.join(dir, 'timing.html'), page('/src/timing.js', modules));
  const url = await serve(t, dir);

  await runAndCheck(t, `${url}/`);

  // Timings on a shared machine are noisy: the median of a few fresh page loads.
  const TIMING_RUNS = 5;
  const runs = [];
  for (let i = 0; i < TIMING_RUNS; i++) {
    const { report, problems } = await runPage(browser, `${url}/timing.html`, {});
    assert.deepEqual(problems, []);
    assert.equal(report.timings.length, 4, 'both entries imported, both modules compiled synchronously');
    runs.push(report.timings);
  }
  for (const [index, { what }] of runs[0].entries()) {
    const ms = runs.map((timings) => timings[index].ms).sort((a, b) => a - b);
    t.diagnostic(`Chromium main thread: ${what}: median ${ms[ms.length >> 1].toFixed(1)} ms of ${TIMING_RUNS}`);
  }
});
