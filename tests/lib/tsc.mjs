// tsc as the type tests use it: diagnostics as lines, and the proof that each
// `@ts-expect-error` in a consumer file marks a real mistake.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { BIN } from '../pack/lib/package.mjs';

const run = promisify(execFile);

const DIRECTIVE = '// @ts-expect-error';

// What a strict user sets, and `DOM` for the form types; a test adds only what its file needs.
const STRICT = [
  '--noEmit',
  '--strict',
  '--exactOptionalPropertyTypes',
  '--module',
  'nodenext',
  '--target',
  'es2022',
  '--lib',
  'es2022,dom',
  '--pretty',
  'false',
];

/**
 * A `compile(file, text)` for project `dir`: writes the file there and resolves to the error
 * lines of the repository's tsc, run on it alone with the strict flags and `extra`.
 */
export function strictCompiler(dir, extra = []) {
  return (file, text) => {
    writeFileSync(path.join(dir, file), text);
    return tscErrors(path.join(BIN, 'tsc'), [...STRICT, ...extra, file], dir);
  };
}

/** Runs tsc; resolves to its `file(line,col): error TS…` lines (none when it passes). */
export async function tscErrors(tsc, args, cwd) {
  try {
    await run(tsc, args, { cwd });
    return [];
  } catch (error) {
    if (!error.stdout) throw error;
    return error.stdout.split('\n').filter((line) => line.includes(': error TS'));
  }
}

/**
 * A directive covers the next line; the source with its directives blanked (line numbers kept),
 * compiled as `mistakes.mts`, must fail on exactly the lines they marked and no others.
 */
export async function assertEachExpectErrorIsReal(source, compile, { atLeast }) {
  const lines = source.split('\n');
  const marked = lines.flatMap((line, index) => (line.trim().startsWith(DIRECTIVE) ? [index + 2] : []));
  assert.ok(marked.length >= atLeast, `the consumer has its deliberate mistakes (${marked.length})`);
  const stripped = lines.map((line) => (line.trim().startsWith(DIRECTIVE) ? '' : line)).join('\n');
  const errors = await compile('mistakes.mts', stripped);
  const failing = [...new Set(errors.map((line) => Number(/^mistakes\.mts\((\d+),/.exec(line)?.[1])))];
  assert.deepEqual(failing.sort((a, b) => a - b), marked, `tsc output:\n${errors.join('\n')}`);
}
