// Where the time of a loop goes, from V8's sampling profiler in this process: self time per
// function, summed into a few named kinds of work. Used to say what stands in the way of a
// throughput target rather than only by how much it is missed.
import { Session } from 'node:inspector/promises';

/**
 * Runs `work()` under the profiler and returns the share of samples per kind.
 * @param {() => void} work
 * @param {[string, (frame: { functionName: string, url: string }) => boolean][]} kinds
 *   checked in order; a frame matching none counts as "other JavaScript"
 */
export async function timeShares(work, kinds) {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    work();
    const { profile } = await session.post('Profiler.stop');
    const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    const counts = new Map();
    let total = 0;
    for (const id of profile.samples) {
      const frame = frames.get(id);
      if (!frame || frame.functionName === '(idle)' || frame.functionName === '(program)') continue;
      const kind = kinds.find(([, matches]) => matches(frame))?.[0] ?? 'other JavaScript';
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
      total++;
    }
    return [...counts]
      .map(([kind, n]) => ({ kind, share: n / total }))
      .sort((a, b) => b.share - a.share);
  } finally {
    session.disconnect();
  }
}
