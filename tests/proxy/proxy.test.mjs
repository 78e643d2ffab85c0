// convoso-leads/proxy against the sandbox: the token is injected server-side and never leaks,
// the browser's token is dropped, allow-lists and the size cap hold, and the service's answer
// comes back unchanged. Needs SANDBOX_URL and SANDBOX_TOKEN (scripts/test/e2e.sh starts one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { once } from 'node:events';
import { createProxyHandler, createProxyMiddleware, toNodeHandler } from '../../pkg-template/proxy.js';

const upstream = process.env.SANDBOX_URL;
const authToken = process.env.SANDBOX_TOKEN;
if (!upstream || !authToken) {
  throw new Error('SANDBOX_URL and SANDBOX_TOKEN must be set: run scripts/test/e2e.sh');
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
// The browser-side origin the proxy is mounted under; only the path matters to it.
const APP = 'http://app.test/api';

/** A fetch that reaches the sandbox and remembers exactly what it was asked to send. */
function recordingFetch() {
  const calls = [];
  const fetchImpl = async (url, init) => {
    calls.push({ url: String(url), body: String(init.body), headers: new Headers(init.headers) });
    return fetch(url, init);
  };
  return { calls, fetch: fetchImpl };
}

function post(path, body, headers = FORM) {
  return new Request(`${APP}${path}`, { method: 'POST', headers, body });
}

/** Every answer the proxy gives is checked for the token, whatever the test is about. */
async function text(response) {
  const body = await response.text();
  assert.ok(!body.includes(authToken), 'the token must never appear in an answer');
  for (const [, value] of response.headers) assert.ok(!value.includes(authToken));
  return body;
}

async function direct(path, body) {
  const response = await fetch(`${upstream}${path}`, { method: 'POST', headers: FORM, body });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}

test('the sandbox refuses a call without a token, so the proxy injecting it is what makes calls work', async () => {
  const withoutToken = await direct('/leads/search', 'limit=1');
  const parsed = JSON.parse(withoutToken.body);
  assert.ok(withoutToken.status !== 200 || parsed.success === false, withoutToken.body);

  const { calls, fetch: fetchImpl } = recordingFetch();
  const proxy = createProxyHandler({ authToken, upstream, fetch: fetchImpl });
  const response = await proxy(post('/leads/search', 'limit=2'));
  const body = JSON.parse(await text(response));
  assert.equal(response.status, 200);
  assert.notEqual(body.success, false, JSON.stringify(body));
  assert.equal(calls.length, 1);
  assert.equal(new URLSearchParams(calls[0].body).getAll('auth_token').join(), authToken);
});

test('the token travels only in the form body, never in a URL', async () => {
  const { calls, fetch: fetchImpl } = recordingFetch();
  const proxy = createProxyHandler({ authToken, upstream, fetch: fetchImpl });
  // A query string from the browser (even one carrying a token) is not forwarded either.
  const response = await proxy(post('/leads/search?auth_token=from-query&limit=1', 'limit=1'));
  await text(response);
  assert.equal(response.status, 200);
  assert.equal(calls[0].url, `${upstream}/leads/search`);
  assert.ok(!calls[0].url.includes(authToken));
  assert.equal(calls[0].headers.get('content-type'), FORM['content-type']);
});

test('a token sent by the browser is dropped, in any letter case', async () => {
  const { calls, fetch: fetchImpl } = recordingFetch();
  const proxy = createProxyHandler({ authToken, upstream, fetch: fetchImpl });
  const response = await proxy(
    post('/leads/search', 'auth_token=browser-token&limit=1&AUTH_TOKEN=browser-token&%20auth_token=x'),
  );
  const body = JSON.parse(await text(response));
  assert.notEqual(body.success, false, JSON.stringify(body));
  const sent = new URLSearchParams(calls[0].body);
  assert.deepEqual(
    [...sent.keys()].filter((k) => k.trim().toLowerCase() === 'auth_token'),
    ['auth_token'],
  );
  assert.equal(sent.get('auth_token'), authToken);
  assert.equal(sent.get('limit'), '1');
  assert.ok(!calls[0].body.includes('browser-token'));
});

test('only allow-listed endpoints are forwarded: others 403, unknown paths 404', async () => {
  const { calls, fetch: fetchImpl } = recordingFetch();
  const proxy = createProxyHandler({ authToken, upstream, endpoints: ['search'], fetch: fetchImpl });
  const refused = await proxy(post('/leads/insert', 'list_id=1&phone_number=2025550143'));
  assert.equal(refused.status, 403);
  assert.match(JSON.parse(await text(refused)).error, /leads\/insert/);
  for (const path of ['/leads/frobnicate', '/users/search', '/leads', '/leads/search/extra']) {
    const response = await proxy(post(path, 'limit=1'));
    assert.equal(response.status, 404, path);
    await text(response);
  }
  assert.equal(calls.length, 0, 'nothing refused may reach the service');
  const allowed = await proxy(post('/leads/search', 'limit=1'));
  assert.equal(allowed.status, 200);
  await text(allowed);
});

test('field allow-lists refuse unlisted fields by name and leave other endpoints open', async () => {
  const { calls, fetch: fetchImpl } = recordingFetch();
  const proxy = createProxyHandler({
    authToken,
    upstream,
    allowFields: { search: ['limit', 'offset', 'list_id'] },
    fetch: fetchImpl,
  });
  const refused = await proxy(post('/leads/search', 'limit=1&email=a%40b.co&owner_id=7'));
  assert.equal(refused.status, 403);
  assert.equal(JSON.parse(await text(refused)).error, 'Fields not allowed on leads/search: email, owner_id');
  assert.equal(calls.length, 0);

  const allowed = await proxy(post('/leads/search', 'limit=1&offset=0&auth_token=ignored'));
  assert.equal(allowed.status, 200, 'auth_token never counts as a field: it is dropped first');
  await text(allowed);
  const open = await proxy(post('/leads/get-recordings', 'lead_id=1&limit=1'));
  assert.notEqual(open.status, 403);
  await text(open);
  assert.equal(calls.length, 2);
});

test('bodies over the cap get 413 before anything is forwarded, declared or streamed', async () => {
  const { calls, fetch: fetchImpl } = recordingFetch();
  const proxy = createProxyHandler({ authToken, upstream, maxBodyBytes: 1024, fetch: fetchImpl });
  const big = `limit=1&notes=${'x'.repeat(2000)}`;
  const declared = await proxy(post('/leads/search', big));
  assert.equal(declared.status, 413);
  await text(declared);

  // No content-length: the cap must hold while streaming too.
  const chunks = [new TextEncoder().encode('limit=1&notes='), ...Array(10).fill(new Uint8Array(200).fill(120))];
  const stream = new ReadableStream({
    pull(controller) {
      const next = chunks.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
  const streamed = await proxy(
    new Request(`${APP}/leads/search`, { method: 'POST', headers: FORM, body: stream, duplex: 'half' }),
  );
  assert.equal(streamed.status, 413);
  await text(streamed);
  assert.equal(calls.length, 0);

  const fits = await proxy(post('/leads/search', 'limit=1'));
  assert.equal(fits.status, 200);
  await text(fits);
});

test('only POST with a form body: 405 and 415 otherwise', async () => {
  const { calls, fetch: fetchImpl } = recordingFetch();
  const proxy = createProxyHandler({ authToken, upstream, fetch: fetchImpl });
  const get = await proxy(new Request(`${APP}/leads/search?limit=1`));
  assert.equal(get.status, 405);
  assert.equal(get.headers.get('allow'), 'POST');
  await text(get);
  const json = await proxy(post('/leads/search', '{"limit":1}', { 'content-type': 'application/json' }));
  assert.equal(json.status, 415);
  await text(json);
  const charset = await proxy(
    post('/leads/search', 'limit=1', { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' }),
  );
  assert.equal(charset.status, 200);
  await text(charset);
  assert.equal(calls.length, 1);
});

test("the service's answers come back unchanged: status, body and content-type", async () => {
  const proxy = createProxyHandler({ authToken, upstream });
  const cases = [
    ['/leads/search', 'limit=3&offset=0'],
    // A business error (invalid phone) and a missing lead: answered by the service, not the proxy.
    ['/leads/insert', 'list_id=1&phone_number=12'],
    ['/leads/delete', 'lead_id=999999999'],
  ];
  for (const [path, body] of cases) {
    const expected = await direct(path, `${body}&auth_token=${encodeURIComponent(authToken)}`);
    const response = await proxy(post(path, body));
    assert.equal(response.status, expected.status, path);
    assert.equal(response.headers.get('content-type'), expected.type, path);
    assert.equal(await text(response), expected.body, path);
  }
});

test('the Node adapter serves the same answers and streams the size cap', async (t) => {
  const server = http.createServer(createProxyMiddleware({ authToken, upstream, maxBodyBytes: 4096 }));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.after(() => server.close());
  const base = `http://127.0.0.1:${server.address().port}/api`;

  const expected = await direct('/leads/search', `limit=2&auth_token=${encodeURIComponent(authToken)}`);
  const response = await fetch(`${base}/leads/search`, { method: 'POST', headers: FORM, body: 'limit=2' });
  assert.equal(response.status, expected.status);
  assert.equal(response.headers.get('content-type'), expected.type);
  assert.equal(await text(response), expected.body);

  // Chunked upload with no content-length, far over the cap: refused, and the answer still arrives.
  const stream = new ReadableStream({
    start(controller) {
      for (let i = 0; i < 64; i += 1) controller.enqueue(new Uint8Array(1024).fill(97));
      controller.close();
    },
  });
  const tooBig = await fetch(`${base}/leads/search`, { method: 'POST', headers: FORM, body: stream, duplex: 'half' });
  assert.equal(tooBig.status, 413);
  await text(tooBig);

  const notFound = await fetch(`${base}/elsewhere`, { method: 'POST', headers: FORM, body: 'x=1' });
  assert.equal(notFound.status, 404);
  await text(notFound);
});

test('the Node adapter hands unexpected failures to next()', async () => {
  const failure = new Error('boom');
  const middleware = toNodeHandler(async () => {
    throw failure;
  });
  const server = http.createServer((req, res) =>
    middleware(req, res, (error) => {
      res.statusCode = 599;
      res.end(error === failure ? 'passed on' : 'wrong error');
    }),
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const response = await fetch(`http://127.0.0.1:${server.address().port}/leads/search`, { method: 'POST' });
    assert.equal(response.status, 599);
    assert.equal(await response.text(), 'passed on');
  } finally {
    server.close();
  }
});

test('an unreachable or slow service gives 502/504 without quoting the request', async (t) => {
  const closed = http.createServer();
  closed.listen(0, '127.0.0.1');
  await once(closed, 'listening');
  const deadUrl = `http://127.0.0.1:${closed.address().port}/v1`;
  closed.close();
  await once(closed, 'close');
  const dead = createProxyHandler({ authToken, upstream: deadUrl });
  const unreachable = await dead(post('/leads/search', 'limit=1'));
  assert.equal(unreachable.status, 502);
  assert.match(await text(unreachable), /could not be reached/);

  const slowServer = http.createServer(() => {
    /* never answers */
  });
  slowServer.listen(0, '127.0.0.1');
  await once(slowServer, 'listening');
  t.after(() => {
    slowServer.closeAllConnections();
    slowServer.close();
  });
  const slow = createProxyHandler({
    authToken,
    upstream: `http://127.0.0.1:${slowServer.address().port}/v1`,
    timeoutMs: 200,
  });
  const timedOut = await slow(post('/leads/search', 'limit=1'));
  assert.equal(timedOut.status, 504);
  await text(timedOut);
});

test('option errors name the option, never the token', () => {
  const attempts = [
    { authToken: '' },
    { authToken, upstream: 'not a url' },
    { authToken, upstream: `https://api.example/v1?auth_token=${authToken}` },
    { authToken, endpoints: ['search', 'drop-tables'] },
    { authToken, allowFields: { nope: ['x'] } },
    { authToken, maxBodyBytes: -1 },
    { authToken, timeoutMs: 0 },
    { authToken, fetch: 'no' },
  ];
  for (const options of attempts) {
    assert.throws(
      () => createProxyHandler(options),
      (error) => error instanceof TypeError && !error.message.includes(authToken) && /^convoso-leads\/proxy: /.test(error.message),
    );
  }
});
