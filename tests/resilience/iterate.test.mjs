// Auto-pagination against the sandbox: every matching lead exactly once, one request per page,
// concurrent `next()` calls, short or empty pages before the reported total, the offset cap,
// cancellation. Runs against a live-style sandbox (answers report `total`) and a
// documented-style one (they do not; a short page marks the end): SANDBOX_STYLE says which.
import assert from 'node:assert/strict';
import { after, beforeEach, test } from 'node:test';
import { client, failure, fault, pkg, requests, reset, sandbox, watchUnhandled } from './lib/harness.mjs';

const unhandled = watchUnhandled();
after(() => unhandled.check());
beforeEach(() => reset());

const live = sandbox().style === 'live';

/** Every matching lead id, from one big page. */
async function allIds(params = {}) {
  const page = await client().searchLeads({ ...params, limit: 2000 });
  assert.ok(page.results.length < 2000, 'the sandbox seed fits in one page');
  return page.results.map((lead) => lead.id);
}

/** A live-style search answer (data envelope, numbers as strings) with `count` made-up leads. */
function answer({ offset, limit, total, count }) {
  const entries = Array.from({ length: count }, (_, i) => ({ id: String(900000 + offset + i), list_id: '333' }));
  const data = { offset: String(offset), limit: String(limit), entries };
  if (total !== undefined) data.total = String(total);
  return { kind: 'status', status: 200, body: JSON.stringify({ success: true, data }) };
}

test('iterateLeads yields every matching lead exactly once', async () => {
  const expected = await allIds();
  await reset();
  const seen = [];
  for await (const lead of client().iterateLeads({ limit: 7 })) seen.push(lead.id);
  assert.equal(new Set(seen).size, seen.length, 'no lead twice');
  assert.deepEqual([...seen].sort(), [...expected].sort());
  // With a total the walk stops at it; without one it needs the short page that ends it.
  const pages = live ? Math.ceil(expected.length / 7) : Math.floor(expected.length / 7) + 1;
  assert.equal((await requests()).search, pages, 'one request per page');
});

test('filters and a starting offset carry through every page', async () => {
  const expected = await allIds({ list_id: '333' });
  await reset();
  const seen = [];
  for await (const lead of client().iterateLeads({ list_id: '333', offset: 3, limit: 4 })) {
    assert.equal(lead.list_id, '333');
    seen.push(lead.id);
  }
  assert.deepEqual(seen, expected.slice(3));
});

test('iterateLeadPages yields the pages in order, and overlapping next() calls fetch each page once', async () => {
  const iterator = client().iterateLeadPages({ limit: 5 });
  const [a, b, c] = await Promise.all([iterator.next(), iterator.next(), iterator.next()]);
  assert.deepEqual(
    [a.value.offset, b.value.offset, c.value.offset],
    [0, 5, 10],
  );
  const ids = [a, b, c].flatMap((r) => r.value.results.map((lead) => lead.id));
  assert.equal(new Set(ids).size, 15);
  assert.equal((await requests()).search, 3);
  await iterator.return();
});

test('breaking out of the loop stops fetching', async () => {
  let n = 0;
  for await (const lead of client().iterateLeads({ limit: 3 })) {
    assert.ok(lead.id);
    if (++n === 4) break;
  }
  assert.equal((await requests()).search, 2, 'the second page held the fourth lead');
});

test('a short or empty page before the reported total does not end the walk', async () => {
  await fault('search', answer({ offset: 0, limit: 10, total: 40, count: 3 }));
  await fault('search', answer({ offset: 10, limit: 10, total: 40, count: 0 }));
  await fault('search', answer({ offset: 20, limit: 10, total: 40, count: 10 }));
  await fault('search', answer({ offset: 30, limit: 10, total: 40, count: 10 }));
  let n = 0;
  for await (const lead of client().iterateLeads({ limit: 10 })) {
    assert.ok(lead.id);
    n += 1;
  }
  assert.equal(n, 23);
  assert.equal((await requests()).search, 4);
});

test('the walk fails, rather than stopping short, when the rest lies past offset 50,000', async () => {
  for (const offset of [49_990, 49_995, 50_000]) {
    await fault('search', answer({ offset, limit: 5, total: 80_000, count: 5 }));
  }
  const seen = [];
  const error = await failure(async () => {
    for await (const lead of client().iterateLeads({ offset: 49_990, limit: 5 })) seen.push(lead.id);
  });
  assert.equal(seen.length, 15, 'every lead up to the cap was yielded first');
  assert.ok(error instanceof pkg.ConvosoValidationError, `${error.name}: ${error.message}`);
  assert.equal(error.errors[0].field, 'offset');
  assert.equal(error.errors[0].code, 7231);
  assert.match(error.message, /50000/);
  assert.equal((await requests()).search, 3, 'nothing was sent past the cap');
});

test('a failing page ends the iteration with its error, after the retries', async () => {
  await fault('search', { kind: 'status', status: 502 }, 3);
  const error = await failure(async () => {
    for await (const lead of client().iterateLeads({ limit: 5 })) assert.ok(lead);
  });
  assert.ok(error instanceof pkg.ConvosoApiError);
  assert.equal((await requests()).search, 3);
});

test('retries apply per page: a page that fails once is fetched again', async () => {
  const expected = await allIds();
  await reset();
  await fault('search', { kind: 'drop' });
  let n = 0;
  for await (const lead of client().iterateLeads({ limit: 500 })) n += lead.id ? 1 : 0;
  assert.equal(n, expected.length);
});

test('an abort ends the iteration with ConvosoAbortError', async () => {
  const controller = new AbortController();
  const error = await failure(async () => {
    let n = 0;
    for await (const lead of client().iterateLeads({ limit: 2 }, { signal: controller.signal })) {
      assert.ok(lead);
      if (++n === 3) controller.abort();
    }
  });
  assert.ok(error instanceof pkg.ConvosoAbortError, error.name);
  assert.equal((await requests()).search, 2);
});

test('invalid params fail the first next() and send nothing', async () => {
  const error = await failure(() => client().iterateLeads({ limit: 5000 }).next());
  assert.ok(error instanceof pkg.ConvosoValidationError);
  assert.equal(error.errors[0].code, 7258);
  const unknown = await failure(() => client().iterateLeadPages({ nope: 1 }).next());
  assert.ok(unknown instanceof pkg.ConvosoValidationError);
  assert.equal((await requests()).search, 0);
});
