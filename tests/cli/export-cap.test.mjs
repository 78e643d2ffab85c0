// Export past the service's 50,000-offset cap: a sandbox holding more than 50,000 visible
// leads, exported whole; every lead exactly once, as many as the service reports.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { cli, workdir } from './lib.mjs';

const { CONVOSO_SANDBOX_BIN: bin } = process.env;
const TOKEN = 'export-cap-token';
let sandbox;
let url;

before(async () => {
  sandbox = spawn(bin, ['--port', '0', '--token', TOKEN, '--style', 'live', '--seed', '60000'], { stdio: ['ignore', 'pipe', 'inherit'] });
  url = await new Promise((resolve, reject) => {
    let out = '';
    sandbox.stdout.on('data', (d) => {
      out += d;
      const found = /listening on (\S+)/.exec(out);
      if (found) resolve(found[1]);
    });
    sandbox.on('exit', () => reject(new Error(`sandbox exited: ${out}`)));
  });
});
after(() => sandbox?.kill());

test('every lead past the 50,000 offset cap, split by creation date, each once', async (t) => {
  const total = await fetch(`${url}/leads/search`, { method: 'POST', body: new URLSearchParams({ auth_token: TOKEN, limit: '1' }) })
    .then((r) => r.json())
    .then((a) => Number(a.data.total));
  assert.ok(total > 50_000, `the sandbox reports ${total} leads`);
  const out = path.join(workdir(t), 'all.jsonl');
  const started = performance.now();
  const run = await cli(['export', '--base-url', url, '--format', 'jsonl', '--out', out], { env: { CONVOSO_TOKEN: TOKEN } });
  assert.equal(run.status, 0, run.stderr.slice(-500));
  const ids = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l).id);
  console.log(`exported ${ids.length} leads in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  assert.equal(ids.length, total, 'as many leads as the service reports');
  assert.equal(new Set(ids).size, total, 'each lead once');
});
