// convoso-leads/proxy: the server-side half of browser-safe mode.
//
// A web page must never hold the Convoso auth token, so the browser's client is built without
// one and points at the app's own backend. This helper is that backend route: it turns a
// standard `Request` into a `Response` by forwarding an allow-listed Leads API call to the
// service with the server's token added to the form body. Pure standard web APIs (fetch,
// Request, Response, streams), so it runs in Node 20 and in fetch-style runtimes alike; the
// Node adapter at the bottom only bridges `http` objects to those.

const ENDPOINTS = Object.freeze(['search', 'get-recordings', 'insert', 'update', 'delete']);
const DEFAULT_UPSTREAM = 'https://api.convoso.com/v1';
const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;
const FORM_TYPE = 'application/x-www-form-urlencoded';
// Headers of the service's answer worth passing on: the body's type, and the retry hint the
// client's backoff honours. Everything else (cookies, encodings undone by fetch) stays here.
const PASSED_HEADERS = ['content-type', 'retry-after'];
// `/…/leads/<endpoint>` at the end of the path, whatever prefix the app mounts the proxy under.
const ROUTE = /\/leads\/([^/]+)\/?$/;

/** Why a request is refused before it reaches the service; the message is safe to show. */
class Refusal extends Error {
  constructor(status, message, headers = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
  }
}

/**
 * @param {import('./proxy').ProxyOptions} options
 * @returns {import('./proxy').ProxyHandler}
 */
export function createProxyHandler(options) {
  const config = readOptions(options);
  return async function convosoProxy(request) {
    try {
      const endpoint = route(request, config);
      const fields = await readForm(request, config.maxBodyBytes);
      checkFields(endpoint, fields, config.allowFields);
      return await forward(endpoint, fields, request.signal, config);
    } catch (error) {
      if (error instanceof Refusal) return refusal(error.status, error.message, error.headers);
      throw error;
    }
  };
}

function readOptions(options) {
  const {
    authToken,
    upstream = DEFAULT_UPSTREAM,
    endpoints = ENDPOINTS,
    allowFields,
    maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
    timeoutMs = DEFAULT_TIMEOUT_MS,
    fetch: fetchImpl = globalThis.fetch,
  } = options ?? {};
  // Messages name the option, never its value: the value may be the token.
  if (typeof authToken !== 'string' || authToken.trim() === '') {
    throw new TypeError('convoso-leads/proxy: authToken must be a non-empty string');
  }
  let upstreamUrl;
  try {
    upstreamUrl = new URL(String(upstream));
  } catch {
    throw new TypeError('convoso-leads/proxy: upstream must be an absolute URL');
  }
  if (upstreamUrl.search || upstreamUrl.username || upstreamUrl.password) {
    throw new TypeError('convoso-leads/proxy: upstream must not carry a query string or credentials');
  }
  if (!Array.isArray(endpoints) || !endpoints.every((name) => ENDPOINTS.includes(name))) {
    throw new TypeError(`convoso-leads/proxy: endpoints must be a list of ${ENDPOINTS.join(', ')}`);
  }
  if (allowFields !== undefined) {
    const valid =
      typeof allowFields === 'object' &&
      allowFields !== null &&
      Object.entries(allowFields).every(
        ([name, list]) => ENDPOINTS.includes(name) && Array.isArray(list) && list.every((f) => typeof f === 'string'),
      );
    if (!valid) {
      throw new TypeError('convoso-leads/proxy: allowFields maps endpoint names to lists of field names');
    }
  }
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes <= 0) {
    throw new TypeError('convoso-leads/proxy: maxBodyBytes must be a positive integer');
  }
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs <= 0) {
    throw new TypeError('convoso-leads/proxy: timeoutMs must be a positive integer');
  }
  if (typeof fetchImpl !== 'function') {
    throw new TypeError('convoso-leads/proxy: no fetch implementation available');
  }
  return {
    authToken,
    upstream: upstreamUrl.href.replace(/\/+$/, ''),
    endpoints: new Set(endpoints),
    allowFields: allowFields ? new Map(Object.entries(allowFields).map(([k, v]) => [k, new Set(v)])) : null,
    maxBodyBytes,
    timeoutMs,
    fetch: fetchImpl,
  };
}

/** Which endpoint the request is for, or a refusal (unknown 404, not allowed 403, bad method 405). */
function route(request, config) {
  const match = ROUTE.exec(new URL(request.url).pathname);
  const endpoint = match ? match[1] : undefined;
  if (endpoint === undefined || !ENDPOINTS.includes(endpoint)) {
    throw new Refusal(404, 'Not found');
  }
  if (!config.endpoints.has(endpoint)) {
    throw new Refusal(403, `The endpoint leads/${endpoint} is not enabled on this proxy`);
  }
  if (request.method !== 'POST') {
    throw new Refusal(405, 'Only POST is accepted', { allow: 'POST' });
  }
  // One body format, the one the service and the package's client speak. JSON would be a
  // second parser and a second set of edge cases (nesting, numbers) for no gain.
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== FORM_TYPE) {
    throw new Refusal(415, `The body must be ${FORM_TYPE}`);
  }
  return endpoint;
}

/** Reads the form body, refusing past `max` bytes without reading the rest. */
async function readForm(request, max) {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) throw tooLarge(max);
  const chunks = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel();
        throw tooLarge(max);
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Refusal(400, 'The body is not valid UTF-8');
  }
  // The browser's token, if it sent one, is dropped here: only the server's is ever forwarded.
  return [...new URLSearchParams(text)].filter(([name]) => name.trim().toLowerCase() !== 'auth_token');
}

function tooLarge(max) {
  return new Refusal(413, `The body is larger than ${max} bytes`);
}

function checkFields(endpoint, fields, allowFields) {
  const allowed = allowFields?.get(endpoint);
  if (!allowed) return;
  const refused = [...new Set(fields.map(([name]) => name).filter((name) => !allowed.has(name)))];
  if (refused.length > 0) {
    throw new Refusal(403, `Fields not allowed on leads/${endpoint}: ${refused.join(', ')}`);
  }
}

async function forward(endpoint, fields, clientSignal, config) {
  const body = new URLSearchParams(fields);
  body.append('auth_token', config.authToken);
  const timeout = AbortSignal.timeout(config.timeoutMs);
  const signal = clientSignal ? AbortSignal.any([clientSignal, timeout]) : timeout;
  let answer;
  try {
    answer = await config.fetch(`${config.upstream}/leads/${endpoint}`, {
      method: 'POST',
      headers: { 'content-type': FORM_TYPE, accept: 'application/json' },
      body: body.toString(),
      signal,
      // A redirect would re-send the token to wherever the Location points.
      redirect: 'error',
    });
  } catch {
    // The underlying error is not passed on: it may quote the request it failed on.
    if (timeout.aborted) throw new Refusal(504, 'The Convoso service did not answer in time');
    throw new Refusal(502, 'The Convoso service could not be reached');
  }
  const headers = new Headers();
  for (const name of PASSED_HEADERS) {
    const value = answer.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers });
}

/** The proxy's own refusals use the service's documented error shape. */
function refusal(status, message, headers) {
  return Response.json({ success: false, error: message }, { status, headers });
}

/**
 * Adapts a fetch-style handler to Node's `http` server and Express-style middleware:
 * `(req, res, next?)`. Mount it before any body parser, since it reads the raw body itself.
 *
 * @param {import('./proxy').ProxyHandler} handler
 */
export function toNodeHandler(handler) {
  return function convosoProxyNode(req, res, next) {
    const aborted = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) aborted.abort();
    });
    (async () => {
      const response = await handler(toRequest(req, aborted.signal));
      await writeResponse(response, res);
    })().catch((error) => {
      if (typeof next === 'function') return next(error);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('content-type', 'application/json');
      }
      res.end(JSON.stringify({ success: false, error: 'Proxy error' }));
    });
  };
}

/** Shortcut for `toNodeHandler(createProxyHandler(options))`. */
export function createProxyMiddleware(options) {
  return toNodeHandler(createProxyHandler(options));
}

function toRequest(req, signal) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers ?? {})) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  // Only the path matters for routing; the host is fixed so a forged Host header changes nothing.
  return new Request(new URL(req.url ?? '/', 'http://localhost'), {
    method,
    headers,
    body: hasBody ? bodyStream(req) : undefined,
    duplex: 'half',
    signal,
  });
}

/** A web stream over a Node readable, without importing node:stream (so this file stays portable). */
function bodyStream(req) {
  const chunks = req[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      const { done, value } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(typeof value === 'string' ? new TextEncoder().encode(value) : new Uint8Array(value));
    },
    cancel() {
      // Refused part-way (too large): discard the rest instead of destroying the socket, so the
      // refusal can still be written back.
      req.resume();
    },
  });
}

async function writeResponse(response, res) {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  if (response.body) {
    for await (const chunk of response.body) {
      if (res.destroyed) break;
      if (!res.write(chunk)) await drainedOrClosed(res);
    }
  }
  res.end();
}

function drainedOrClosed(res) {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
