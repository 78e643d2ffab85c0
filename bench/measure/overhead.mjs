// Per-call overhead against the sandbox on loopback: our `client.searchLeads` against the
// hand-written fetch wrapper making the same request, call by call, alternating which goes
// first so drift and the sandbox's own warm-up fall on all alike.
import { searchLeads as handWritten } from '../lib/fetch-wrapper.mjs';
import { latency } from '../lib/timing.mjs';

export const OVERHEAD_PARAMS = { offset: 0, limit: 10 };

function sandbox() {
  const { SANDBOX_URL: url, SANDBOX_TOKEN: token } = process.env;
  if (!url || !token) throw new Error('SANDBOX_URL and SANDBOX_TOKEN must be set: run scripts/bench.sh');
  return { url, token };
}

export async function overhead(client, { warmup = 100, calls = 1000 } = {}) {
  const { url, token } = sandbox();
  const ours = new client.ConvosoClient({ authToken: token, baseUrl: url });
  // The same client with its pre-send checks turned off shows what validation adds per call.
  const unchecked = new client.ConvosoClient({ authToken: token, baseUrl: url, validate: false });
  const params = { ...OVERHEAD_PARAMS };

  // Both must get the same, non-empty answer, or the comparison means nothing.
  const [a, b] = [await ours.searchLeads(params), await handWritten(url, token, params)];
  const ids = (page) => page.results.map((lead) => String(lead.id)).join(',');
  if (a.results.length === 0) throw new Error('overhead: the sandbox returned no leads');
  if (ids(a) !== ids(b)) throw new Error('overhead: the client and the hand-written wrapper got different leads');

  const timings = await latency(
    [
      { name: 'ours', run: () => ours.searchLeads(params) },
      { name: 'ours, validate: false', run: () => unchecked.searchLeads(params) },
      { name: 'fetch', run: () => handWritten(url, token, params) },
    ],
    { warmup, calls },
  );
  return { params, results: a.results.length, ...timings };
}
