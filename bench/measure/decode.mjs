// Response decoding: our decode-and-normalise of a 2,000-lead live-shape search answer against
// `JSON.parse` of the same text, the floor any decoder pays.
import { searchLeads as handWritten } from '../lib/fetch-wrapper.mjs';
import { serveFixed } from '../lib/fixed-server.mjs';
import { durations, latency } from '../lib/timing.mjs';

/** A decoding export of the full build, if the package offers one (timed directly then). */
const DECODE_EXPORT = /^decode\w*search/i;

/** The decoded page must be the normalised one: a timing of a decoder that failed is no timing. */
function assertNormalised(page, leads) {
  const results = page?.results;
  if (!Array.isArray(results) || results.length !== leads) throw new Error(`decode: expected ${leads} results`);
  if (page.offset !== 0 || page.limit !== leads || page.total !== 12250) {
    throw new Error(`decode: offset/limit/total not normalised to numbers: ${JSON.stringify([page.offset, page.limit, page.total])}`);
  }
  if (typeof results[0].id !== 'string' || results[0].field_1 === undefined) throw new Error('decode: lead fields lost');
}

export async function decoding(client, body, leads, { rounds = 60 } = {}) {
  const exportName = Object.keys(client).find((name) => DECODE_EXPORT.test(name));
  if (exportName) {
    assertNormalised(client[exportName](body), leads);
    const timings = durations(
      [
        { name: 'ours', run: () => client[exportName](body) },
        { name: 'JSON.parse', run: () => JSON.parse(body) },
      ],
      { warmup: 5, rounds },
    );
    return { direct: true, method: `direct: \`${exportName}(text)\``, bodyBytes: Buffer.byteLength(body), leads, ...timings };
  }

  // No decoding export: time whole searches against a server that returns the fixed body. The
  // HTTP round trip and the body transfer are the same for both sides.
  const server = await serveFixed(body);
  try {
    const ours = new client.ConvosoClient({ authToken: 'bench-token', baseUrl: server.url });
    const params = { limit: leads };
    assertNormalised(await ours.searchLeads(params), leads);
    const timings = await latency(
      [
        { name: 'ours', run: () => ours.searchLeads(params) },
        { name: 'JSON.parse', run: () => handWritten(server.url, 'bench-token', params) },
      ],
      { warmup: 5, calls: rounds },
    );
    return {
      direct: false,
      method: '`client.searchLeads` vs `fetch` + `JSON.parse`, both against a loopback server returning the same body',
      bodyBytes: Buffer.byteLength(body),
      leads,
      ...timings,
    };
  } finally {
    await server.close();
  }
}
