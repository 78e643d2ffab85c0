// tsc as the type tests use it: diagnostics as lines, and the proof that each
// `@ts-expect-error` in a consumer file marks a real mistake.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

const DIRECTIVE = '// @ts-expect-error';

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
