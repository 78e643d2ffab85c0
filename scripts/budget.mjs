#!/usr/bin/env node
// The size budget: fails when an entry of the built package weighs more than bench/budget.json
// allows. Sizes come from scripts/size.mjs (gzip -9 of the esbuild bundle a browser downloads,
// WebAssembly included), so the budget and the published figures are one measurement.
//
//   node scripts/budget.mjs [pkg-dir] [bindgen-dir]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { packageSizes } from './size.mjs';

export const BUDGET_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../bench/budget.json');

const readLimits = (key, file) =>
  Object.fromEntries(Object.entries(JSON.parse(readFileSync(file, 'utf8')).entries).map(([entry, limits]) => [entry, limits[key]]));
/** The ceilings CI enforces, by entry. */
export const readBudget = (file = BUDGET_FILE) => readLimits('ceiling', file);
/** The size goals the benchmark reports against, by entry. */
export const readTargets = (file = BUDGET_FILE) => readLimits('target', file);

/**
 * One verdict per budgeted entry. An entry the package does not have fails: a renamed entry
 * must not slip out of its budget.
 */
export function checkBudgets(rows, budget) {
  return Object.entries(budget).map(([entry, limit]) => {
    const row = rows.find((r) => r.entry === entry);
    if (!Number.isInteger(limit) || limit <= 0) return { entry, limit, bytes: null, ok: false, why: 'budget is not a positive integer' };
    if (!row) return { entry, limit, bytes: null, ok: false, why: 'not in the built package' };
    return { entry, limit, bytes: row.totalGzip, wasm: row.wasmGzip, js: row.jsGzip, ok: row.totalGzip <= limit };
  });
}

function report(verdicts) {
  for (const v of verdicts) {
    const parts =
      v.bytes === null
        ? v.why
        : `${v.bytes} B gz of ${v.limit} B (${((100 * v.bytes) / v.limit).toFixed(1)}%; JS ${v.js} B` +
          `${v.wasm === null || v.wasm === undefined ? '' : `, bare .wasm ${v.wasm} B`})`;
    console.log(`${v.ok ? 'ok  ' : 'FAIL'} ${v.entry}: ${parts}`);
  }
  const failed = verdicts.filter((v) => !v.ok).length;
  console.log(`budget: ${verdicts.length - failed} passed, ${failed} failed`);
  return failed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [pkgDir = 'pkg', bindgenDir = null] = process.argv.slice(2);
  const failed = report(checkBudgets(await packageSizes(pkgDir, bindgenDir), readBudget()));
  process.exitCode = failed ? 1 : 0;
}
