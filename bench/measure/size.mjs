// Size: our two entries as the package ships them, and the JS alternatives bundled the same way.
// Every figure comes from scripts/size.mjs (esbuild --bundle --minify for the browser, gzip -9).
import { existsSync } from 'node:fs';

import { checkBudgets, readBudget, readTargets } from '../../scripts/budget.mjs';
import { packageSizes } from '../../scripts/size.mjs';
import { CONTENDERS_DIR } from '../contenders.mjs';
import { BINDGEN_DIR, PKG_DIR } from '../lib/paths.mjs';

const OUR_ENTRIES = ['convoso-leads/validate', 'convoso-leads'];

export async function sizes() {
  const ours = (await packageSizes(PKG_DIR, existsSync(BINDGEN_DIR) ? BINDGEN_DIR : null)).filter((row) =>
    OUR_ENTRIES.includes(row.entry),
  );
  // The contenders directory is laid out as a package (its exports map names each contender),
  // so the same code weighs it; its rows come back named like subpaths of a package.
  const alternatives = (await packageSizes(CONTENDERS_DIR, null)).map((row) => ({
    ...row,
    entry: row.entry.slice(row.entry.indexOf('/') + 1),
  }));
  return { ours, alternatives, budget: checkBudgets(ours, readBudget()), targets: checkBudgets(ours, readTargets()) };
}
