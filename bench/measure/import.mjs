// Import time of the package's entries, each in a fresh Node process (nothing cached, nothing
// compiled yet): decoding and compiling the inlined WebAssembly, instantiating it, and
// evaluating the glue. The entries take turns; medians over `processes` runs.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { packageEntry } from '../lib/paths.mjs';
import { median } from '../lib/stats.mjs';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./import-child.mjs', import.meta.url));
const ENTRIES = { 'convoso-leads': '.', 'convoso-leads/validate': './validate' };

export async function importTimes({ processes = 21 } = {}) {
  const samples = Object.fromEntries(Object.keys(ENTRIES).map((entry) => [entry, []]));
  for (let i = 0; i < processes; i++) {
    for (const [entry, subpath] of Object.entries(ENTRIES)) {
      const { stdout } = await run(process.execPath, [CHILD, packageEntry(subpath)]);
      samples[entry].push(Number(stdout));
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([entry, ms]) => [
      entry,
      { median: median(ms), min: Math.min(...ms), max: Math.max(...ms), processes },
    ]),
  );
}
