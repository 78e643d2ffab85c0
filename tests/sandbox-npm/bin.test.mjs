// The `convoso-leads-sandbox` command from the installed packages: flags passed through, the
// printed URL, Ctrl-C (SIGINT) stopping it, no orphan when it is killed, a taken port and a
// missing binary explained.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { before, test } from 'node:test';
import { alive, answers, childrenOf, exeOf, goneWithin, project, run, spawnUntil, takenPort, tarballs } from './lib/install.mjs';

const LISTENING = /^convoso-sandbox listening on (http:\/\/127\.0\.0\.1:(\d+)\/v1)\n/m;
let dir;
let bin;
const env = { ...process.env };
delete env.CONVOSO_SANDBOX_BINARY;

before(async () => {
  const { main, platform } = tarballs();
  dir = await project(null, { packages: [main, platform] });
  bin = path.join(dir, 'node_modules/.bin/convoso-leads-sandbox');
});

/** Starts the command; resolves once it printed its URL, with the sandbox process under it. */
async function startBin(args, options = {}) {
  const started = await spawnUntil(bin, args, { cwd: dir, env, ...options }, LISTENING);
  const [, baseUrl, port] = started.match;
  const [sandboxPid] = childrenOf(started.child.pid);
  return { ...started, baseUrl, origin: baseUrl.replace(/\/v1$/, ''), port: Number(port), sandboxPid };
}

function exitOf(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.on('exit', (code, signal) => resolve({ code, signal }));
  });
}

test('--help lists the sandbox flags', async () => {
  const { stdout } = await run(bin, ['--help'], { cwd: dir, env });
  for (const flag of ['--port', '--token', '--style', '--seed', '--db', '--cors-origin', '--business-error-status', '--exit-with-stdin']) {
    assert.ok(stdout.includes(flag), flag);
  }
});

test('passes its flags through and prints the base URL; Ctrl-C (SIGINT) stops it', async () => {
  const sb = await startBin(['--port', '0', '--style', 'live', '--token', 'bin-token', '--seed', '2']);
  assert.ok(sb.port > 0 && sb.port !== 8787);
  assert.ok(exeOf(sb.sandboxPid).endsWith('node_modules/@convoso-leads/sandbox-linux-x64/bin/convoso-sandbox'), exeOf(sb.sandboxPid));
  const search = await fetch(`${sb.baseUrl}/leads/search`, { method: 'POST', body: new URLSearchParams({ auth_token: 'bin-token' }) });
  const body = await search.json();
  assert.equal(body.data.total, '3', 'live style, seed 2 (+ lead 12345)');
  const refused = await fetch(`${sb.baseUrl}/leads/search`, { method: 'POST', body: new URLSearchParams({ auth_token: 'dev-token' }) });
  assert.equal(refused.status, 401, 'only the given token');
  sb.child.kill('SIGINT');
  assert.deepEqual(await exitOf(sb.child), { code: 0, signal: null });
  assert.ok(await goneWithin(sb.sandboxPid, 5_000), 'the sandbox stopped too');
  assert.equal(await answers(sb.origin), false);
});

test('keeps running with stdin closed, as in a background job', async () => {
  const sb = await startBin(['--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.ok(await answers(sb.origin));
  sb.child.kill('SIGTERM');
  assert.equal((await exitOf(sb.child)).code, 0);
  assert.ok(await goneWithin(sb.sandboxPid, 5_000));
});

test('killed with SIGKILL, it leaves no sandbox behind', async () => {
  const sb = await startBin(['--port', '0']);
  assert.ok(alive(sb.sandboxPid));
  sb.child.kill('SIGKILL');
  assert.ok(await goneWithin(sb.sandboxPid, 5_000), `sandbox ${sb.sandboxPid} outlived the command`);
  assert.equal(await answers(sb.origin), false);
});

test('a taken port: exits non-zero and says so', async () => {
  const taken = await takenPort();
  try {
    const child = spawn(bin, ['--port', String(taken.port)], { cwd: dir, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const { code } = await exitOf(child);
    assert.notEqual(code, 0);
    assert.match(stderr, new RegExp(`cannot listen on 127\\.0\\.0\\.1:${taken.port}`));
  } finally {
    await taken.close();
  }
});

test('a refused flag: exits non-zero with the sandbox\'s message', async () => {
  const error = await run(bin, ['--style', 'fancy'], { cwd: dir, env }).catch((e) => e);
  assert.notEqual(error.code, 0);
  assert.match(error.stderr, /invalid value 'fancy' for '--style/);
});

test('without the platform package: says which package to install, or how to build it', async (t) => {
  const { main } = tarballs();
  const bare = await project(t, { packages: [main], npmArgs: ['--omit=optional'] });
  const error = await run(path.join(bare, 'node_modules/.bin/convoso-leads-sandbox'), ['--port', '0'], {
    cwd: bare,
    env: { ...env, PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin` },
  }).catch((e) => e);
  assert.equal(error.code, 1);
  assert.match(error.stderr, /npm install @convoso-leads\/sandbox-linux-x64/);
  assert.match(error.stderr, /cargo install --path sandbox/);
});
