// The packed package in Deno and Bun (their binaries from the repository's npm install), each
// importing both entries from a fresh project's node_modules and running every check.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { BIN, ROOT, run } from '../pack/lib/package.mjs';
import { assertChecks, legProject } from './lib/leg.mjs';

// npm's `bun` bin is a placeholder its postinstall replaces, and npm 11 runs no install scripts
// (package.json `allowScripts`): the binary is taken from its per-platform package instead.
const BUN = path.join(ROOT, `node_modules/@oven/bun-${process.platform}-${process.arch}/bin/bun`);
const LEGS = [
  { name: 'Deno', command: [path.join(BIN, 'deno'), ['run', '--allow-all', '--no-prompt', 'leg.mjs']], version: ['--version'] },
  { name: 'Bun', command: [BUN, ['leg.mjs']], version: ['--version'] },
];

for (const leg of LEGS) {
  test(`${leg.name}: both entries and every endpoint`, async (t) => {
    const [binary, args] = leg.command;
    const { stdout: version } = await run(binary, leg.version);
    t.diagnostic(`${leg.name} ${version.trim().split('\n')[0]}`);
    const dir = await legProject(t, { 'leg.mjs': 'leg.mjs' });
    // No DENO_DIR/BUN cache of a previous run is involved: each reads the project's node_modules.
    const { stdout } = await run(binary, args, { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
    const report = JSON.parse(stdout.trim().split('\n').at(-1));
    await t.test(`${leg.name} resolves the ESM entries from the project`, () => {
      for (const file of report.resolved) {
        assert.ok(file.includes(`${dir}/node_modules/convoso-leads/dist/`), file);
        assert.match(file, /\/dist\/(index|validate)\.js$/);
      }
    });
    await assertChecks(t, leg.name, report.checks);
  });
}
