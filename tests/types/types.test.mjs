// The package's types as a strict TypeScript user meets them: consumer.ts compiled with
// `tsc --noEmit --strict` against the packed package installed in a throwaway project, as an
// ES module (import conditions, .d.ts) and as CommonJS (require conditions, .d.cts), with the
// libraries' declarations checked too (no skipLibCheck). Then the same file with its
// `@ts-expect-error` directives removed must fail on exactly the lines they marked: proof that
// each deliberate mistake is a real type error, not a directive that would pass anyway.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assertEachExpectErrorIsReal, tscErrors } from '../lib/tsc.mjs';
import { BIN, project } from '../pack/lib/package.mjs';

const SOURCE = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'consumer.ts'), 'utf8');
// `DOM` for fetch, Request, Response and AbortSignal in the declarations; the package needs no
// other lib setting.
const TSC_FLAGS = ['--noEmit', '--strict', '--module', 'nodenext', '--target', 'es2022', '--lib', 'es2022,dom', '--pretty', 'false'];

// One project for the three compilations, removed when the file's tests are done.
let dir;
const cleanups = [];
before(async () => {
  dir = await project({ after: (cleanup) => cleanups.push(cleanup) }, { type: 'module', files: {} });
});
after(() => cleanups.forEach((cleanup) => cleanup()));

/** Compiles one file of the project; resolves to its diagnostics as `file(line,col): error ...` lines. */
async function compile(file, text) {
  writeFileSync(path.join(dir, file), text);
  return tscErrors(path.join(BIN, 'tsc'), [...TSC_FLAGS, file], dir);
}

test('the strict consumer compiles as an ES module (import, .d.ts)', async () => {
  assert.deepEqual(await compile('consumer.mts', SOURCE), []);
});

test('the strict consumer compiles as CommonJS (require, .d.cts)', async () => {
  assert.deepEqual(await compile('consumer.cts', SOURCE), []);
});

test('every @ts-expect-error marks a mistake tsc rejects', async () => {
  await assertEachExpectErrorIsReal(SOURCE, compile, { atLeast: 8 });
});
