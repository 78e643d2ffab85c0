// The fault matrix: every endpoint against every failure the sandbox can inject. Each case is
// one attempt (maxRetries: 0) and checks the error class and its fields, that the token is in
// no message, `cause`, `toString()`, stack or hook payload, and (at the end) that nothing was
// left as an unhandled rejection.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  assertNoToken,
  failure,
  fault,
  freshPhone,
  pkg,
  recordingClient,
  requests,
  reset,
  sandbox,
  watchUnhandled,
} from './lib/harness.mjs';

const unhandled = watchUnhandled();
after(() => unhandled.check());
before(() => reset());

/** Each endpoint: its name in the sandbox's fault API, its method and a valid call. */
const ENDPOINTS = [
  { name: 'search', path: '/leads/search', call: (c, o) => c.searchLeads({ limit: 2 }, o) },
  { name: 'get-recordings', path: '/leads/get-recordings', call: (c, o) => c.getRecordings({ lead_id: '12345' }, o) },
  { name: 'insert', path: '/leads/insert', call: (c, o) => c.insertLead({ list_id: '333', phone_number: freshPhone() }, o) },
  { name: 'update', path: '/leads/update', call: (c, o) => c.updateLead({ lead_id: '12345', first_name: 'Matrix' }, o) },
  // Lead 12345 exists in every seed; a fault stops the delete before it happens, and the one
  // case that lets it through (slow) resets the sandbox after.
  { name: 'delete', path: '/leads/delete', call: (c, o) => c.deleteLead({ lead_id: '12345' }, o) },
];

/** A body that quotes the request back, token and all, as some proxies' error pages do. */
const echo = () => `auth_token=${sandbox().token}&lead_id=12345 was refused`;

/** Each fault: how to inject it, the call options, and what the error must look like. */
const FAULTS = [
  ...[500, 502, 503].map((status) => ({
    name: `HTTP ${status}`,
    fault: { kind: 'status', status },
    expect: { cls: 'ConvosoApiError', status, code: status },
  })),
  {
    name: 'HTTP 429 with Retry-After',
    fault: { kind: 'status', status: 429, retry_after: '1' },
    expect: { cls: 'ConvosoApiError', status: 429, code: 429 },
  },
  ...[401, 403].map((status) => ({
    name: `HTTP ${status}`,
    fault: { kind: 'status', status },
    expect: { cls: 'ConvosoApiError', status, code: status },
  })),
  {
    name: 'HTTP 500 whose JSON message echoes the token',
    fault: () => ({ kind: 'status', status: 500, body: JSON.stringify({ success: false, code: 500, text: echo() }) }),
    expect: { cls: 'ConvosoApiError', status: 500, code: 500 },
  },
  {
    name: 'HTML error page',
    fault: { kind: 'html', status: 502 },
    expect: { cls: 'ConvosoHttpError', status: 502, snippet: /502/ },
  },
  {
    name: 'HTML error page that echoes the token',
    fault: () => ({ kind: 'status', status: 502, body: `<html><title>502</title><body>${echo()}</body></html>` }),
    expect: { cls: 'ConvosoHttpError', status: 502 },
  },
  {
    name: 'truncated JSON',
    fault: { kind: 'truncated_json' },
    expect: { cls: 'ConvosoDecodeError', status: 200 },
  },
  {
    name: 'dropped connection',
    fault: { kind: 'drop' },
    expect: { cls: 'ConvosoNetworkError' },
  },
  {
    name: 'timeout',
    fault: { kind: 'delay', ms: 3000 },
    options: { timeoutMs: 200 },
    expect: { cls: 'ConvosoTimeoutError', timeoutMs: 200, within: 2000 },
  },
  {
    name: 'abort mid-flight',
    fault: { kind: 'delay', ms: 3000 },
    abortAfter: 150,
    expect: { cls: 'ConvosoAbortError', within: 2000 },
  },
  {
    name: 'slow response (within the time limit)',
    fault: { kind: 'delay', ms: 300 },
    options: { timeoutMs: 5000 },
    expect: 'success',
  },
];

for (const endpoint of ENDPOINTS) {
  for (const f of FAULTS) {
    test(`${endpoint.name} × ${f.name}`, async () => {
      await reset();
      await fault(endpoint.name, typeof f.fault === 'function' ? f.fault() : f.fault);
      const { client, events } = recordingClient({ maxRetries: 0 });
      const controller = new AbortController();
      if (f.abortAfter) setTimeout(() => controller.abort(), f.abortAfter);
      const options = { ...f.options, signal: controller.signal };
      const started = Date.now();

      if (f.expect === 'success') {
        const result = await endpoint.call(client, options);
        assert.ok(Date.now() - started >= 250, 'the answer was slow');
        assertNoToken(result, 'the result');
      } else {
        const error = await failure(() => endpoint.call(client, options));
        const { cls, status, code, snippet, timeoutMs, within } = f.expect;
        assert.ok(error instanceof pkg.ConvosoError, `a ConvosoError, not ${error?.name}: ${error}`);
        assert.ok(error instanceof pkg[cls], `expected ${cls}, got ${error.name}: ${error.message}`);
        assert.equal(error.name, cls);
        assert.equal(error.endpoint, endpoint.path);
        if (status !== undefined) assert.equal(error.status, status);
        if (code !== undefined) assert.equal(error.code, code);
        if (snippet) assert.match(error.bodySnippet, snippet);
        if (timeoutMs !== undefined) assert.equal(error.timeoutMs, timeoutMs);
        if (within) assert.ok(Date.now() - started < within, `settled after ${Date.now() - started} ms`);
        assert.ok(error.message.length > 0);
        assertNoToken(error, `${cls} from ${f.name}`);
      }
      for (const event of events) assertNoToken(event, `the ${event.kind} hook payload`);
      assert.ok(events.some((e) => e.kind === 'request'), 'onRequest was called');
      assert.ok(events.some((e) => e.kind === 'response'), 'onResponse was called');
      assert.equal(events.filter((e) => e.kind === 'retry').length, 0, 'maxRetries: 0 never retries');
      assert.equal((await requests())[endpoint.name], 1, 'exactly one request was sent');
    });
  }
}
