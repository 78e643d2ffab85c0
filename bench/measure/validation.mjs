// Validation throughput (calls/s over a whole corpus), first-call latency after import, and
// where our calls spend their time.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { timeShares } from '../lib/profile.mjs';
import { median } from '../lib/stats.mjs';
import { throughput } from '../lib/timing.mjs';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./first-call-child.mjs', import.meta.url));

/** All contenders side by side in this process, over the same corpus. */
export async function validationThroughput(contenders, urls, corpus, options) {
  const impls = [];
  for (const { id } of contenders) impls.push({ name: id, check: (await import(urls[id])).check });
  return throughput(impls, corpus, options);
}

/**
 * Import time and the first call's time, each in a fresh Node process (nothing cached, nothing
 * compiled yet), the contenders taking turns; medians over `processes` runs.
 */
export async function firstCall(contenders, urls, sample, { processes = 7 } = {}) {
  const samples = Object.fromEntries(contenders.map(({ id }) => [id, []]));
  for (let i = 0; i < processes; i++) {
    for (const { id } of contenders) {
      const { stdout } = await run(process.execPath, [CHILD, urls[id], sample]);
      samples[id].push(JSON.parse(stdout));
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([id, runs]) => {
      const verdicts = new Set(runs.map((r) => r.verdict));
      if (verdicts.size !== 1) throw new Error(`${id}: first-call verdicts differ between processes`);
      return [
        id,
        {
          sample,
          verdict: runs[0].verdict,
          importMs: median(runs.map((r) => r.importMs)),
          firstCallMs: median(runs.map((r) => r.firstCallMs)),
          secondCallMs: median(runs.map((r) => r.secondCallMs)),
          processes,
        },
      ];
    }),
  );
}

/**
 * The fixed cost of one call: the contender over an input it turns away at once (the empty
 * string), so nearly all that is left is crossing into the validator and building its answer.
 */
export async function callFloor({ id }, urls, input = '', { calls = 10_000 } = {}) {
  const { check } = await import(urls[id]);
  const result = throughput([{ name: id, check }], Array(calls).fill(input));
  return { input, nsPerCall: 1e9 / result[id].perSecond.median };
}

/** The kinds of work a call of ours is made of, as the profiler sees them. */
const OUR_WORK = [
  ['inside WebAssembly', ({ url }) => url.startsWith('wasm://')],
  [
    'encoding strings into WebAssembly (TextEncoder)',
    ({ functionName }) => /^(passStringToWasm0|encodeInto|encodeIntoResults)$/.test(functionName),
  ],
  [
    'decoding strings out of WebAssembly (TextDecoder)',
    ({ functionName, url }) =>
      url === 'node:internal/encoding' || functionName === 'decodeUTF8' || functionName === 'getStringFromWasm0',
  ],
  ['garbage collection', ({ functionName }) => functionName === '(garbage collector)'],
  ['wasm-bindgen glue (imports, property reads and writes)', ({ url }) => url.endsWith('/convoso_leads.js')],
];

/** Where a call of ours spends its time, over the whole corpus a few times. */
export async function profileOurs({ id }, urls, corpus, { passes = 20 } = {}) {
  const { check } = await import(urls[id]);
  const work = () => {
    for (let p = 0; p < passes; p++) for (let i = 0; i < corpus.length; i++) check(corpus[i]);
  };
  work(); // warm: profile the optimised code, not the tiers before it
  return timeShares(work, OUR_WORK);
}
