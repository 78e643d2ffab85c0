// Reading pasted or uploaded CSV into lead rows. Papa Parse does the CSV itself (quotes,
// embedded commas and newlines, BOMs); this maps its header row onto the lead fields.
import Papa from 'papaparse';
import { LEAD_FIELDS } from './fields';
import type { Values } from './client';

export interface ParsedCsv {
  rows: Values[];
  /** Header names that are not lead fields, left out of every row. */
  ignored: string[];
  /** Problems with the CSV text itself (e.g. an unclosed quote), with their line. */
  errors: string[];
}

const KNOWN = new Set(LEAD_FIELDS.map((f) => f.name));

/** `First Name`, `first-name` and `first_name` all name the same field. */
function fieldName(header: string): string {
  return header.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

export function parseLeadsCsv(text: string): ParsedCsv {
  const parsed = Papa.parse<Record<string, string>>(text.trim(), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: fieldName,
  });
  const headers = parsed.meta.fields ?? [];
  const rows = parsed.data.map((record) => {
    const row: Values = {};
    for (const name of headers) {
      const value = record[name]?.trim();
      if (KNOWN.has(name) && value) row[name] = value;
    }
    return row;
  });
  return {
    rows,
    ignored: headers.filter((name) => !KNOWN.has(name)),
    errors: parsed.errors.map((e) => (e.row === undefined ? e.message : `Row ${e.row + 1}: ${e.message}`)),
  };
}
