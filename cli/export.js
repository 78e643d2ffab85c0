// `convoso-leads export`: every lead matching the filters, as CSV or JSON lines.
//
// The service refuses offsets past 50,000, so one query can only be walked that far. When a
// query matches more, the walk splits it by creation time: halves of the `created_at` range,
// each counted first (one lead per probe) and split again until it fits, then walked.

import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { ConvosoClient } from '../index.js';
import { formatCsvRow, guardCell } from './csv.js';
import { LEAD_FIELDS } from './fields.js';
import { Progress } from './progress.js';

const OFFSET_CAP = 50_000;
const PAGE = 1000;
/** The range walked when the filters give no creation bounds: every lead there can be. */
const EARLIEST = '1970-01-01 00:00:00';
const LATEST = '9999-12-31 23:59:59';

/** @param {string} stamp `YYYY-MM-DD HH:MM:SS`, read as UTC (the service's stamps have no zone) */
const seconds = (stamp) => Date.parse(`${stamp.replace(' ', 'T')}Z`) / 1000;
/** @param {number} s */
const stamp = (s) => new Date(s * 1000).toISOString().slice(0, 19).replace('T', ' ');
/** @param {string} value @param {string} time a date's time of day when only a date is given */
const asStamp = (value, time) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value} ${time}` : value);

/**
 * Every lead matching `filters`, split by creation time where one query would pass the cap.
 * @param {ConvosoClient} client
 * @param {Record<string, string>} filters
 * @returns {AsyncGenerator<Record<string, unknown>>}
 */
export async function* walk(client, filters) {
  const count = async (/** @type {Record<string, string>} */ query) => (await client.searchLeads({ ...query, limit: 1 })).total;
  const total = await count(filters);
  // Without a reported total (the documented answer shape) the walk cannot plan: it goes as far
  // as the service lets it, and the client says so if that is not the end.
  if (total === undefined || total <= OFFSET_CAP) {
    yield* client.iterateLeads({ ...filters, limit: PAGE });
    return;
  }
  const from = seconds(asStamp(filters.created_at_start_date ?? EARLIEST, '00:00:00'));
  const until = seconds(asStamp(filters.created_at_end_date ?? LATEST, '23:59:59'));
  /** @type {[number, number][]} ranges still to walk, earliest first */
  const ranges = [[from, until]];
  while (ranges.length) {
    const [start, end] = /** @type {[number, number]} */ (ranges.shift());
    const query = { ...filters, created_at_start_date: stamp(start), created_at_end_date: stamp(end) };
    const n = await count(query);
    if (!n) continue;
    if (n <= OFFSET_CAP) {
      yield* client.iterateLeads({ ...query, limit: PAGE });
    } else if (start === end) {
      throw new Error(`more than ${OFFSET_CAP} leads were created at ${stamp(start)}: the service cannot list them all`);
    } else {
      const middle = Math.floor((start + end) / 2);
      ranges.unshift([start, middle], [middle + 1, end]);
    }
  }
}

/**
 * @param {{ filters: Record<string, string>, format: 'csv' | 'jsonl', out?: string, baseUrl?: string, token?: string }} options
 * @param {{ stdout: NodeJS.WriteStream, stderr: NodeJS.WriteStream }} io
 * @returns {Promise<number>} the exit status
 */
export async function runExport(options, { stdout, stderr }) {
  const client = new ConvosoClient({ authToken: options.token, baseUrl: options.baseUrl, maxRetries: 5 });
  const out = options.out ? createWriteStream(options.out) : stdout;
  const write = (/** @type {string} */ text) => (out.write(text) ? undefined : new Promise((resolve) => out.once('drain', resolve)));
  const progress = new Progress(stderr, 'export', 0);
  /** @type {string[] | undefined} */
  let header;
  let n = 0;
  for await (const lead of walk(client, options.filters)) {
    if (options.format === 'jsonl') {
      await write(`${JSON.stringify(lead)}\n`);
    } else {
      // The documented fields, the custom fields of the first lead, then the rest as JSON.
      header ??= [...LEAD_FIELDS, ...Object.keys(lead).filter((k) => !LEAD_FIELDS.includes(k))];
      if (n === 0) await write(formatCsvRow([...header, 'custom_fields']));
      const known = /** @type {string[]} */ (header);
      const rest = Object.fromEntries(Object.entries(lead).filter(([k]) => !known.includes(k)));
      const cells = known.map((k) => cell(lead[k]));
      cells.push(Object.keys(rest).length ? JSON.stringify(rest) : '');
      await write(formatCsvRow(cells.map(guardCell)));
    }
    progress.update(++n);
  }
  if (options.format === 'csv' && n === 0) await write(formatCsvRow([...LEAD_FIELDS, 'custom_fields']));
  progress.end();
  if (out !== stdout) {
    out.end();
    await finished(out);
  }
  stderr.write(`export: ${n} leads\n`);
  return 0;
}

/** @param {unknown} value */
const cell = (value) => (value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));
