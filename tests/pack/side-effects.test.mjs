// `"sideEffects": false` is a promise to bundlers that importing an entry does nothing they
// must keep for its own sake. Each entry instantiates its WebAssembly at import, inside the
// module whose exports need it; so an app that imports only an error class must get the class
// without the module, and bundlers must drop it. Built by each bundler with no config.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { BUNDLERS, bundle } from './lib/bundlers.mjs';

const ONLY_ERRORS = {
  'src/index.js': [
    "import { ConvosoError, ConvosoValidationError } from 'convoso-leads';",
    "import { ConvosoApiError } from 'convoso-leads';",
    'globalThis.kinds = [ConvosoError, ConvosoValidationError, ConvosoApiError].map((c) => c.prototype.kind);',
  ].join('\n'),
};
const INLINED_WASM = /[0-9a-f]{512}/;

for (const bundler of BUNDLERS) {
  test(`${bundler.name}: an app importing only error classes bundles no WebAssembly`, async (t) => {
    const dir = await bundle(t, bundler, ONLY_ERRORS);
    const out = path.join(dir, 'dist');
    const js = readdirSync(out, { recursive: true })
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(path.join(out, file), 'utf8'))
      .join('\n');
    assert.ok(js.includes('ConvosoValidationError'), 'the error classes are bundled (their names are strings)');
    assert.doesNotMatch(js, INLINED_WASM, 'no inlined module');
    assert.ok(js.length < 20_000, `${js.length} bytes of JavaScript`);
  });
}
