// Size: the scenarios of bench/budget.json (small apps importing from the package as it ships),
// and the JS alternatives bundled the same way. Every figure comes from scripts/size.mjs
// (esbuild --bundle --minify for the browser, gzip -9).
import { existsSync } from 'node:fs';

import { checkBudgets, readBudget, readScenarios, readTargets } from '../../scripts/budget.mjs';
import { packageSizes, scenarioSizes } from '../../scripts/size.mjs';
import { CONTENDERS_DIR } from '../contenders.mjs';
import { BINDGEN_DIR, PKG_DIR } from '../lib/paths.mjs';

export async function sizes() {
  const ours = await scenarioSizes(PKG_DIR, readScenarios());
  const entries = await packageSizes(PKG_DIR, existsSync(BINDGEN_DIR) ? BINDGEN_DIR : null);
  // The contenders directory is laid out as a package (its exports map names each contender),
  // so the same code weighs it; its rows come back named like subpaths of a package.
  const alternatives = (await packageSizes(CONTENDERS_DIR, null)).map((row) => ({
    ...row,
    entry: row.entry.slice(row.entry.indexOf('/') + 1),
  }));
  return { ours, entries, alternatives, budget: checkBudgets(ours, readBudget()), targets: checkBudgets(ours, readTargets()) };
}
