// Retries, time limits and cancellation, counted by the sandbox: which failures are retried,
// how long the client waits, that insert is never sent again blindly, and that an abort ends
// a pending wait at once.
import assert from 'node:assert/strict';
import { after, beforeEach, test } from 'node:test';
import {
  assertNoToken,
  client,
  failure,
  fault,
  freshPhone,
  leadsWithPhone,
  pkg,
  recordingClient,
  requests,
  reset,
  sandbox,
  sleep,
  watchUnhandled,
} from './lib/harness.mjs';

const unhandled = watchUnhandled();
after(() => unhandled.check());
beforeEach(() => reset());

const IDEMPOTENT = [
  { name: 'search', call: (c, o) => c.searchLeads({ limit: 1 }, o) },
  { name: 'get-recordings', call: (c, o) => c.getRecordings({ lead_id: '12345' }, o) },
  { name: 'update', call: (c, o) => c.updateLead({ lead_id: '12345', city: 'Retryville' }, o) },
  { name: 'delete', call: (c, o) => c.deleteLead({ lead_id: '12345' }, o) },
];

const RETRYABLE = [
  ...[408, 429, 500, 502, 503, 504].map((status) => ({ name: `HTTP ${status}`, fault: { kind: 'status', status } })),
  { name: 'HTML 502', fault: { kind: 'html', status: 502 } },
  { name: 'dropped connection', fault: { kind: 'drop' } },
];

for (const endpoint of IDEMPOTENT) {
  test(`${endpoint.name} retries every retryable failure`, async () => {
    for (const { name, fault: f } of RETRYABLE) {
      await reset();
      await fault(endpoint.name, f);
      const { client: c, events } = recordingClient();
      await endpoint.call(c);
      assert.equal((await requests())[endpoint.name], 2, `${name}: one retry`);
      const retries = events.filter((e) => e.kind === 'retry');
      assert.equal(retries.length, 1, name);
      assert.ok(retries[0].delayMs >= 0 && retries[0].delayMs <= 500, `${name}: first backoff ≤ 500 ms`);
      assert.equal(retries[0].attempt, 1);
      assert.equal(retries[0].recheck, false);
      for (const event of events) assertNoToken(event, `${name}: the ${event.kind} hook payload`);
    }
  });
}

test('a timed-out attempt is retried, with a fresh time limit', async () => {
  await fault('search', { kind: 'delay', ms: 1500 });
  const page = await client({ timeoutMs: 300 }).searchLeads({ limit: 1 });
  assert.equal(page.results.length, 1);
  assert.equal((await requests()).search, 2);
});

test('backoff grows and retries stop after maxRetries (default 2)', async () => {
  await fault('search', { kind: 'status', status: 503 }, 10);
  const { client: c, events } = recordingClient();
  const error = await failure(() => c.searchLeads({ limit: 1 }));
  assert.ok(error instanceof pkg.ConvosoApiError);
  assert.equal(error.status, 503);
  assert.equal((await requests()).search, 3);
  const delays = events.filter((e) => e.kind === 'retry').map((e) => e.delayMs);
  assert.equal(delays.length, 2);
  assert.ok(delays[0] <= 500 && delays[1] <= 1000, `full jitter under 500, 1000 ms: ${delays}`);
  assert.deepEqual(
    events.filter((e) => e.kind === 'request').map((e) => e.attempt),
    [1, 2, 3],
  );
});

test('maxRetries is set per client and per call', async () => {
  await fault('search', { kind: 'status', status: 500 }, 20);
  await failure(() => client({ maxRetries: 1 }).searchLeads({}));
  assert.equal((await requests()).search, 2, 'client maxRetries: 1');
  await failure(() => client({ maxRetries: 1 }).searchLeads({}, { maxRetries: 0 }));
  assert.equal((await requests()).search, 3, 'call maxRetries: 0 overrides the client');
  await failure(() => client().searchLeads({}, { maxRetries: 4 }));
  assert.equal((await requests()).search, 8, 'call maxRetries: 4');
});

test('answers that retrying cannot change are not retried', async () => {
  for (const f of [
    { kind: 'status', status: 400 },
    { kind: 'status', status: 401 },
    { kind: 'status', status: 403 },
    { kind: 'status', status: 404 },
    { kind: 'html', status: 404 },
    { kind: 'truncated_json' },
  ]) {
    await reset();
    await fault('search', f);
    await failure(() => client().searchLeads({ limit: 1 }));
    assert.equal((await requests()).search, 1, JSON.stringify(f));
  }
  // A business error (HTTP 200, success: false) is final too.
  await reset();
  await failure(() => client({ validate: false }).searchLeads({ limit: 99999 }));
  assert.equal((await requests()).search, 1, 'invalid limit answered by the service');
});

test('Retry-After in seconds is honoured', async () => {
  await fault('search', { kind: 'status', status: 429, retry_after: '1' });
  const { client: c, events } = recordingClient();
  const started = Date.now();
  await c.searchLeads({ limit: 1 });
  assert.ok(Date.now() - started >= 950, `waited ${Date.now() - started} ms`);
  assert.equal(events.find((e) => e.kind === 'retry').delayMs, 1000);
});

test('Retry-After as an HTTP date is honoured', async () => {
  const when = new Date(Date.now() + 2000).toUTCString();
  await fault('search', { kind: 'status', status: 503, retry_after: when });
  const { client: c, events } = recordingClient();
  await c.searchLeads({ limit: 1 });
  const { delayMs } = events.find((e) => e.kind === 'retry');
  // The date has one-second precision.
  assert.ok(delayMs > 500 && delayMs <= 2000, `waited ${delayMs} ms for ${when}`);
  assert.equal((await requests()).search, 2);
});

test('a Retry-After beyond the cap (60 s) ends the retries instead of coming back early', async () => {
  await fault('search', { kind: 'status', status: 429, retry_after: '3600' });
  const started = Date.now();
  const error = await failure(() => client().searchLeads({ limit: 1 }));
  assert.equal(error.status, 429);
  assert.ok(Date.now() - started < 1000);
  assert.equal((await requests()).search, 1);
});

test('an abort ends a pending backoff wait at once', async () => {
  await fault('search', { kind: 'status', status: 503, retry_after: '30' });
  const controller = new AbortController();
  const { client: c, events } = recordingClient();
  const started = Date.now();
  const call = c.searchLeads({ limit: 1 }, { signal: controller.signal });
  while (!events.some((e) => e.kind === 'retry')) await sleep(10);
  controller.abort();
  const error = await failure(() => call);
  assert.ok(error instanceof pkg.ConvosoAbortError, error.name);
  assert.ok(Date.now() - started < 2000, `settled after ${Date.now() - started} ms`);
  assert.equal((await requests()).search, 1, 'no attempt after the abort');
});

test('an already aborted signal sends nothing', async () => {
  const error = await failure(() => client().searchLeads({ limit: 1 }, { signal: AbortSignal.abort() }));
  assert.ok(error instanceof pkg.ConvosoAbortError, error.name);
  assert.equal((await requests()).total, 0);
});

test('the deadline bounds every attempt and wait together', async () => {
  await fault('search', { kind: 'delay', ms: 5000 }, 5);
  const started = Date.now();
  const error = await failure(() => client({ deadlineMs: 800 }).searchLeads({ limit: 1 }));
  const took = Date.now() - started;
  assert.ok(error instanceof pkg.ConvosoTimeoutError, error.name);
  assert.ok(took >= 750 && took < 1500, `took ${took} ms for an 800 ms deadline`);
  assert.equal(error.timeoutMs, 800, 'the attempt was given what was left of the deadline');
  assert.equal((await requests()).search, 1, 'no time was left for a retry');

  await reset();
  await fault('search', { kind: 'status', status: 503, retry_after: '2' });
  const early = Date.now();
  const busy = await failure(() => client().searchLeads({ limit: 1 }, { deadlineMs: 1000 }));
  assert.equal(busy.status, 503, 'a wait past the deadline is not started');
  assert.ok(Date.now() - early < 800);
  assert.equal((await requests()).search, 1);
});

// Insert: a second send may create a second lead, so only provably unprocessed failures are
// retried by default. The sandbox counts every request that reaches it.

const insert = (c, phone, options) => c.insertLead({ list_id: '333', phone_number: phone }, options);

test('insert is not retried after a failure that may have reached the service', async () => {
  const cases = [
    ...[500, 502, 503, 504].map((status) => ({ kind: 'status', status })),
    { kind: 'html', status: 502 },
    { kind: 'drop' },
    { kind: 'truncated_json' },
  ];
  for (const f of cases) {
    await reset();
    await fault('insert', f);
    const phone = freshPhone();
    const { client: c, events } = recordingClient();
    await failure(() => insert(c, phone));
    assert.equal((await requests()).insert, 1, `${JSON.stringify(f)}: sent once`);
    assert.equal(events.filter((e) => e.kind === 'retry').length, 0);
  }
});

test('a timed-out insert is not sent again', async () => {
  await fault('insert', { kind: 'delay', ms: 800 });
  const phone = freshPhone();
  const { client: c, events } = recordingClient({ timeoutMs: 200 });
  const error = await failure(() => insert(c, phone));
  assert.ok(error instanceof pkg.ConvosoTimeoutError, error.name);
  await sleep(1000); // long enough for the service to have finished the first request
  assert.equal((await requests()).insert, 1);
  assert.equal(events.filter((e) => e.kind === 'retry').length, 0);
  // The sandbox drops a request whose client went away; a real service may not, and then the
  // one send is the one lead.
  assert.ok((await leadsWithPhone(phone)).length <= 1);
});

test('insert is retried when the answer proves it was not processed (408, 429)', async () => {
  for (const status of [408, 429]) {
    await reset();
    await fault('insert', { kind: 'status', status, retry_after: '0' });
    const phone = freshPhone();
    const { lead_id } = await insert(client(), phone);
    assert.equal((await requests()).insert, 2, `${status}: retried once`);
    assert.deepEqual(await leadsWithPhone(phone), [lead_id]);
  }
});

test('insertRetry "recheck": after an ambiguous failure, a search decides', async () => {
  await fault('insert', { kind: 'status', status: 500 });
  const phone = freshPhone();
  const { client: c, events } = recordingClient({ insertRetry: 'recheck' });
  const { lead_id } = await insert(c, phone);
  const counts = await requests();
  assert.equal(counts.insert, 2, 'not found, so sent again');
  assert.equal(counts.search, 2, 'a search before the first send, one after the failure');
  assert.equal(events.find((e) => e.kind === 'retry').recheck, true);
  assert.deepEqual(await leadsWithPhone(phone), [lead_id]);
});

test('insertRetry "recheck" resolves with the lead it finds instead of sending again', async () => {
  // The first send fails with a 503 that asks for a 1 s wait; during the wait the lead appears
  // (as if the first send had been processed after all).
  await fault('insert', { kind: 'status', status: 503, retry_after: '1' });
  const phone = freshPhone();
  let appeared;
  const c = client({
    onRetry: () => {
      appeared = client().insertLead({ list_id: '333', phone_number: phone });
    },
  });
  const result = await insert(c, phone, { insertRetry: 'recheck' });
  assert.equal(result.lead_id, (await appeared).lead_id);
  assert.equal((await requests()).insert, 2, 'the faulted send and the one made during the wait');
  assert.deepEqual(await leadsWithPhone(phone), [result.lead_id]);
});

test('hooks that throw or reject do not change a call', async () => {
  await fault('search', { kind: 'status', status: 503 });
  const c = client({
    onRequest() {
      throw new Error('hook failed');
    },
    onResponse: async () => {
      throw new Error('async hook failed');
    },
    onRetry() {
      throw new Error(sandbox().token);
    },
  });
  const page = await c.searchLeads({ limit: 1 });
  assert.equal(page.results.length, 1);
});
