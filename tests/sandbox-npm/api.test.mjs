// startSandbox() from the installed packages, loaded as an ES module and as CommonJS: a free
// port, a full round trip through convoso-leads' ConvosoClient, every fault kind, reset,
// stats, two sandboxes at once, stop() and asyncDispose, start failures, and no orphans.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { alive, answers, fixture, goneWithin, project, spawnUntil, takenPort, tarballs } from './lib/install.mjs';

/** A valid North American number no other run uses. */
function freshPhone() {
  let exchange = randomInt(200, 1000);
  if (exchange % 100 === 11) exchange += 1;
  return `415${exchange}${String(randomInt(0, 10_000)).padStart(4, '0')}`;
}

/** POSTs a form to an endpoint; resolves to `{ status, headers, text }`. */
async function post(sb, endpoint, params, token = sb.token) {
  const response = await fetch(`${sb.baseUrl}/leads/${endpoint}`, {
    method: 'POST',
    body: new URLSearchParams({ auth_token: token, ...params }),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

let dir;
const loaded = {};
before(async () => {
  const { main, platform, client } = tarballs();
  dir = await project(null, {
    files: {
      'entry.mjs': fixture('entry.mjs'),
      'entry.cjs': fixture('entry.cjs'),
      'parent.mjs': fixture('parent.mjs'),
      'parent.cjs': fixture('parent.cjs'),
    },
    packages: [main, platform, client],
  });
  loaded.ESM = await import(pathToFileURL(path.join(dir, 'entry.mjs')).href);
  // A CommonJS module loaded through require (import() of a .cjs goes through the same loader).
  const { createRequire } = await import('node:module');
  loaded.CommonJS = createRequire(path.join(dir, 'entry.cjs'))('./entry.cjs');
  // The tests must exercise the installed platform package, not an override.
  delete process.env.CONVOSO_SANDBOX_BINARY;
});

for (const kind of ['ESM', 'CommonJS']) {
  describe(`startSandbox (${kind})`, () => {
    /** @type {any} */
    let api;
    const running = [];
    before(() => {
      api = loaded[kind];
    });
    after(async () => {
      await Promise.all(running.map((sb) => sb.stop()));
    });
    async function start(options) {
      const sb = await api.startSandbox(options);
      running.push(sb);
      return sb;
    }

    test('loads its own entry and the binary of the installed platform package', () => {
      const entry = kind === 'ESM' ? 'index.js' : 'index.cjs';
      assert.equal(
        kind === 'ESM' ? new URL(api.resolved).pathname : api.resolved,
        path.join(dir, 'node_modules/convoso-leads-sandbox', entry),
      );
      // An offline install skips a missing optional dependency silently: prove it resolved.
      const binary = api.sandboxBinary();
      assert.equal(binary, path.join(dir, 'node_modules/@convoso-leads/sandbox-linux-x64/bin/convoso-sandbox'));
      assert.ok(statSync(binary).mode & 0o111, 'executable');
      const bytes = readFileSync(binary);
      assert.equal(bytes.subarray(0, 4).toString('latin1'), '\x7fELF');
      assert.ok(!bytes.includes('/lib64/ld-linux'), 'static: no dynamic loader named');
    });

    test('starts on a free port and reports where', async () => {
      const sb = await start();
      assert.ok(sb.port > 0 && sb.port !== 8787, `port ${sb.port}`);
      assert.equal(sb.baseUrl, `http://127.0.0.1:${sb.port}/v1`);
      assert.equal(sb.origin, `http://127.0.0.1:${sb.port}`);
      assert.equal(sb.token, 'dev-token');
      assert.ok(alive(sb.pid));
      const health = await fetch(`${sb.origin}/__sandbox/health`);
      assert.deepEqual(await health.json(), { ok: true });
    });

    for (const style of ['documented', 'live']) {
      test(`insert → search → update → delete through ConvosoClient (${style} style)`, async () => {
        const sb = await start({ style, seed: 5, tokens: ['first-token', 'second-token'] });
        assert.equal(sb.token, 'first-token');
        const client = new api.ConvosoClient({ authToken: sb.token, baseUrl: sb.baseUrl });
        const phone = freshPhone();
        const inserted = await client.insertLead({ list_id: '333', phone_number: phone, first_name: 'Round' });
        assert.match(inserted.lead_id, /^\d+$/);
        const found = await client.searchLeads({ phone_number: phone });
        assert.deepEqual(
          found.results.map((l) => [l.id, l.first_name, l.status]),
          [[inserted.lead_id, 'Round', 'NEW']],
        );
        const updated = await client.updateLead({ lead_id: inserted.lead_id, status: 'SALE' });
        assert.equal(updated.lead_id, inserted.lead_id);
        const again = await client.searchLeads({ lead_id: inserted.lead_id });
        assert.equal(again.results[0]?.status, 'SALE');
        const deleted = await client.deleteLead({ lead_id: inserted.lead_id });
        assert.equal(deleted.success, true);
        assert.deepEqual((await client.searchLeads({ phone_number: phone })).results, []);
        const { requests, leads } = await sb.stats();
        assert.deepEqual(requests, { search: 3, 'get-recordings': 0, insert: 1, update: 1, delete: 1, total: 6 });
        assert.equal(leads, 6, 'lead 12345 and 5 seeded; the inserted one is deleted');
        // The second token is accepted too; an unknown one is not.
        assert.equal((await post(sb, 'search', { lead_id: '12345' }, 'second-token')).status, 200);
        assert.equal((await post(sb, 'search', {}, 'nope')).status, 401);
      });
    }

    test('a 429 with Retry-After, then success: the client waits and retries', async () => {
      const sb = await start();
      const queued = await sb.fault({ endpoint: 'search', kind: 'status', status: 429, retryAfter: 1 });
      assert.deepEqual(queued, { queued: 1 });
      const retries = [];
      const client = new api.ConvosoClient({
        authToken: sb.token,
        baseUrl: sb.baseUrl,
        onRetry: (event) => retries.push(event.delayMs),
      });
      const started = Date.now();
      const page = await client.searchLeads({ lead_id: '12345' });
      assert.equal(page.results[0]?.id, '12345');
      assert.ok(Date.now() - started >= 950, `waited ${Date.now() - started} ms`);
      assert.deepEqual(retries, [1000]);
      assert.equal((await sb.stats()).requests.search, 2, 'sent twice');
    });

    test('status faults: the status, Retry-After, a body, for N requests of one endpoint', async () => {
      const sb = await start({ style: 'live' });
      await sb.fault({ endpoint: 'search', count: 2, kind: 'status', status: 503, retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' });
      await sb.fault({ endpoint: 'update', kind: 'status', status: 500, body: 'oops' });
      for (let i = 0; i < 2; i++) {
        const answer = await post(sb, 'search', {});
        assert.equal(answer.status, 503);
        assert.equal(answer.headers.get('retry-after'), 'Wed, 21 Oct 2026 07:28:00 GMT');
        assert.equal(JSON.parse(answer.text).code, 503);
      }
      assert.equal((await post(sb, 'search', {})).status, 200, 'the third is not faulted');
      assert.equal((await post(sb, 'delete', { lead_id: '999999' })).status, 200, 'other endpoints are not');
      assert.deepEqual(await post(sb, 'update', {}).then((a) => [a.status, a.text]), [500, 'oops']);
    });

    test('delay, html and truncated_json faults', async () => {
      const sb = await start();
      await sb.fault({ kind: 'delay', ms: 300 });
      let started = Date.now();
      const delayed = await post(sb, 'search', { lead_id: '12345' });
      assert.ok(Date.now() - started >= 300, 'delayed');
      assert.equal(JSON.parse(delayed.text).results[0].id, '12345', 'then answered normally');

      await sb.fault({ endpoint: 'get-recordings', kind: 'html' });
      const html = await post(sb, 'get-recordings', { lead_id: '12345' });
      assert.equal(html.status, 502);
      assert.match(html.headers.get('content-type'), /^text\/html/);
      assert.match(html.text, /<html>/);

      await sb.fault({ endpoint: 'search', kind: 'truncated_json' });
      const cut = await post(sb, 'search', {});
      assert.equal(cut.status, 200);
      assert.equal(cut.headers.get('content-type'), 'application/json');
      assert.throws(() => JSON.parse(cut.text), SyntaxError);
      started = Date.now();
      await post(sb, 'search', {});
      assert.ok(Date.now() - started < 300, 'no fault left over');
    });

    test('drop and drop_after: no answer, the work undone or done', async () => {
      const sb = await start();
      const before = (await sb.stats()).leads;
      const dropped = freshPhone();
      await sb.fault({ endpoint: 'insert', kind: 'drop' });
      await assert.rejects(post(sb, 'insert', { list_id: '333', phone_number: dropped }), TypeError);
      assert.equal((await sb.stats()).leads, before, 'drop: nothing inserted');
      const committed = freshPhone();
      await sb.fault({ endpoint: 'insert', kind: 'drop_after' });
      await assert.rejects(post(sb, 'insert', { list_id: '333', phone_number: committed }), TypeError);
      assert.equal((await sb.stats()).leads, before + 1, 'drop_after: the insert was committed');
      const client = new api.ConvosoClient({ authToken: sb.token, baseUrl: sb.baseUrl });
      assert.equal((await client.searchLeads({ phone_number: committed })).results.length, 1);
      assert.equal((await client.searchLeads({ phone_number: dropped })).results.length, 0);
    });

    test('a bad fault is refused with the reason; clearFaults empties the queue', async () => {
      const sb = await start();
      await assert.rejects(sb.fault({ kind: 'status', status: 99 }), /400.*status must be from 200 to 599/);
      await assert.rejects(sb.fault({ kind: 'status', status: 500, count: 0 }), /count must be at least 1/);
      await sb.fault({ kind: 'status', status: 500, count: 5 });
      await sb.clearFaults();
      assert.equal((await post(sb, 'search', {})).status, 200);
    });

    test('reset: seeded data, zero counters and no faults again', async () => {
      const sb = await start({ seed: 2 });
      const seeded = (await sb.stats()).leads;
      await post(sb, 'insert', { list_id: '333', phone_number: freshPhone() });
      await sb.fault({ kind: 'status', status: 500, count: 3 });
      assert.equal((await sb.stats()).leads, seeded + 1);
      await sb.reset();
      const stats = await sb.stats();
      assert.equal(stats.leads, seeded);
      assert.equal(stats.requests.total, 0);
      assert.equal((await post(sb, 'search', {})).status, 200, 'faults cleared');
    });

    test('two sandboxes at once keep their own port, tokens and data', async () => {
      const [a, b] = await Promise.all([start({ tokens: ['token-a'] }), start({ tokens: ['token-b'], style: 'live' })]);
      assert.notEqual(a.port, b.port);
      const phone = freshPhone();
      assert.equal((await post(a, 'insert', { list_id: '333', phone_number: phone })).status, 200);
      assert.equal(JSON.parse((await post(a, 'search', { phone_number: phone })).text).results.length, 1);
      assert.deepEqual(JSON.parse((await post(b, 'search', { phone_number: phone })).text).data.entries, []);
      assert.equal((await post(b, 'search', {}, 'token-a')).status, 401);
      assert.equal((await a.stats()).requests.insert, 1);
      assert.equal((await b.stats()).requests.insert, 0);
    });

    test('stop() resolves once the process has exited; twice is fine', async () => {
      const sb = await api.startSandbox();
      await sb.stop();
      assert.equal(alive(sb.pid), false, 'exited when stop() resolved');
      assert.equal(await answers(sb.origin), false);
      await sb.stop();
    });

    test('[Symbol.asyncDispose]() stops it', async () => {
      const sb = await api.startSandbox();
      assert.equal(typeof sb[Symbol.asyncDispose], 'function');
      await sb[Symbol.asyncDispose]();
      assert.equal(alive(sb.pid), false);
    });

    test('db: the data outlives the sandbox in its SQLite file', async (t) => {
      const { mkdtempSync, rmSync } = await import('node:fs');
      const { tmpdir } = await import('node:os');
      const folder = mkdtempSync(path.join(tmpdir(), 'convoso-sandbox-db-'));
      t.after(() => rmSync(folder, { recursive: true, force: true }));
      const db = path.join(folder, 'leads.db');
      const phone = freshPhone();
      const first = await api.startSandbox({ db, seed: 1 });
      assert.equal((await post(first, 'insert', { list_id: '333', phone_number: phone })).status, 200);
      await first.stop();
      const second = await start({ db });
      assert.equal(JSON.parse((await post(second, 'search', { phone_number: phone })).text).results.length, 1);
      assert.equal((await second.stats()).leads, 3, 'lead 12345, one seeded, one inserted');
    });

    test('numbered errors with HTTP 200 by default, 400 with businessErrorStatus', async () => {
      const plain = await start();
      const strict = await start({ businessErrorStatus: 400 });
      for (const [sb, status] of [
        [plain, 200],
        [strict, 400],
      ]) {
        const answer = await post(sb, 'insert', { list_id: '333' });
        assert.deepEqual([answer.status, JSON.parse(answer.text).code], [status, 6007]);
      }
    });

    test('start failures reject with what went wrong, never with the token', async () => {
      const taken = await takenPort();
      try {
        const error = await api.startSandbox({ port: taken.port, tokens: ['secret-token-1'] }).catch((e) => e);
        assert.ok(error instanceof api.SandboxStartError, String(error));
        assert.equal(error.reason, 'exited');
        assert.match(error.message, new RegExp(`cannot listen on 127\\.0\\.0\\.1:${taken.port}`));
        assert.ok(!error.message.includes('secret-token-1'));
      } finally {
        await taken.close();
      }
      const badFlag = await api.startSandbox({ style: 'fancy', tokens: ['secret-token-2'] }).catch((e) => e);
      assert.equal(badFlag.reason, 'exited');
      assert.match(badFlag.message, /invalid value 'fancy' for '--style/);
      assert.ok(!badFlag.message.includes('secret-token-2'));
      const badStatus = await api.startSandbox({ businessErrorStatus: 99 }).catch((e) => e);
      assert.match(badStatus.message, /business-error-status/);
      const missing = await api.startSandbox({ binary: path.join(dir, 'no-such-binary') }).catch((e) => e);
      assert.equal(missing.reason, 'binary');
      assert.match(missing.message, /does not exist.*@convoso-leads\/sandbox-linux-x64.*cargo install --path sandbox/);
    });

    test('a parent killed with SIGKILL leaves no sandbox behind', async () => {
      const script = kind === 'ESM' ? 'parent.mjs' : 'parent.cjs';
      const { child, match } = await spawnUntil(process.execPath, [script, 'hold'], { cwd: dir }, /^(\{.*\})\n/m);
      const { pid, origin } = JSON.parse(match[1]);
      assert.ok(alive(pid) && (await answers(origin)), 'running while the parent lives');
      child.kill('SIGKILL');
      assert.ok(await goneWithin(pid, 5_000), `sandbox ${pid} outlived its SIGKILLed parent`);
      assert.equal(await answers(origin), false);
    });

    test('a parent that ends without stop() is not kept alive, and takes the sandbox along', async () => {
      const script = kind === 'ESM' ? 'parent.mjs' : 'parent.cjs';
      const { child, match } = await spawnUntil(process.execPath, [script, 'leave'], { cwd: dir }, /^(\{.*\})\n/m);
      const { pid } = JSON.parse(match[1]);
      const code = await new Promise((resolve) => {
        const timer = setTimeout(() => resolve('still running after 5 s'), 5_000);
        child.on('exit', (c) => {
          clearTimeout(timer);
          resolve(c);
        });
        if (child.exitCode !== null) resolve(child.exitCode);
      });
      assert.equal(code, 0);
      assert.ok(await goneWithin(pid, 5_000), `sandbox ${pid} outlived its parent`);
    });
  });
}

test('without the platform package: a clear error naming it and the cargo fallback', async (t) => {
  const { main } = tarballs();
  // --omit=optional stands for every way npm drops it silently (offline, another platform's lock).
  const bare = await project(t, { files: { 'entry.mjs': fixture('entry.mjs').replace(/^export \{ ConvosoClient.*$/m, '') }, packages: [main], npmArgs: ['--omit=optional'] });
  const api = await import(pathToFileURL(path.join(bare, 'entry.mjs')).href);
  const savedPath = process.env.PATH;
  process.env.PATH = '/usr/bin:/bin';
  try {
    assert.throws(() => api.sandboxBinary(), (error) => {
      assert.equal(error.reason, 'binary');
      assert.match(error.message, /no sandbox binary for linux-x64/);
      assert.match(error.message, /npm install @convoso-leads\/sandbox-linux-x64/);
      assert.match(error.message, /cargo install --path sandbox/);
      return true;
    });
    await assert.rejects(api.startSandbox(), /npm install @convoso-leads\/sandbox-linux-x64/);
  } finally {
    process.env.PATH = savedPath;
  }
});
