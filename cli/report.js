// The report of invalid rows: a table for people, JSON or CSV for programs.

import { formatCsvRow, guardCell } from './csv.js';

/**
 * @param {NodeJS.WritableStream} out
 * @param {{ row: number, errors: import('./rows.js').RowError[] }[]} invalid
 * @param {'table' | 'json' | 'csv'} format
 * @param {Record<string, unknown>} [summary] written with the JSON report
 */
export function printErrors(out, invalid, format, summary = {}) {
  const lines = invalid.flatMap(({ row, errors }) => errors.map((e) => ({ row, ...e })));
  if (format === 'json') {
    out.write(`${JSON.stringify({ ...summary, errors: lines }, null, 2)}\n`);
  } else if (format === 'csv') {
    out.write(formatCsvRow(['row', 'field', 'code', 'message']));
    for (const l of lines) out.write(formatCsvRow([String(l.row), l.field, String(l.code), l.message].map(guardCell)));
  } else if (lines.length) {
    const cells = [['row', 'field', 'code', 'message'], ...lines.map((l) => [String(l.row), l.field, String(l.code), l.message])];
    const widths = [0, 1, 2].map((c) => Math.max(...cells.map((r) => r[c].length)));
    for (const r of cells) out.write(`${r.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]) : cell)).join('  ')}\n`);
  }
}
