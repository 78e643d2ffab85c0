// A lead file read as insert requests, one at a time: the CSV streamed (a file of any size
// costs one row of memory), columns matched to fields, every row checked with the insert rules
// the client applies before it sends.

import { createReadStream } from 'node:fs';
import { validateLead } from '../validate.js';
import { readCsv } from './csv.js';
import { matchColumns, rowParams } from './columns.js';
import { rowHash } from './journal.js';

const MAX_FIELD_BYTES = 64 * 1024;

/**
 * @typedef {object} RowError
 * @property {string} field
 * @property {number | string} code an API code, or `csv_ragged` / `csv_too_long` for a row the
 *   file itself spoils
 * @property {string} message
 */

/**
 * @typedef {object} Row
 * @property {number} row spreadsheet row number (the header is row 1)
 * @property {Record<string, string>} params what the file says, mapped to insert fields
 * @property {string} hash of `params`
 * @property {RowError[]} errors empty when the row is valid
 */

/**
 * @typedef {object} ReadRowsOptions
 * @property {Map<string, string>} maps from readMaps
 * @property {'utf-8' | 'windows-1252'} encoding
 * @property {string} [listId] the list every row goes to (`--list-id`)
 * @property {number} [checkDup] the duplicate check every row is sent with
 * @property {(note: string) => void} [onNote] told about each column that feeds nothing
 * @property {boolean} [check] run the insert rules (default true; a second pass over a file
 *   already checked need not)
 */

/**
 * @param {string} path
 * @param {ReadRowsOptions} options
 * @returns {AsyncGenerator<Row>}
 */
export async function* readRows(path, { maps, encoding, listId, checkDup, onNote, check = true }) {
  /** @type {import('./columns.js').Columns | undefined} */
  let columns;
  for await (const record of readCsv(createReadStream(path, { highWaterMark: 256 * 1024 }), { encoding, maxFieldBytes: MAX_FIELD_BYTES })) {
    if (!columns) {
      columns = matchColumns(record.fields, maps, { listIdGiven: listId !== undefined });
      for (const note of columns.notes) onNote?.(note);
      continue;
    }
    const params = rowParams(columns, record.fields);
    const hash = rowHash(params);
    /** @type {RowError[]} */
    const errors = [];
    if (record.fields.length !== columns.width) {
      errors.push({
        field: '(row)',
        code: 'csv_ragged',
        message: `has ${record.fields.length} fields where the header has ${columns.width}`,
      });
    }
    for (const index of record.tooLong) {
      errors.push({
        field: columns.fields[index] ?? `column ${index + 1}`,
        code: 'csv_too_long',
        message: `is longer than 64 KiB`,
      });
    }
    if (listId !== undefined) params.list_id = listId;
    if (checkDup !== undefined) params.check_dup = String(checkDup);
    if (check && !errors.length) {
      // Without --list-id (the validate command) a row is checked as the import will send it.
      const checked = params.list_id === undefined ? { ...params, list_id: '0' } : params;
      const result = validateLead(/** @type {import('../validate.js').InsertParams} */ (/** @type {unknown} */ (checked)));
      if (!result.valid) errors.push(...result.errors.map(({ field, code, message }) => ({ field, code, message })));
    }
    yield { row: record.record, params, hash, errors };
  }
}
