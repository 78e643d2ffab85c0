// The package in headless Chromium (Debian's, through playwright-core): constructing a client
// with a token in a web page is refused unless the caller opts in; the hostile attack of
// hostile.test.mjs; a retry that waits out a Retry-After (readable cross-origin) and an abort
// that ends the wait.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, serveStatic } from '../lib/chromium.mjs';
import { reset, sandbox } from './lib/harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// This suite's port range for the page server.
const PORTS = { first: 19350, last: 19399 };
let result;

before(async () => {
  await reset();
  const site = await serveStatic(ROOT, PORTS);
  const browser = await launchChromium();
  after(async () => {
    await browser.close();
    await site.close();
  });
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.addInitScript((config) => {
    window.__config = config;
  }, sandbox());
  await page.goto(`${site.origin}/tests/resilience/page/index.html`);
  const handle = await page.waitForFunction(() => window.__result, null, { timeout: 600_000, polling: 500 });
  result = await handle.jsonValue();
  assert.equal(result.died, undefined, result.died);
  assert.deepEqual(problems, []);
});

test('a token in a web page is refused without dangerouslyAllowBrowser', () => {
  const { refused, optedInWorks } = result.token;
  assert.notEqual(refused, 'constructed');
  assert.equal(refused.validation, true, 'a ConvosoValidationError');
  assert.equal(refused.field, 'options.authToken');
  assert.match(refused.message, /web page/);
  assert.equal(refused.showsToken, false);
  assert.equal(optedInWorks, true, 'dangerouslyAllowBrowser: true constructs a working client');
});

test('Retry-After is read cross-origin and waited out; an abort ends a pending wait', () => {
  const r = result.retry;
  assert.equal(r.found, 1);
  assert.deepEqual(r.delays.slice(0, 1), [1000]);
  assert.ok(r.waited >= 950, `waited ${r.waited} ms`);
  assert.equal(r.aborted, 'ConvosoAbortError');
  assert.ok(r.abortTook < 2000, `the abort took ${r.abortTook} ms`);
  assert.equal(r.searches, 3, 'the 429, its retry, and the 503 before the abort');
});

test('no hostile argument traps the module in Chromium either', () => {
  const h = result.hostile;
  console.log(`${h.calls} hostile calls in Chromium; errors by class: ${JSON.stringify(h.byClass)}`);
  assert.ok(h.calls > 10_000);
  assert.deepEqual(h.traps, []);
  assert.deepEqual(h.hung, []);
  assert.deepEqual(h.notErrors, []);
  assert.deepEqual(h.stillWorks, []);
  assert.deepEqual(result.crossings, [], 'exceptions that crossed into WebAssembly');
});
