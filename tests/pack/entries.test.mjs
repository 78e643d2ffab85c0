// What each entry of the installed package carries, measured the way scripts/size.mjs reports
// sizes (esbuild bundle, minified, gzip -9): the main entry the client build and the validation
// module (which checks the client's requests and serves the validators: the client build has
// no rules of its own), the validation entry only the small one, the proxy none.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { packageSizes } from '../../scripts/size.mjs';
import { project } from './lib/package.mjs';

const EXPECTED = {
  'convoso-leads': { build: 'full', modules: 2 },
  'convoso-leads/validate': { build: 'validate', modules: 1 },
  'convoso-leads/proxy': { build: null, modules: 0 },
};

test('each entry bundles exactly the WebAssembly module it needs', async (t) => {
  const dir = await project(t, { type: 'module', files: {} });
  const rows = await packageSizes(path.join(dir, 'node_modules/convoso-leads'), null);
  assert.deepEqual(
    Object.fromEntries(rows.map((row) => [row.entry, { build: row.wasmBuild, modules: row.wasmModules }])),
    EXPECTED,
  );
  for (const row of rows) {
    t.diagnostic(`${row.entry}: ${row.totalGzip} B gzip -9 (JavaScript part ${row.jsGzip} B), ${row.totalBytes} B raw`);
  }
});
