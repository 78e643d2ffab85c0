import assert from 'node:assert/strict';
import { test } from 'node:test';

import { timeShares } from '../lib/profile.mjs';
import { durations, latency, throughput } from '../lib/timing.mjs';

const corpus = ['a', 'bb', 'ccc', 'dddd'];

test('throughput counts each implementation\'s verdicts and reports rates per round', () => {
  const result = throughput(
    [
      { name: 'long', check: (s) => s.length > 2 },
      { name: 'all', check: () => true },
    ],
    corpus,
    { warmup: 1, rounds: 3 },
  );
  assert.equal(result.long.accepted, 2);
  assert.equal(result.all.accepted, 4);
  assert.equal(result.long.perSecond.n, 3);
  assert.ok(result.all.perSecond.median > 0);
});

test('an implementation whose verdicts change between passes is an error', () => {
  let calls = 0;
  assert.throws(
    () => throughput([{ name: 'flaky', check: () => calls++ % 3 === 0 }], corpus, { warmup: 0, rounds: 2 }),
    /flaky: verdicts changed/,
  );
});

test('latency and durations time every implementation the same number of times', async () => {
  const seen = { a: 0, b: 0 };
  const timed = await latency(
    [
      { name: 'a', run: async () => seen.a++ },
      { name: 'b', run: async () => seen.b++ },
    ],
    { warmup: 2, calls: 5 },
  );
  assert.deepEqual(seen, { a: 7, b: 7 });
  assert.equal(timed.a.ms.n, 5);
  const sync = durations([{ name: 'x', run: () => seen.a++ }], { warmup: 1, rounds: 4 });
  assert.equal(sync.x.ms.n, 4);
});

test('the profiler attributes a busy loop to its function, and the shares add up to one', async () => {
  function spin() {
    let x = 1;
    for (let i = 0; i < 3e7; i++) x = (x * 31 + i) % 1000003;
    return x;
  }
  const shares = await timeShares(spin, [['spin', ({ functionName }) => functionName === 'spin']]);
  assert.equal(shares[0].kind, 'spin');
  assert.ok(shares[0].share > 0.5, JSON.stringify(shares));
  assert.ok(Math.abs(shares.reduce((sum, s) => sum + s.share, 0) - 1) < 1e-9);
});
