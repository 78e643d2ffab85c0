// What proxy.d.ts promises `exactOptionalPropertyTypes` users who pass `process.env.X` or Node's
// request objects (proxy-types.test.mjs checks that such code compiles): at run time an option
// or request member given as `undefined` means the same as one left out, and an allowFields
// entry given as `undefined` is refused. The packed package, installed offline; the upstream
// is a recording `fetch` or a local server on this suite's ports, never the network.
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { project } from '../pack/lib/package.mjs';
import { freePort } from './lib.mjs';

const TOKEN = 'proxy-undefined-token';
let proxy;
const cleanups = [];
before(async () => {
  const dir = await project(
    { after: (cleanup) => cleanups.push(cleanup) },
    { type: 'module', files: { 'app.mjs': "export * from 'convoso-leads/proxy';" } },
  );
  proxy = await import(pathToFileURL(path.join(dir, 'app.mjs')).href);
});
after(() => cleanups.forEach((cleanup) => cleanup()));

/** A `fetch` that answers like the service and records what it was asked. */
function recorder() {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url, body: init.body });
    return Response.json({ success: true, data: { lead_id: 1 } });
  };
  return { calls, fetch };
}

const post = (url, body) =>
  new Request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });

const ALL_UNDEFINED = {
  upstream: undefined,
  endpoints: undefined,
  allowFields: undefined,
  maxBodyBytes: undefined,
  timeoutMs: undefined,
};

test('options given as undefined take their defaults: the Convoso URL, all five endpoints, every field', async () => {
  const { calls, fetch } = recorder();
  const handler = proxy.createProxyHandler({ authToken: TOKEN, ...ALL_UNDEFINED, fetch });
  for (const endpoint of ['search', 'get-recordings', 'insert', 'update', 'delete']) {
    const response = await handler(post(`http://app.test/api/leads/${endpoint}`, 'lead_id=1&anything=x'));
    assert.equal(response.status, 200, endpoint);
  }
  assert.deepEqual(
    calls.map((call) => call.url),
    ['search', 'get-recordings', 'insert', 'update', 'delete'].map((e) => `https://api.convoso.com/v1/leads/${e}`),
  );
  assert.deepEqual([...new URLSearchParams(calls[0].body)], [['lead_id', '1'], ['anything', 'x'], ['auth_token', TOKEN]]);
});

test('maxBodyBytes: undefined is the default 64 KiB', async () => {
  const { fetch } = recorder();
  const handler = proxy.createProxyHandler({ authToken: TOKEN, maxBodyBytes: undefined, fetch });
  const field = 'notes=';
  const fits = await handler(post('http://app.test/leads/update', field + 'x'.repeat(64 * 1024 - field.length)));
  const over = await handler(post('http://app.test/leads/update', field + 'x'.repeat(64 * 1024 - field.length + 1)));
  assert.equal(fits.status, 200);
  assert.equal(over.status, 413);
});

test('an allowFields entry given as undefined is refused (TypeError), as the declarations say', () => {
  assert.throws(() => proxy.createProxyHandler({ authToken: TOKEN, allowFields: { search: undefined } }), TypeError);
  // Left out, it is fine: that endpoint accepts every field.
  assert.doesNotThrow(() => proxy.createProxyHandler({ authToken: TOKEN, allowFields: { insert: ['list_id'] } }));
});

test('an authToken given as undefined (an unset variable) is refused, naming the option only', () => {
  assert.throws(() => proxy.createProxyHandler({ authToken: undefined }), {
    name: 'TypeError',
    message: 'convoso-leads/proxy: authToken must be a non-empty string',
  });
});

test('fetch: undefined is the global fetch, reaching a real upstream', async (t) => {
  let received;
  const upstream = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received = { url: req.url, body };
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ success: true, data: { lead_id: 7 } }));
    });
  });
  const port = await freePort(8970, 8979);
  await new Promise((resolve) => upstream.listen(port, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => upstream.close(resolve)));

  const handler = proxy.createProxyHandler({ authToken: TOKEN, upstream: `http://127.0.0.1:${port}/v1`, fetch: undefined });
  const response = await handler(post('http://app.test/api/leads/insert', 'list_id=333&phone_number=2015550123'));
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { success: true, data: { lead_id: 7 } });
  assert.equal(received.url, '/v1/leads/insert');
  assert.equal(new URLSearchParams(received.body).get('auth_token'), TOKEN);
});

/** A Node-like request and response for the adapter, recording what is written back. */
function nodeLike({ method, url, body = '' }) {
  const req = {
    method,
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-list': ['a', 'b'] },
    resume() {},
    async *[Symbol.asyncIterator]() {
      if (body) yield body;
    },
  };
  let finish;
  const done = new Promise((resolve) => (finish = resolve));
  const res = {
    statusCode: 0,
    headersSent: false,
    writableFinished: false,
    destroyed: false,
    headers: {},
    chunks: [],
    setHeader(name, value) {
      this.headers[name] = value;
    },
    write(chunk) {
      this.chunks.push(Buffer.from(chunk));
      return true;
    },
    end(chunk) {
      if (chunk) this.chunks.push(Buffer.from(chunk));
      this.writableFinished = true;
      finish();
    },
    on() {},
    off() {},
  };
  return { req, res, done, text: () => Buffer.concat(res.chunks).toString() };
}

test('Node adapter: a request whose method is undefined is a GET (405 on an endpoint)', async () => {
  const { fetch, calls } = recorder();
  const call = nodeLike({ method: undefined, url: '/api/leads/search', body: 'list_id=1' });
  proxy.createProxyMiddleware({ authToken: TOKEN, fetch })(call.req, call.res);
  await call.done;
  assert.equal(call.res.statusCode, 405);
  assert.equal(call.res.headers.allow, 'POST');
  assert.deepEqual(calls, []);
});

test('Node adapter: a request whose url is undefined is for / (404)', async () => {
  const { fetch, calls } = recorder();
  const call = nodeLike({ method: 'POST', url: undefined, body: 'list_id=1' });
  proxy.createProxyMiddleware({ authToken: TOKEN, fetch })(call.req, call.res);
  await call.done;
  assert.equal(call.res.statusCode, 404);
  assert.deepEqual(calls, []);
});

test('Node adapter: with method and url given the call is forwarded (a header given as a list does not stop it)', async () => {
  const { fetch, calls } = recorder();
  const call = nodeLike({ method: 'POST', url: '/api/leads/search', body: 'list_id=1' });
  proxy.createProxyMiddleware({ authToken: TOKEN, fetch })(call.req, call.res);
  await call.done;
  assert.equal(call.res.statusCode, 200);
  assert.deepEqual(JSON.parse(call.text()), { success: true, data: { lead_id: 1 } });
  assert.equal(calls.length, 1);
});
