// What the resilience suites share: the built package, the sandbox the stage script started
// (scripts/test/resilience.sh), its admin API, and the checks that no token leaks.
import assert from 'node:assert/strict';
import { inspect } from 'node:util';

export * as pkg from '../../../pkg/dist/index.js';
import { ConvosoClient } from '../../../pkg/dist/index.js';

export function sandbox() {
  const { SANDBOX_URL: url, SANDBOX_ORIGIN: origin, SANDBOX_TOKEN: token } = process.env;
  if (!url || !origin || !token) {
    throw new Error('SANDBOX_URL, SANDBOX_ORIGIN and SANDBOX_TOKEN must be set: run scripts/test/resilience.sh');
  }
  return { url, origin, token, style: process.env.SANDBOX_STYLE ?? 'live' };
}

async function admin(method, path, body) {
  const response = await fetch(`${sandbox().origin}/__sandbox/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`sandbox ${method} ${path}: HTTP ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** Back to the seeded leads, no faults, zero counters. */
export const reset = () => admin('POST', 'reset');
/** Queues `fault` for the next `count` requests to `endpoint` (`search`, `insert`, …, or `*`). */
export const fault = (endpoint, fault, count = 1) => admin('POST', 'faults', { endpoint, count, fault });
export const clearFaults = () => admin('DELETE', 'faults');
/** Requests per endpoint since the last reset: `{ search, insert, …, total }`. */
export const requests = async () => (await admin('GET', 'stats')).requests;

/** A client of the sandbox; `options` are added to (or override) token and URL. */
export function client(options = {}) {
  const { url, token } = sandbox();
  return new ConvosoClient({ authToken: token, baseUrl: url, ...options });
}

/** A client whose hooks record every event in `events`. */
export function recordingClient(options = {}) {
  const events = [];
  const record = (kind) => (event) => events.push({ kind, ...event });
  const c = client({
    onRequest: record('request'),
    onResponse: record('response'),
    onRetry: record('retry'),
    ...options,
  });
  return { client: c, events };
}

/** A valid phone number no other test of the run uses (area 312, exchanges 720-799). */
let serial = Math.floor(Math.random() * 400_000);
export function freshPhone() {
  serial += 1;
  const exchange = 720 + (Math.floor(serial / 10_000) % 80);
  return `312${exchange}${String(serial % 10_000).padStart(4, '0')}`;
}

/** The ids of the leads with this phone number (live or documented answer alike). */
export async function leadsWithPhone(phone) {
  const page = await client({ maxRetries: 0 }).searchLeads({ phone_number: phone, limit: 2000 });
  return page.results.map((lead) => lead.id);
}

/** Every rendering of `value` a log line or a report could show. */
export function renderings(value) {
  const out = [inspect(value, { depth: 10, showHidden: true, getters: true })];
  try {
    out.push(JSON.stringify(value));
  } catch {}
  if (value instanceof Error) {
    out.push(String(value), value.toString(), value.message, String(value.stack));
    let cause = value.cause;
    for (let depth = 0; cause !== undefined && depth < 10; depth++) {
      out.push(inspect(cause, { depth: 10, showHidden: true }), String(cause));
      cause = cause?.cause;
    }
  }
  return out;
}

/** Fails if the token appears anywhere in how `value` renders. */
export function assertNoToken(value, what) {
  const { token } = sandbox();
  for (const text of renderings(value)) {
    assert.ok(!String(text).includes(token), `${what} shows the token: ${text}`);
  }
}

/** Runs `fn` and returns what it threw or rejected with (fails if it did not). */
export async function failure(fn) {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  assert.fail('expected a failure');
}

/** Collects unhandled rejections for the whole test file; `check()` asserts there were none. */
export function watchUnhandled() {
  const seen = [];
  const onRejection = (reason) => seen.push(reason);
  process.on('unhandledRejection', onRejection);
  return {
    async check() {
      // Let pending microtasks and timers settle first.
      await new Promise((resolve) => setTimeout(resolve, 50));
      process.off('unhandledRejection', onRejection);
      assert.deepEqual(seen.map((r) => inspect(r)), [], 'unhandled rejections');
    },
  };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
