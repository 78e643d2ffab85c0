#!/usr/bin/env node
// The size budget: fails when a scenario of bench/budget.json (a small app importing from the
// built package) weighs more than its ceiling. Sizes come from scripts/size.mjs (gzip -9 of the
// esbuild bundle a browser downloads, WebAssembly included), so the budget and the published
// figures are one measurement.
//
// A limit is a number of bytes, or `{ "of": "<scenario>", "plus": N }`: that scenario's
// measured size plus N (so `both` may weigh at most `full` plus 1,024 B).
//
//   node scripts/budget.mjs [pkg-dir]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { scenarioSizes } from './size.mjs';

export const BUDGET_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../bench/budget.json');

const readFile = (file) => JSON.parse(readFileSync(file, 'utf8')).scenarios;
/** Every scenario: its app, ceiling and target. */
export const readScenarios = (file = BUDGET_FILE) => readFile(file);
const readLimits = (key, file) => Object.fromEntries(Object.entries(readFile(file)).map(([name, s]) => [name, s[key]]));
/** The ceilings CI enforces, by scenario. */
export const readBudget = (file = BUDGET_FILE) => readLimits('ceiling', file);
/** The size goals the benchmark reports against, by scenario. */
export const readTargets = (file = BUDGET_FILE) => readLimits('target', file);

/** A limit in bytes: a number, or another scenario's measured size plus some bytes. */
function resolveLimit(limit, rows) {
  if (Number.isInteger(limit) && limit > 0) return { bytes: limit };
  if (limit && typeof limit === 'object' && typeof limit.of === 'string' && Number.isInteger(limit.plus)) {
    const base = rows.find((r) => r.scenario === limit.of);
    if (!base) return { why: `limit refers to ${limit.of}, which was not measured` };
    return { bytes: base.totalGzip + limit.plus, text: `${limit.of} + ${limit.plus} B` };
  }
  return { why: 'limit is neither a positive integer nor { of, plus }' };
}

/**
 * One verdict per scenario with a limit. A scenario that was not measured fails: a renamed
 * scenario must not slip out of its budget.
 */
export function checkBudgets(rows, limits) {
  return Object.entries(limits).map(([scenario, limit]) => {
    const row = rows.find((r) => r.scenario === scenario);
    const resolved = resolveLimit(limit, rows);
    if (resolved.why) return { scenario, limit: null, bytes: null, ok: false, why: resolved.why };
    if (!row) return { scenario, limit: resolved.bytes, bytes: null, ok: false, why: 'not measured' };
    return {
      scenario,
      limit: resolved.bytes,
      limitText: resolved.text,
      bytes: row.totalGzip,
      js: row.jsGzip,
      ok: row.totalGzip <= resolved.bytes,
    };
  });
}

function report(verdicts) {
  for (const v of verdicts) {
    const of = v.limitText ? ` (${v.limitText})` : '';
    const parts =
      v.bytes === null
        ? v.why
        : `${v.bytes} B gz of ${v.limit} B${of} (${((100 * v.bytes) / v.limit).toFixed(1)}%; JS ${v.js} B)`;
    console.log(`${v.ok ? 'ok  ' : 'FAIL'} ${v.scenario}: ${parts}`);
  }
  const failed = verdicts.filter((v) => !v.ok).length;
  console.log(`budget: ${verdicts.length - failed} passed, ${failed} failed`);
  return failed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [pkgDir = 'pkg'] = process.argv.slice(2);
  const failed = report(checkBudgets(await scenarioSizes(pkgDir, readScenarios()), readBudget()));
  process.exitCode = failed ? 1 : 0;
}
