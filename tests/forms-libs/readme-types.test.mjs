// The README's react-hook-form and TanStack Form examples (tests/forms-libs/fixtures/readme-*,
// the code between their README markers) compiled as a consumer would: `--strict
// --exactOptionalPropertyTypes`, against the packed package installed offline and the libraries'
// own declarations (no skipLibCheck); each `@ts-expect-error` proven to mark a real error; and
// the README's blocks proven to be these parts, and the example app's Vite hook, letter for letter.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assertEachExpectErrorIsReal, strictCompiler } from '../lib/tsc.mjs';
import { project, ROOT } from '../pack/lib/package.mjs';
import { linkFromRepo } from '../lib/link.mjs';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const RHF = readFileSync(path.join(FIXTURES, 'readme-rhf.tsx'), 'utf8');
const TANSTACK = readFileSync(path.join(FIXTURES, 'readme-tanstack.ts'), 'utf8');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const VITE_CONFIG = readFileSync(path.join(ROOT, 'www/examples/react-hook-form/vite.config.ts'), 'utf8');

let strict;
const cleanups = [];
before(async () => {
  const dir = await project({ after: (cleanup) => cleanups.push(cleanup) }, { type: 'module', files: {} });
  linkFromRepo(dir, [
    'react',
    'react-hook-form',
    '@hookform/resolvers',
    // An optional peer of @hookform/resolvers that its declarations import: an app installs it.
    '@standard-schema/spec',
    '@tanstack/form-core',
    '@types/react',
    '@types/node',
  ]);
  strict = strictCompiler(dir, ['--jsx', 'react-jsx', '--types', 'node']);
});
after(() => cleanups.forEach((cleanup) => cleanup()));

/** Compiles `text` as `file`; a `.mts` name (assertEachExpectErrorIsReal's) keeps `ext`'s. */
async function compile(file, text, ext) {
  const name = file.replace(/\.mts$/, ext);
  const errors = await strict(name, text);
  return errors.map((line) => line.replace(`${name}(`, `${file}(`));
}

/** The part the README shows. */
const readmePart = (source) => /\/\/ README:start\n([\s\S]*?)\/\/ README:end\n/.exec(source)?.[1] ?? '';

/** The `convosoProxy` plugin function of a Vite config, from its signature to its closing brace. */
const pluginOf = (source) => /^function convosoProxy\(\): Plugin \{\n[\s\S]*?^\}\n/m.exec(source)?.[0];

test('the README parts are there and carry the calls they document', () => {
  assert.match(readmePart(RHF), /resolver: standardSchemaResolver\(leadSchema\)/);
  assert.match(readmePart(TANSTACK), /validators: \{ onChange: leadSchema \}/);
  assert.match(pluginOf(VITE_CONFIG) ?? '', /configureServer\(server\)/);
});

test('the README shows these parts letter for letter (TanStack importing from @tanstack/react-form)', () => {
  assert.ok(README.includes(`\`\`\`tsx\n${readmePart(RHF)}\`\`\`\n`), 'the react-hook-form block');
  const tanstack = `\`\`\`ts\nimport { formOptions } from '@tanstack/react-form';\n${readmePart(TANSTACK)}\`\`\`\n`;
  assert.ok(README.includes(tanstack), 'the TanStack Form block');
  assert.ok(README.includes(pluginOf(VITE_CONFIG)), "the example app's Vite hook");
});

test('the react-hook-form example compiles under exactOptionalPropertyTypes', async () => {
  assert.deepEqual(await compile('rhf.tsx', RHF, '.tsx'), []);
});

test('the TanStack Form example compiles under exactOptionalPropertyTypes', async () => {
  assert.deepEqual(await compile('tanstack.mts', TANSTACK, '.mts'), []);
});

test('every @ts-expect-error in the react-hook-form example marks a mistake tsc rejects', async () => {
  await assertEachExpectErrorIsReal(RHF, (file, text) => compile(file, text, '.tsx'), { atLeast: 3 });
});

test('every @ts-expect-error in the TanStack Form example marks a mistake tsc rejects', async () => {
  await assertEachExpectErrorIsReal(TANSTACK, (file, text) => compile(file, text, '.mts'), { atLeast: 1 });
});
