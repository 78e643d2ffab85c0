// The TypeScript types of the Standard Schema objects as a strict user meets them: the consumer
// (fixtures/consumer.mts) compiled with `tsc --strict --exactOptionalPropertyTypes --noEmit`,
// declarations included (no skipLibCheck), against the packed tarball installed in a fresh
// project, as an ES module and as CommonJS (`import ... = require`). Its `@ts-expect-error`
// lines must each mark a real error, in both module kinds. And what the declarations say is
// always there on `~standard` must be there at run time.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { assertEachExpectErrorIsReal, strictCompiler } from '../lib/tsc.mjs';
import { project } from '../pack/lib/package.mjs';
import { linkFromRepo } from '../lib/link.mjs';

const SOURCE = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/consumer.mts'), 'utf8');
const END_OF_IMPORTS = '// -- end of imports';

// The consumer's body under CommonJS imports: the package as `require` gives it, types by `import type`.
const CJS_SOURCE = `// The CommonJS copy of consumer.mts (made by types.test.mjs): only the imports differ.
import convoso = require('convoso-leads');
import validateEntry = require('convoso-leads/validate');
import type { InsertParams, LeadIssue, RecordingsParams, SearchParams, UpdateParams } from 'convoso-leads';
import type * as Convoso from 'convoso-leads';
import type { StandardJSONSchemaV1, StandardSchemaV1 } from '@standard-schema/spec';
const { bindLeadForm, leadSchema, recordingsSchema, searchSchema, updateSchema } = convoso;
${SOURCE.slice(SOURCE.indexOf(END_OF_IMPORTS))}`;

let dir;
const cleanups = [];
before(async () => {
  dir = await project(
    { after: (cleanup) => cleanups.push(cleanup) },
    { type: 'module', files: { 'runtime.mjs': "export * from 'convoso-leads';\n" } },
  );
  // The spec's own interfaces, as a consumer library installs them (types only).
  linkFromRepo(dir, ['@standard-schema/spec']);
});
after(() => cleanups.forEach((cleanup) => cleanup()));

/** Compiles one file of the project; resolves to its `file(line,col): error ...` lines. */
const compile = (file, text) => strictCompiler(dir)(file, text);

test('the consumer source has its imports marker', () => {
  assert.ok(SOURCE.includes(END_OF_IMPORTS) && CJS_SOURCE.includes('= require('), 'the CommonJS copy was made');
});

test('the strict consumer compiles as an ES module (import, .d.ts)', async () => {
  assert.deepEqual(await compile('consumer.mts', SOURCE), []);
});

test('the strict consumer compiles as CommonJS (require, .d.cts)', async () => {
  assert.deepEqual(await compile('consumer.cts', CJS_SOURCE), []);
});

test('every @ts-expect-error marks a mistake tsc rejects (ES module)', async () => {
  await assertEachExpectErrorIsReal(SOURCE, compile, { atLeast: 14 });
});

test('every @ts-expect-error marks a mistake tsc rejects (CommonJS)', async () => {
  // The helper compiles `mistakes.mts`; an import assignment needs a .cts, so rename both ways.
  const asCommonJs = async (_file, text) =>
    (await compile('mistakes.cts', text)).map((line) => line.replace(/^mistakes\.cts\(/, 'mistakes.mts('));
  await assertEachExpectErrorIsReal(CJS_SOURCE, asCommonJs, { atLeast: 14 });
});

test('what the declarations make non-optional on ~standard exists at run time', async () => {
  // One line per schema and member, read without `?.`: tsc accepts a line only if the
  // declarations say the member is always there.
  const schemas = ['leadSchema', 'updateSchema', 'searchSchema', 'recordingsSchema'];
  const members = ['version', 'vendor', 'validate', 'jsonSchema', 'types'];
  const probes = schemas.flatMap((schema) => members.map((member) => [schema, member]));
  const source = [
    `import { ${schemas.join(', ')} } from 'convoso-leads';`,
    ...probes.map(([schema, member], i) => `export const m${i}: object | string | number = ${schema}['~standard'].${member};`),
  ].join('\n');
  const errors = await compile('probe.mts', source);
  // The only failures: a member declared optional (possibly undefined).
  assert.ok(errors.every((line) => /TS2322|TS18048/.test(line)), errors.join('\n'));
  const optional = new Set(errors.map((line) => Number(/^probe\.mts\((\d+),/.exec(line)?.[1]) - 2));
  const runtime = await import(pathToFileURL(path.join(dir, 'runtime.mjs')).href);
  const absent = probes
    .filter(([schema, member], i) => !optional.has(i) && runtime[schema]['~standard'][member] === undefined)
    .map(([schema, member]) => `${schema}['~standard'].${member}`);
  assert.ok(optional.size < probes.length, 'most members are declared always present');
  assert.deepEqual(absent, [], 'declared always present, but undefined at run time');
});
