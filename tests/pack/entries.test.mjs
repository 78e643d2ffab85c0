// What each entry of the installed package carries, measured the way scripts/size.mjs reports
// sizes (esbuild bundle, minified, gzip -9): the main entry exactly one WebAssembly module (the
// full build, which also serves the validators), the validation entry only the small one, the
// proxy none.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { packageSizes } from '../../scripts/size.mjs';
import { project } from './lib/package.mjs';

const EXPECTED = {
  'convoso-leads': 'full',
  'convoso-leads/validate': 'validate',
  'convoso-leads/proxy': null,
};

test('each entry bundles exactly the WebAssembly module it needs', async (t) => {
  const dir = await project(t, { type: 'module', files: {} });
  const rows = await packageSizes(path.join(dir, 'node_modules/convoso-leads'), null);
  assert.deepEqual(
    Object.fromEntries(rows.map((row) => [row.entry, { build: row.wasmBuild, modules: row.wasmModules }])),
    Object.fromEntries(
      Object.entries(EXPECTED).map(([entry, build]) => [entry, { build, modules: build ? 1 : 0 }]),
    ),
  );
  for (const row of rows) {
    t.diagnostic(`${row.entry}: ${row.totalGzip} B gzip -9 (JavaScript part ${row.jsGzip} B), ${row.totalBytes} B raw`);
  }
});
