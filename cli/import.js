// `convoso-leads import`: every row validated first, then the valid ones inserted, each one's
// intent made durable in the journal before it is sent and its outcome appended as it settles.
// Running the same command again resumes from the journal; see README "Importing a lead list".
//
// Resume rules, per row, from the journal's last record of it:
// - inserted / rejected / invalid: settled, not sent again;
// - an intent with no verdict after it (killed in flight, network error, timeout, 5xx): the
//   lead may exist. It is looked up by phone in the list first; found, it is inserted. Not
//   found, it is sent again under the duplicate check (`--check-dup`, 1 by default), and a 6009
//   answer proves the first send landed: inserted too.

import { ConvosoClient } from '../index.js';
import { validatePhone } from '../validate.js';
import { UsageError } from './columns.js';
import { JournalError, JournalWriter, readJournal } from './journal.js';
import { Progress } from './progress.js';
import { readRows } from './rows.js';
import { printErrors } from './report.js';

/** Rows handed to one `insertLeads` call: bounds the memory a huge file costs. */
const CHUNK_ROWS = 1000;
const DUPLICATE = 6009;
/** The service's verdicts on a row are its business codes; any other refusal (the token, a
 * wrong --base-url, a rate limit that outlasted the retries) says nothing about the row, which
 * was not inserted and is sent again next run. */
const isVerdict = (/** @type {number | undefined} */ code) => code !== undefined && code >= 6000 && code < 8000;
const RATE_LIMITED = 429;

/**
 * @typedef {object} ImportOptions
 * @property {string} file
 * @property {string} listId
 * @property {number} concurrency
 * @property {number} checkDup
 * @property {Map<string, string>} maps
 * @property {string} journal
 * @property {'utf-8' | 'windows-1252'} encoding
 * @property {boolean} dryRun
 * @property {string | undefined} baseUrl
 * @property {string | undefined} token
 */

/**
 * @param {ImportOptions} options
 * @param {{ stdout: NodeJS.WriteStream, stderr: NodeJS.WriteStream }} io
 * @returns {Promise<number>} the exit status
 */
export async function runImport(options, { stdout, stderr }) {
  const { file, listId, checkDup } = options;
  const previous = options.dryRun ? undefined : await readJournal(options.journal);
  if (previous && (previous.header.list_id !== listId || previous.header.check_dup !== checkDup)) {
    throw new JournalError(
      `${options.journal} is the journal of an import into list ${previous.header.list_id} with --check-dup ${previous.header.check_dup}: ` +
        'resume with the same options, or pass another --journal for a new import',
    );
  }
  const journaled = previous?.rows ?? new Map();

  // Pass 1: check every row; find what an earlier run settled or left unknown.
  const counts = { rows: 0, invalid: 0, done: 0, inserted: 0, recovered: 0, rejected: 0, refused: 0, unknown: 0 };
  /** @type {Map<number, number>} */
  const rejectedBy = new Map();
  /** @type {{ row: number, hash: string, errors: import('./rows.js').RowError[] }[]} */
  const invalid = [];
  /** @type {Map<number, Record<string, string>>} rows whose first send has no verdict */
  const unknown = new Map();
  // Pass 1 checks every row and reports the columns; pass 2 only picks the rows to send up.
  const read = (first = true) =>
    readRows(file, { ...options, check: first, onNote: first ? (note) => stderr.write(`import: ${note}\n`) : undefined });
  let toSend = 0;
  for await (const { row, hash, params, errors } of read()) {
    counts.rows++;
    const state = journaled.get(row);
    if (state && state.hash !== hash) {
      throw new JournalError(
        `row ${row} of ${file} changed since ${options.journal} was written: restore the file, or pass another --journal to import it as a new list`,
      );
    }
    if (errors.length) {
      counts.invalid++;
      invalid.push({ row, hash, errors });
    } else if (state?.status === 'inserted' || state?.status === 'rejected') {
      counts.done++;
    } else if (state?.intent && state.status !== 'refused') {
      unknown.set(row, params);
    } else {
      toSend++;
    }
  }
  printErrors(stdout, invalid, 'table');
  if (options.dryRun) {
    stdout.write(`dry run: ${counts.rows} rows, ${counts.rows - counts.invalid} valid, ${counts.invalid} invalid; nothing sent\n`);
    return counts.invalid ? 1 : 0;
  }

  const client = new ConvosoClient({ authToken: options.token, baseUrl: options.baseUrl, maxRetries: 3 });
  const journal = await JournalWriter.open(options.journal, { list_id: listId, check_dup: checkDup });
  for (const { row, hash, errors } of invalid) {
    if (journaled.get(row)?.status !== 'invalid') {
      journal.append({ row, hash, status: 'invalid', errors: errors.map((e) => ({ field: e.field, code: e.code })) });
    }
  }

  let interrupted = false;
  let sent = 0;
  /** @type {unknown} */
  let fatal;
  const onInterrupt = () => {
    if (interrupted) process.exit(130); // a second Ctrl-C: every intent is already durable
    interrupted = true;
    stderr.write('\nimport: interrupted: no new rows are sent; waiting for the rows in flight (Ctrl-C again to quit now)\n');
  };
  process.on('SIGINT', onInterrupt);

  try {
    // Rows an earlier run left without a verdict: found by phone in the list, or sent again.
    /** @type {Set<number>} */
    const resend = new Set();
    for (const [row, params] of unknown) {
      if (interrupted) break;
      const phone = validatePhone(params.phone_number ?? '', params.phone_code ? { phone_code: params.phone_code } : undefined);
      try {
        const page = await client.searchLeads({ list_id: listId, phone_number: phone.valid ? phone.phone_number : params.phone_number, limit: 1 });
        const lead = page.results[0];
        if (lead) {
          journal.append({ row, hash: journaled.get(row)?.hash, status: 'inserted', lead_id: lead.id, resolved: 'found' });
          counts.recovered++;
        } else {
          resend.add(row);
          toSend++;
        }
      } catch (error) {
        stderr.write(`import: row ${row}: could not look the lead up (${/** @type {Error} */ (error).message}); it stays unknown\n`);
        counts.unknown++;
      }
    }
    await journal.sync();

    // Pass 2: send what is left, a chunk at a time.
    const progress = new Progress(stderr, 'import', toSend);
    /** @type {{ row: number, hash: string, params: Record<string, string> }[]} */
    let chunk = [];
    const send = async () => {
      const rows = chunk;
      chunk = [];
      let durable = -1;
      /** @type {Promise<void> | undefined} */
      let flushing;
      const batch = Math.max(16, options.concurrency * 4);
      await client.insertLeads(
        rows.map((r) => /** @type {import('../index.js').InsertParams} */ (/** @type {unknown} */ (r.params))),
        {
          concurrency: options.concurrency,
          // A row goes only once its intent is on disk; intents are written a batch at a time.
          onSend: async (index) => {
            while (durable < index) {
              if (interrupted || fatal) throw new Error('stopped');
              flushing ??= (async () => {
                const upto = Math.min(rows.length - 1, durable + batch);
                for (let i = durable + 1; i <= upto; i++) journal.append({ row: rows[i].row, hash: rows[i].hash, intent: 1 });
                await journal.sync();
                durable = upto;
              })()
                .catch((error) => {
                  fatal = error;
                })
                .finally(() => {
                  flushing = undefined;
                });
              await flushing;
            }
            if (interrupted || fatal) throw new Error('stopped');
          },
          onOutcome: (outcome) => {
            const { row, hash } = rows[outcome.index];
            if (outcome.status === 'cancelled') return; // never sent: its intent alone is resolved next run
            sent++;
            if (outcome.status === 'inserted') {
              counts.inserted++;
              journal.append({ row, hash, status: 'inserted', lead_id: outcome.lead_id });
            } else if (outcome.status === 'rejected' && !isVerdict(outcome.code)) {
              const status = /** @type {{ status?: number }} */ (outcome.error).status;
              counts.refused++;
              journal.append({ row, hash, status: 'refused', http_status: status });
              if (status !== RATE_LIMITED) {
                fatal ??= new UsageError(`the service refused the import (HTTP ${status}: ${outcome.message}): check CONVOSO_TOKEN and --base-url`);
              }
            } else if (outcome.status === 'rejected' && outcome.code === DUPLICATE && resend.has(row)) {
              counts.recovered++;
              journal.append({ row, hash, status: 'inserted', resolved: 'duplicate' });
            } else if (outcome.status === 'rejected') {
              counts.rejected++;
              rejectedBy.set(outcome.code ?? 0, (rejectedBy.get(outcome.code ?? 0) ?? 0) + 1);
              journal.append({ row, hash, status: 'rejected', code: outcome.code, message: outcome.message });
            } else if (outcome.status === 'failed') {
              counts.unknown++;
              journal.append({ row, hash, status: 'failed', error: outcome.error.name });
            }
            progress.update(sent);
          },
        },
      );
    };
    const invalidRows = new Set(invalid.map((r) => r.row));
    for await (const { row, hash, params } of read(false)) {
      if (interrupted || fatal) break;
      const status = journaled.get(row)?.status;
      if (invalidRows.has(row) || status === 'inserted' || status === 'rejected') continue;
      if (unknown.has(row) && !resend.has(row)) continue; // found, or still unknown
      chunk.push({ row, hash, params });
      if (chunk.length === CHUNK_ROWS) await send();
    }
    if (chunk.length && !interrupted && !fatal) await send();
    if (toSend) progress.end();
  } finally {
    process.off('SIGINT', onInterrupt);
    await journal.close();
  }
  if (fatal) throw fatal instanceof UsageError || fatal instanceof JournalError ? fatal : new JournalError(String(fatal));

  const rejected = [...rejectedBy].map(([code, n]) => `${code}: ${n}`).join(', ');
  stdout.write(
    `import summary: ${counts.rows} rows: ${counts.inserted + counts.recovered} inserted` +
      (counts.recovered ? ` (${counts.recovered} of them found already there after an earlier run)` : '') +
      `, ${counts.rejected} rejected${rejected ? ` (${rejected})` : ''}, ${counts.invalid} invalid, ${counts.unknown} unknown, ` +
      `${counts.done} skipped (settled by an earlier run)` +
      (interrupted ? `, ${toSend - sent} not sent (interrupted: run the same command again to go on)` : '') +
      '\n',
  );
  if (counts.refused) stdout.write(`import: ${counts.refused} rows were refused for the rate limit, not inserted: run the same command again to send them\n`);
  if (counts.unknown) stdout.write('import: some rows have no verdict: run the same command again to resolve them\n');
  if (interrupted) return 130;
  if (counts.unknown || counts.refused) return 3;
  return counts.invalid || counts.rejected ? 1 : 0;
}
