// `convoso-leads validate`: every row checked with the insert rules, nothing sent.

import { printErrors } from './report.js';
import { readRows } from './rows.js';

/**
 * @param {{ file: string, maps: Map<string, string>, encoding: 'utf-8' | 'windows-1252', format: 'table' | 'json' | 'csv', listId?: string }} options
 * @param {{ stdout: NodeJS.WriteStream, stderr: NodeJS.WriteStream }} io
 * @returns {Promise<number>} the exit status
 */
export async function runValidate(options, { stdout, stderr }) {
  let rows = 0;
  /** @type {{ row: number, errors: import('./rows.js').RowError[] }[]} */
  const invalid = [];
  for await (const { row, errors } of readRows(options.file, { ...options, onNote: (note) => stderr.write(`validate: ${note}\n`) })) {
    rows++;
    if (errors.length) invalid.push({ row, errors });
  }
  printErrors(stdout, invalid, options.format, { rows, valid: rows - invalid.length, invalid: invalid.length });
  stderr.write(`validate: ${rows} rows, ${rows - invalid.length} valid, ${invalid.length} invalid\n`);
  return invalid.length ? 1 : 0;
}
