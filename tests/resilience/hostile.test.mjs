// Hostile input at every export of both WebAssembly entries (the client and the validators),
// in Node; browser.test.mjs runs the same attack in Chromium. No input may trap the module or
// throw through it, every call must settle, and ordinary calls must work afterwards.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { attack, stillWorks, watchBoundary } from './lib/hostile.mjs';
import { reset, sandbox, watchUnhandled } from './lib/harness.mjs';

// Before the package instantiates its modules.
const crossings = watchBoundary();
const full = await import('../../pkg/dist/index.js');
const validate = await import('../../pkg/dist/validate.js');

const unhandled = watchUnhandled();
after(() => unhandled.check());

const client = (mod) => new mod.ConvosoClient({ authToken: sandbox().token, baseUrl: sandbox().url, maxRetries: 0 });

test('no hostile argument traps the module, and ordinary calls still work after', async () => {
  await reset();
  const modules = { 'convoso-leads': full, 'convoso-leads/validate': validate };
  const report = await attack(modules, { client });
  console.log(`${report.calls} hostile calls; errors by class: ${JSON.stringify(report.byClass)}`);
  assert.ok(report.calls > 10_000, `only ${report.calls} calls were made`);
  assert.deepEqual(report.traps, [], 'traps');
  assert.deepEqual(report.hung, [], 'calls that never settled');
  assert.deepEqual(report.notErrors, [], 'throws of something other than an Error');
  assert.deepEqual(await stillWorks(modules, { client }), []);
});

test('no exception thrown by a caller\'s value crossed into WebAssembly', () => {
  // wasm-bindgen's own "null pointer passed to rust" (a method called on a freed object) is
  // the one throw the package cannot route around; the attack makes a handful of those.
  const foreign = crossings.filter((c) => !/__wbindgen_throw/.test(c));
  assert.deepEqual([...new Set(foreign)], []);
  assert.ok(crossings.length < 100, `${crossings.length} wasm-bindgen throws`);
});
