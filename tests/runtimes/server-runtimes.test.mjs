// The packed package in Node (ES modules and CommonJS), Deno and Bun (their binaries from the
// repository's npm install), each loading both entries from a fresh project's node_modules and
// running every check.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { BIN, ROOT, run } from '../pack/lib/package.mjs';
import { assertChecks, legProject } from './lib/leg.mjs';

// npm's `bun` bin is a placeholder its postinstall replaces, and npm 11 runs no install scripts
// (package.json `allowScripts`): the binary is taken from its per-platform package instead.
const BUN = path.join(ROOT, `node_modules/@oven/bun-${process.platform}-${process.arch}/bin/bun`);
const ESM = /\/dist\/(index|validate)\.js$/;
const LEGS = [
  { name: 'Node ESM', command: [process.execPath, ['leg.mjs']], loads: ESM },
  { name: 'Node CommonJS', command: [process.execPath, ['leg.cjs']], loads: /\/dist\/(index|validate)\.cjs$/ },
  { name: 'Deno', command: [path.join(BIN, 'deno'), ['run', '--allow-all', '--no-prompt', 'leg.mjs']], loads: ESM },
  { name: 'Bun', command: [BUN, ['leg.mjs']], loads: ESM },
];

for (const leg of LEGS) {
  test(`${leg.name}: both entries and every endpoint`, async (t) => {
    const [binary, args] = leg.command;
    const { stdout: version } = await run(binary, ['--version']);
    t.diagnostic(`${leg.name} ${version.trim().split('\n')[0]}`);
    const dir = await legProject(t, { [args.at(-1)]: args.at(-1) });
    // No DENO_DIR/BUN cache of a previous run is involved: each reads the project's node_modules.
    const { stdout } = await run(binary, args, { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
    const report = JSON.parse(stdout.trim().split('\n').at(-1));
    await t.test(`${leg.name} resolves the ESM entries from the project`, () => {
      for (const file of report.resolved) {
        assert.ok(file.includes(`${dir}/node_modules/convoso-leads/dist/`), file);
        assert.match(file, leg.loads);
      }
    });
    await assertChecks(t, leg.name, report.checks);
  });
}
