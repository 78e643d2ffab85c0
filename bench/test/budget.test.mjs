import assert from 'node:assert/strict';
import { test } from 'node:test';

import { checkBudgets, readBudget, readScenarios, readTargets } from '../../scripts/budget.mjs';

const row = (scenario, totalGzip, jsGzip = 100) => ({ scenario, totalGzip, jsGzip });

test('the budget file holds the three size scenarios, each an app with a ceiling', () => {
  const scenarios = readScenarios();
  for (const name of ['full', 'validators', 'both']) {
    assert.ok(scenarios[name], `${name} is a scenario`);
    assert.match(scenarios[name].app, /from 'convoso-leads(\/validate)?'/);
    assert.ok(scenarios[name].ceiling !== undefined && scenarios[name].target !== undefined, name);
  }
  assert.match(scenarios.both.app, /from 'convoso-leads\/validate'/);
  assert.match(scenarios.both.app, /ConvosoClient\b.*from 'convoso-leads'/s);
});

test('numeric targets are no larger than their ceilings', () => {
  const [ceilings, targets] = [readBudget(), readTargets()];
  assert.deepEqual(Object.keys(targets).sort(), Object.keys(ceilings).sort());
  for (const [name, target] of Object.entries(targets)) {
    if (typeof target !== 'number' || typeof ceilings[name] !== 'number') continue;
    assert.ok(Number.isInteger(target) && target > 0, `${name}: target ${target}`);
    assert.ok(target <= ceilings[name], `${name}: target ${target} above ceiling ${ceilings[name]}`);
  }
});

test('a scenario at its ceiling passes and one byte over fails', () => {
  const verdicts = checkBudgets([row('a', 1000), row('b', 1001)], { a: 1000, b: 1000 });
  assert.deepEqual(
    verdicts.map((v) => [v.scenario, v.ok, v.bytes]),
    [
      ['a', true, 1000],
      ['b', false, 1001],
    ],
  );
});

test('a limit relative to another scenario is that scenario measured plus the bytes', () => {
  const limits = { both: { of: 'full', plus: 1024 } };
  const [within] = checkBudgets([row('full', 20000), row('both', 21024)], limits);
  assert.deepEqual([within.ok, within.limit], [true, 21024]);
  const [over] = checkBudgets([row('full', 20000), row('both', 21025)], limits);
  assert.equal(over.ok, false);
  const [orphan] = checkBudgets([row('both', 10)], limits);
  assert.equal(orphan.ok, false);
  assert.match(orphan.why, /full, which was not measured/);
});

test('a budgeted scenario that was not measured fails instead of passing silently', () => {
  const [verdict] = checkBudgets([row('renamed', 10)], { a: 1000 });
  assert.equal(verdict.ok, false);
  assert.match(verdict.why, /not measured/);
});

test('a limit that is neither a positive integer nor relative fails', () => {
  const verdicts = checkBudgets([row('a', 10), row('b', 10), row('c', 10)], { a: '1000', b: 0, c: { of: 'a' } });
  assert.deepEqual(
    verdicts.map((v) => v.ok),
    [false, false, false],
  );
});
