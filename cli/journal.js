// The import journal: an append-only file of JSON lines that says, for every row, what this
// command did with it, so that running the command again resumes instead of duplicating.
//
//   {"journal":"convoso-leads import","version":1,"list_id":"333","check_dup":1}   first line
//   {"row":12,"hash":"…","intent":1}                  about to be sent (fsync'd before the send)
//   {"row":12,"hash":"…","status":"inserted","lead_id":"…"}   how it ended
//
// `row` is the spreadsheet row (the header is row 1); `hash` is the row's content, so a file
// edited since is refused rather than resumed wrongly. The last record of a row wins.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';

export const JOURNAL_VERSION = 1;

/** A journal that cannot be used for this run (exit status 2). */
export class JournalError extends Error {
  name = 'JournalError';
}

/**
 * The content hash of a row's params (their order is the header's, which the hash includes).
 * @param {Record<string, string>} params
 */
export function rowHash(params) {
  return createHash('sha256').update(JSON.stringify(Object.entries(params))).digest('hex').slice(0, 16);
}

/**
 * @typedef {object} RowState
 * @property {string} hash
 * @property {boolean} intent an intent was written (the row may have been sent)
 * @property {string} [status] the last outcome written, if any
 */

/**
 * Reads an existing journal: the header and each row's last state. `undefined` when there is
 * no journal yet. A torn last line (the process died mid-write) is ignored.
 * @param {string} path
 * @returns {Promise<{ header: Record<string, unknown>, rows: Map<number, RowState> } | undefined>}
 */
export async function readJournal(path) {
  /** @type {import('node:fs').ReadStream} */
  let stream;
  try {
    stream = createReadStream(path, { encoding: 'utf8' });
    await new Promise((resolve, reject) => stream.once('open', resolve).once('error', reject));
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return undefined;
    throw new JournalError(`cannot read the journal ${path}: ${/** @type {Error} */ (error).message}`);
  }
  /** @type {Record<string, unknown> | undefined} */
  let header;
  /** @type {Map<number, RowState>} */
  const rows = new Map();
  let line = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    line++;
    if (!text) continue;
    let entry;
    try {
      entry = JSON.parse(text);
    } catch {
      continue; // a torn final write: that record never happened
    }
    if (!header) {
      if (entry?.journal !== 'convoso-leads import') throw new JournalError(`${path} is not a convoso-leads import journal`);
      if (entry.version !== JOURNAL_VERSION) throw new JournalError(`${path} has journal version ${entry.version}; this command writes ${JOURNAL_VERSION}`);
      header = entry;
      continue;
    }
    if (!Number.isInteger(entry?.row) || typeof entry.hash !== 'string') throw new JournalError(`${path} line ${line} is not a journal record`);
    /** @type {RowState} */
    const state = rows.get(entry.row) ?? { hash: entry.hash, intent: false };
    state.hash = entry.hash;
    if (entry.intent) state.intent = true;
    if (typeof entry.status === 'string') state.status = entry.status;
    rows.set(entry.row, state);
  }
  return header ? { header, rows } : undefined;
}

/** Appends records; `sync()` makes everything appended so far durable. */
export class JournalWriter {
  /** @type {import('node:fs/promises').FileHandle} */
  #file;
  /** @type {string[]} */
  #buffer = [];
  /** @type {Promise<void>} */
  #writing = Promise.resolve();
  /** @type {unknown} */
  #failure;

  /** @param {import('node:fs/promises').FileHandle} file */
  constructor(file) {
    this.#file = file;
  }

  /**
   * Opens (creating if needed) the journal for appending; a new one gets its header first.
   * @param {string} path
   * @param {Record<string, unknown>} header written when the file is new
   */
  static async open(path, header) {
    let file;
    try {
      file = await open(path, 'a');
    } catch (error) {
      throw new JournalError(`cannot write the journal ${path}: ${/** @type {Error} */ (error).message}`);
    }
    const writer = new JournalWriter(file);
    if ((await file.stat()).size === 0) {
      writer.append({ journal: 'convoso-leads import', version: JOURNAL_VERSION, ...header });
      await writer.sync();
    }
    return writer;
  }

  /** Queues one record (written in order, soon; durable after the next `sync()`). */
  append(/** @type {Record<string, unknown>} */ record) {
    this.#buffer.push(`${JSON.stringify(record)}\n`);
    if (this.#buffer.length === 1) queueMicrotask(() => this.#flush());
  }

  #flush() {
    const text = this.#buffer.join('');
    this.#buffer = [];
    if (!text) return this.#writing;
    this.#writing = this.#writing.then(async () => {
      if (this.#failure) return;
      try {
        await this.#file.appendFile(text);
      } catch (error) {
        this.#failure = error;
      }
    });
    return this.#writing;
  }

  /** Writes what is queued and fsyncs; throws if any write failed. */
  async sync() {
    await this.#flush();
    this.#writing = this.#writing.then(() => (this.#failure ? undefined : this.#file.sync()));
    await this.#writing;
    if (this.#failure) throw new JournalError(`writing the journal failed: ${/** @type {Error} */ (this.#failure).message}`);
  }

  async close() {
    try {
      await this.sync();
    } finally {
      await this.#file.close();
    }
  }
}
