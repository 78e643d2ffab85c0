import assert from 'node:assert/strict';
import { test } from 'node:test';

import { median, quantile, summary } from '../lib/stats.mjs';

test('median of odd and even counts, independent of order', () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
});

test('p99 is nearest-rank: the largest of 100 samples is not the p99', () => {
  const samples = Array.from({ length: 100 }, (_, i) => i + 1);
  assert.equal(quantile(samples, 0.99), 99);
  assert.equal(quantile(samples, 1), 100);
  assert.equal(quantile([7], 0.99), 7);
});

test('no samples is an error, not NaN', () => {
  assert.throws(() => median([]), /no samples/);
  assert.throws(() => quantile([], 0.5), /no samples/);
});

test('summary', () => {
  assert.deepEqual(summary([3, 1, 2]), { median: 2, p99: 3, min: 1, max: 3, n: 3 });
});
