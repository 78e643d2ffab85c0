// `convoso-leads/proxy` under the strictest settings a consumer uses: a Node http server and the
// proxy (fixtures/proxy-server.ts) compiled with `--strict --exactOptionalPropertyTypes` against
// the packed package installed offline, as an ES module and as CommonJS, libraries'
// declarations included (no skipLibCheck) and Node's own types; the example app's Vite config
// (www/examples/react-hook-form/vite.config.ts, whose configureServer hook the README shows)
// compiled the same way against Vite's declarations; and each `@ts-expect-error` proven to mark
// a real error.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assertEachExpectErrorIsReal, strictCompiler } from '../lib/tsc.mjs';
import { project, ROOT } from '../pack/lib/package.mjs';
import { linkFromRepo } from '../lib/link.mjs';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const SERVER = readFileSync(path.join(FIXTURES, 'proxy-server.ts'), 'utf8');
const VITE_CONFIG = readFileSync(path.join(ROOT, 'www/examples/react-hook-form/vite.config.ts'), 'utf8');

let compile;
const cleanups = [];
before(async () => {
  const dir = await project({ after: (cleanup) => cleanups.push(cleanup) }, { type: 'module', files: {} });
  linkFromRepo(dir, ['@types/node', 'vite', '@vitejs/plugin-react']);
  compile = strictCompiler(dir, ['--types', 'node']);
});
after(() => cleanups.forEach((cleanup) => cleanup()));

test('a Node http server with the proxy compiles under exactOptionalPropertyTypes (ES module, .d.ts)', async () => {
  assert.deepEqual(await compile('server.mts', SERVER), []);
});

test('a Node http server with the proxy compiles under exactOptionalPropertyTypes (CommonJS, .d.cts)', async () => {
  assert.deepEqual(await compile('server.cts', SERVER), []);
});

test("the example's Vite config, with its configureServer hook mounting the proxy, compiles under exactOptionalPropertyTypes", async () => {
  assert.match(VITE_CONFIG, /configureServer\(server\)[\s\S]*createProxyMiddleware\(/);
  assert.deepEqual(await compile('vite.config.mts', VITE_CONFIG), []);
});

test('every @ts-expect-error marks a mistake tsc rejects', async () => {
  await assertEachExpectErrorIsReal(SERVER, compile, { atLeast: 5 });
});
