// Side-by-side timing in one process: every implementation runs once per round, in an order
// that rotates each round, so drift (CPU frequency, a neighbour's load, GC) falls on all of
// them alike. Warm-up rounds let the JIT and the wasm tiers settle and are not counted.
import { summary } from './stats.mjs';

const now = () => process.hrtime.bigint();
const msSince = (start) => Number(now() - start) / 1e6;

/** Each round runs long enough for the clock and the loop not to matter. */
const MIN_ROUND_MS = 40;

function rotated(items, by) {
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

/**
 * Throughput of `check(input)` over the whole corpus, per implementation.
 * @param {{ name: string, check: (input: string) => boolean }[]} impls
 * @returns per name: calls/s (median and spread over rounds) and how many inputs it accepted
 */
export function throughput(impls, corpus, { warmup = 3, rounds = 15 } = {}) {
  const pass = (check) => {
    let accepted = 0;
    for (let i = 0; i < corpus.length; i++) if (check(corpus[i])) accepted++;
    return accepted;
  };
  // The verdicts double as a check that the work was done and was the same every round.
  const state = impls.map(({ name, check }) => {
    const start = now();
    const accepted = pass(check);
    const passes = Math.max(1, Math.ceil(MIN_ROUND_MS / Math.max(msSince(start), 0.01)));
    return { name, check, accepted, passes, rates: [] };
  });
  for (let round = 0; round < warmup + rounds; round++) {
    for (const impl of rotated(state, round)) {
      const start = now();
      for (let p = 0; p < impl.passes; p++) {
        const accepted = pass(impl.check);
        if (accepted !== impl.accepted) throw new Error(`${impl.name}: verdicts changed between passes`);
      }
      const seconds = msSince(start) / 1e3;
      if (round >= warmup) impl.rates.push((impl.passes * corpus.length) / seconds);
    }
  }
  return Object.fromEntries(
    state.map(({ name, accepted, passes, rates }) => [
      name,
      { perSecond: summary(rates), accepted, inputs: corpus.length, passesPerRound: passes },
    ]),
  );
}

/**
 * Wall time of one call of each `run()`, interleaved call by call (the order alternating), for
 * latency distributions of async work such as HTTP round trips.
 * @param {{ name: string, run: () => Promise<unknown> }[]} impls
 */
export async function latency(impls, { warmup = 50, calls = 500 } = {}) {
  const samples = impls.map(() => []);
  for (let i = 0; i < warmup + calls; i++) {
    const order = i % 2 ? [...impls.keys()].reverse() : [...impls.keys()];
    for (const k of order) {
      const start = now();
      await impls[k].run();
      if (i >= warmup) samples[k].push(msSince(start));
    }
  }
  return Object.fromEntries(impls.map(({ name }, k) => [name, { ms: summary(samples[k]) }]));
}

/** Wall time of one call of each `run()`, interleaved round by round, for synchronous work. */
export function durations(impls, { warmup = 3, rounds = 15 } = {}) {
  const samples = impls.map(() => []);
  for (let round = 0; round < warmup + rounds; round++) {
    for (const k of rotated([...impls.keys()], round)) {
      const start = now();
      impls[k].run();
      if (round >= warmup) samples[k].push(msSince(start));
    }
  }
  return Object.fromEntries(impls.map(({ name }, k) => [name, { ms: summary(samples[k]) }]));
}
