import assert from 'node:assert/strict';
import { test } from 'node:test';

import { checkBudgets, readBudget, readTargets } from '../../scripts/budget.mjs';

const row = (entry, totalGzip, jsGzip = 100) => ({ entry, totalGzip, jsGzip, wasmGzip: totalGzip - jsGzip });

test('the budget file budgets both entries in whole bytes', () => {
  const budget = readBudget();
  assert.deepEqual(Object.keys(budget).sort(), ['convoso-leads', 'convoso-leads/validate']);
  assert.ok(Object.values(budget).every((limit) => Number.isInteger(limit) && limit > 0));
});

test('every entry has a target no larger than its ceiling', () => {
  const [ceilings, targets] = [readBudget(), readTargets()];
  assert.deepEqual(Object.keys(targets).sort(), Object.keys(ceilings).sort());
  for (const [entry, target] of Object.entries(targets)) {
    assert.ok(Number.isInteger(target) && target > 0, `${entry}: target ${target}`);
    assert.ok(target <= ceilings[entry], `${entry}: target ${target} above ceiling ${ceilings[entry]}`);
  }
});

test('an entry at its budget passes and one byte over fails', () => {
  const budget = { a: 1000, b: 1000 };
  const verdicts = checkBudgets([row('a', 1000), row('b', 1001)], budget);
  assert.deepEqual(
    verdicts.map((v) => [v.entry, v.ok, v.bytes]),
    [
      ['a', true, 1000],
      ['b', false, 1001],
    ],
  );
});

test('a budgeted entry missing from the package fails instead of passing silently', () => {
  const [verdict] = checkBudgets([row('renamed', 10)], { a: 1000 });
  assert.equal(verdict.ok, false);
  assert.match(verdict.why, /not in the built package/);
});

test('a budget that is not a positive integer fails', () => {
  const verdicts = checkBudgets([row('a', 10), row('b', 10)], { a: '1000', b: 0 });
  assert.deepEqual(
    verdicts.map((v) => v.ok),
    [false, false],
  );
});
