// The package's types as a strict TypeScript user meets them (fixtures/consumer.ts, compiled
// with `tsc --noEmit --strict` against the installed tarball, as an ES module and as
// CommonJS, libraries' declarations included), each `@ts-expect-error` proven to mark a real
// error, and the package's own JavaScript checked against its declarations (`--checkJs`).
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { assertEachExpectErrorIsReal, tscErrors } from '../lib/tsc.mjs';
import { fixture, project, ROOT, tarballs } from './lib/install.mjs';

const TSC = path.join(ROOT, 'node_modules/.bin/tsc');
const SOURCE = fixture('consumer.ts');
const TSC_FLAGS = ['--noEmit', '--strict', '--module', 'nodenext', '--target', 'es2022', '--lib', 'es2022', '--pretty', 'false'];

let dir;
const cleanups = [];
before(async () => {
  const { main } = tarballs();
  dir = await project({ after: (cleanup) => cleanups.push(cleanup) }, { packages: [main], npmArgs: ['--omit=optional'] });
});
after(() => cleanups.forEach((cleanup) => cleanup()));

function tsc(args) {
  return tscErrors(TSC, args, dir);
}

async function compile(file, text) {
  writeFileSync(path.join(dir, file), text);
  return tsc([...TSC_FLAGS, '--types', '', file]);
}

test('the strict consumer compiles as an ES module (index.d.ts)', async () => {
  assert.deepEqual(await compile('consumer.mts', SOURCE), []);
});

test('the strict consumer compiles as CommonJS (index.d.cts)', async () => {
  assert.deepEqual(await compile('consumer.cts', SOURCE), []);
});

test('every @ts-expect-error marks a mistake tsc rejects', async () => {
  await assertEachExpectErrorIsReal(SOURCE, compile, { atLeast: 8 });
});

test('the package JavaScript type-checks against its declarations (--checkJs --strict)', async () => {
  const pkg = path.join(dir, 'node_modules/convoso-leads-sandbox');
  // Node's own types: the repository's @types/node, linked (its undici-types resolve there).
  mkdirSync(path.join(dir, 'node_modules/@types'), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules/@types/node'), path.join(dir, 'node_modules/@types/node'));
  const files = ['index.cjs', 'index.js', 'bin/convoso-leads-sandbox.cjs'].map((f) => path.join(pkg, f));
  assert.deepEqual(await tsc([...TSC_FLAGS, '--allowJs', '--checkJs', '--types', 'node', ...files]), []);
});
