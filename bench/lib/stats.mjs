// Summaries of repeated measurements. Medians, because one slow round on a shared machine
// (a GC pause, a neighbour's build) must not move the figure.

/** The value at quantile q (0..1) of the samples, nearest-rank. */
export function quantile(samples, q) {
  if (samples.length === 0) throw new Error('quantile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1];
}

export const median = (samples) => {
  if (samples.length === 0) throw new Error('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export function summary(samples) {
  return {
    median: median(samples),
    p99: quantile(samples, 0.99),
    min: Math.min(...samples),
    max: Math.max(...samples),
    n: samples.length,
  };
}
