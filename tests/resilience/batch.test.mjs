// Batch insert under injected faults, checked against what the sandbox stored: every row has
// exactly one outcome, in input order; no row is lost and none is inserted twice.
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
  requests,
  reset,
  sleep,
  watchUnhandled,
} from './lib/harness.mjs';

const unhandled = watchUnhandled();
after(() => unhandled.check());
beforeEach(() => reset());

/** `n` rows; every `invalidEvery`-th one has a phone number the validators refuse. */
function rows(n, invalidEvery = 0) {
  return Array.from({ length: n }, (_, i) =>
    invalidEvery && i % invalidEvery === invalidEvery - 1
      ? { list_id: '333', phone_number: '12345', first_name: `Bad ${i}` }
      : { list_id: '333', phone_number: freshPhone(), first_name: `Row ${i}` },
  );
}

/** Asserts each row's outcome against the sandbox's store; returns the outcomes by status. */
async function checkAgainstStore(input, outcomes) {
  assert.equal(outcomes.length, input.length, 'one outcome per row');
  const byStatus = {};
  for (const [i, outcome] of outcomes.entries()) {
    assert.equal(outcome.index, i, 'outcomes are in input order');
    (byStatus[outcome.status] ??= []).push(outcome);
    const stored = await leadsWithPhone(input[i].phone_number);
    switch (outcome.status) {
      case 'inserted':
        assert.deepEqual(stored, [outcome.lead_id], `row ${i} is stored exactly once, under its id`);
        break;
      case 'invalid':
        assert.ok(outcome.errors.length > 0);
        assert.ok(outcome.error instanceof pkg.ConvosoValidationError);
        assert.deepEqual(stored, [], `invalid row ${i} was never sent`);
        break;
      case 'cancelled':
      case 'skipped':
        assert.deepEqual(stored, [], `${outcome.status} row ${i} was never sent`);
        break;
      case 'rejected':
      case 'failed':
        assert.ok(outcome.error instanceof pkg.ConvosoError);
        assertNoToken(outcome.error, `row ${i}'s error`);
        assert.ok(stored.length <= 1, `row ${i} is stored at most once`);
        break;
      default:
        assert.fail(`unknown status ${outcome.status}`);
    }
  }
  return byStatus;
}

test('under 429s, 500s, drops and delays, "recheck" inserts every valid row exactly once', async () => {
  const input = rows(40, 8);
  await fault('insert', { kind: 'status', status: 429, retry_after: '0' }, 4);
  await fault('insert', { kind: 'status', status: 500 }, 3);
  await fault('insert', { kind: 'drop' }, 3);
  await fault('insert', { kind: 'delay', ms: 150 }, 5);
  const progress = [];
  const outcomes = await client({ insertRetry: 'recheck', maxRetries: 10 }).insertLeads(input, {
    concurrency: 4,
    onProgress: (p) => progress.push(p),
  });
  const byStatus = await checkAgainstStore(input, outcomes);
  assert.equal(byStatus.inserted.length, 35, 'every valid row was inserted');
  assert.equal(byStatus.invalid.length, 5);
  assert.equal((await requests()).insert, 35 + 4 + 3 + 3, 'one send per row, plus one per fault');

  assert.deepEqual(progress.at(-1), {
    done: 40, total: 40, inserted: 35, invalid: 5, rejected: 0, failed: 0, cancelled: 0, skipped: 0,
  });
  assert.equal(progress[0].done, 5, 'invalid rows are settled before anything is sent');
  for (let i = 1; i < progress.length; i++) {
    assert.ok(progress[i].done >= progress[i - 1].done, 'progress never goes back');
  }
});

test('by default an insert whose fate is unknown is not sent again', async () => {
  const input = rows(30);
  await fault('insert', { kind: 'status', status: 429, retry_after: '0' }, 3);
  await fault('insert', { kind: 'status', status: 500 }, 3);
  await fault('insert', { kind: 'drop' }, 2);
  await fault('insert', { kind: 'delay', ms: 100 }, 4);
  const outcomes = await client().insertLeads(input, { concurrency: 3 });
  const byStatus = await checkAgainstStore(input, outcomes);
  assert.equal(byStatus.failed.length, 5, 'the 500s and drops');
  assert.equal(byStatus.inserted.length, 25, 'the 429s were retried');
  for (const outcome of byStatus.failed) {
    assert.ok(
      outcome.error instanceof pkg.ConvosoApiError || outcome.error instanceof pkg.ConvosoNetworkError,
      outcome.error.name,
    );
  }
  assert.equal((await requests()).insert, 30 + 3, 'each row sent once; only the 429s twice');
});

test('the service\'s refusals are outcomes with their code and message', async () => {
  const phone = freshPhone();
  await client().insertLead({ list_id: '333', phone_number: phone });
  const input = [
    { list_id: '333', phone_number: phone, check_dup: 1 },
    { list_id: '99999', phone_number: freshPhone() },
    { list_id: '333', phone_number: freshPhone() },
  ];
  const outcomes = await client().insertLeads(input);
  assert.deepEqual(
    outcomes.map((o) => [o.status, o.code]),
    [['rejected', 6009], ['rejected', 6002], ['inserted', undefined]],
  );
  assert.ok(outcomes[0].message.length > 0);
  assert.ok(outcomes[0].error instanceof pkg.ConvosoApiError);
});

test('an abort stops sending; rows not yet sent end cancelled and are not stored', async () => {
  const input = rows(30);
  await fault('insert', { kind: 'delay', ms: 150 }, 30);
  const controller = new AbortController();
  const progress = [];
  setTimeout(() => controller.abort(), 400);
  const outcomes = await client().insertLeads(input, {
    concurrency: 2,
    signal: controller.signal,
    onProgress: (p) => progress.push(p),
  });
  await sleep(300); // requests aborted in flight may still finish on the service
  const byStatus = await checkAgainstStore(input, outcomes);
  assert.ok(byStatus.inserted.length >= 2, 'rows finished before the abort are inserted');
  assert.ok(byStatus.cancelled.length >= 20, 'most rows were never sent');
  for (const outcome of byStatus.failed ?? []) assert.ok(outcome.error instanceof pkg.ConvosoAbortError);
  const sent = (await requests()).insert;
  assert.equal(sent, 30 - byStatus.cancelled.length, 'cancelled rows made no request');
  assert.equal(progress.at(-1).done, 30);
});

test('unusable arguments reject the call; an empty batch resolves to no outcomes', async () => {
  for (const [leads, options] of [
    [undefined, undefined],
    [{ list_id: '333' }, undefined],
    ['rows', undefined],
    [[], { concurrency: 'many' }],
    [[], { onProgress: 'yes' }],
    [[], { retries: 3 }],
    [[], { onOutcome: 1 }],
    [[], { onSend: {} }],
    [[{}], { skip: [0] }],
    [[{}], { skip: () => { throw new Error('no'); } }],
  ]) {
    const error = await failure(() => client().insertLeads(leads, options));
    assert.ok(error instanceof pkg.ConvosoValidationError, `${error.name}: ${error.message}`);
  }
  assert.deepEqual(await client().insertLeads([]), []);
  assert.equal((await requests()).total, 0);
});

test('onOutcome gets every row once, as it settles and before the promise resolves', async () => {
  const input = rows(12, 4);
  await fault('insert', { kind: 'delay', ms: 80 }, 2);
  await fault('insert', { kind: 'status', status: 500 }, 1);
  const seen = [];
  let resolved = false;
  const outcomes = await client()
    .insertLeads(input, {
      concurrency: 3,
      onOutcome: (o) => {
        assert.equal(resolved, false, 'no outcome after the promise resolved');
        seen.push(o);
      },
    })
    .finally(() => {
      resolved = true;
    });
  await checkAgainstStore(input, outcomes);
  assert.deepEqual(seen.map((o) => o.index).sort((a, b) => a - b), input.map((_, i) => i), 'each row exactly once');
  assert.deepEqual(
    seen.slice(0, 3).map((o) => [o.index, o.status]),
    [[3, 'invalid'], [7, 'invalid'], [11, 'invalid']],
    'rows settled up front come first, in input order',
  );
  for (const o of seen) assert.equal(o, outcomes[o.index], 'the same objects the promise resolves to');
  assert.equal(seen.filter((o) => o.status === 'failed').length, 1);
  const sentOrder = seen.slice(3).map((o) => o.index);
  assert.notDeepEqual(sentOrder, [...sentOrder].sort((a, b) => a - b), 'sent rows come in settling order (the delayed ones last)');
});

test('onSend runs before each send; the row waits for its promise, and a refusal cancels only that row', async () => {
  const input = rows(8);
  const events = [];
  const outcomes = await client().insertLeads(input, {
    concurrency: 2,
    onSend: async (index) => {
      events.push(`send ${index}`);
      await sleep(20);
      const stored = await leadsWithPhone(input[index].phone_number);
      assert.deepEqual(stored, [], 'nothing is sent before onSend settles');
      if (index === 2) throw new Error('not this one');
      if (index === 5) return Promise.reject(new Error('nor this one'));
    },
    onOutcome: (o) => events.push(`outcome ${o.index}`),
  });
  const byStatus = await checkAgainstStore(input, outcomes);
  assert.deepEqual(byStatus.cancelled.map((o) => o.index), [2, 5]);
  assert.equal(byStatus.inserted.length, 6);
  for (let i = 0; i < 8; i++) {
    assert.ok(events.indexOf(`send ${i}`) < events.indexOf(`outcome ${i}`), `row ${i}: onSend before its outcome`);
  }
  assert.equal((await requests()).insert, 6, 'refused rows made no request');
});

test('skip (a Set or a predicate) settles rows as skipped without reading or sending them', async () => {
  const input = rows(6);
  input[4] = { list_id: '333', phone_number: 'not a phone' };
  const progress = [];
  const bySet = await client().insertLeads(input, { skip: new Set([1, 4]), onProgress: (p) => progress.push(p) });
  const statuses = bySet.map((o) => o.status);
  assert.deepEqual(statuses, ['inserted', 'skipped', 'inserted', 'inserted', 'skipped', 'inserted']);
  assert.equal(progress[0].skipped, 2, 'skipped rows are settled up front');
  await checkAgainstStore(input, bySet);

  await reset();
  const fresh = rows(5);
  const asked = [];
  const byPredicate = await client().insertLeads(fresh, {
    skip: (index, lead) => {
      asked.push(index);
      return lead.first_name === 'Row 0' || index === 3;
    },
  });
  assert.deepEqual(asked, [0, 1, 2, 3, 4], 'asked once per row, in order');
  assert.deepEqual(byPredicate.map((o) => o.status), ['skipped', 'inserted', 'inserted', 'skipped', 'inserted']);
  assert.equal((await requests()).insert, 3);
});
