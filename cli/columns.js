// Which CSV column feeds which insert field: header names matched case-insensitively, ignoring
// spaces and punctuation, with the aliases spreadsheets use, and `--map COLUMN=field` for the
// rest. A column that feeds nothing is reported, never dropped silently.

import { INSERT_FIELDS, LEAD_FIELDS } from './fields.js';
import { unguardCell } from './csv.js';

/** A mistake in the command line (exit status 2). */
export class UsageError extends Error {
  name = 'UsageError';
}

/** `First Name`, `first-name` and `FIRST_NAME` all read `firstname`. */
const key = (/** @type {string} */ name) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Spreadsheet names for insert fields, beyond the fields' own names. */
const ALIASES = {
  phone_number: ['phone', 'phonenumber', 'telephone', 'tel', 'mobile', 'mobilephone', 'cell', 'cellphone', 'primaryphone'],
  email: ['email', 'emailaddress', 'mail'],
  postal_code: ['zip', 'zipcode', 'postcode', 'postalcode'],
  first_name: ['first', 'firstname', 'givenname', 'forename'],
  last_name: ['last', 'lastname', 'surname', 'familyname'],
  address1: ['address', 'address1', 'street', 'streetaddress', 'addressline1'],
  address2: ['address2', 'addressline2'],
  date_of_birth: ['dob', 'birthdate', 'dateofbirth', 'birthday'],
  phone_code: ['phonecode', 'countrycallingcode', 'dialcode', 'callingcode'],
  alt_phone_1: ['altphone', 'altphone1', 'alternatephone', 'alternatephone1', 'phone2'],
  alt_phone_2: ['altphone2', 'alternatephone2', 'phone3'],
};

/** @type {Map<string, string>} normalised name → insert field */
const KNOWN = new Map();
for (const field of INSERT_FIELDS) KNOWN.set(key(field), field);
for (const [field, names] of Object.entries(ALIASES)) for (const name of names) KNOWN.set(key(name), field);

/** Columns an export writes that an insert cannot take: read-only fields of a stored lead. */
const READ_ONLY = new Set([...LEAD_FIELDS.filter((f) => !INSERT_FIELDS.includes(f)), 'custom_fields'].map(key));

/**
 * Reads `--map` arguments: `COLUMN=field` (or `COLUMN=` to ignore a column).
 * @param {string[]} maps
 * @returns {Map<string, string>} normalised column name → field ('' to ignore)
 */
export function readMaps(maps) {
  const out = new Map();
  for (const map of maps) {
    const at = map.lastIndexOf('=');
    if (at <= 0) throw new UsageError(`--map ${map}: expected COLUMN=field`);
    const [column, field] = [map.slice(0, at), map.slice(at + 1).trim()];
    if (field && !INSERT_FIELDS.includes(field)) {
      throw new UsageError(`--map ${map}: "${field}" is not an insert field (one of ${INSERT_FIELDS.join(', ')})`);
    }
    out.set(key(column), field);
  }
  return out;
}

/**
 * @typedef {object} Columns
 * @property {(string | undefined)[]} fields the insert field each column feeds, by index
 * @property {string[]} notes one line per column that feeds nothing, for the user
 * @property {number} width how many fields the header has
 */

/**
 * Matches a header to insert fields.
 * @param {string[]} header
 * @param {Map<string, string>} maps from readMaps
 * @param {{ listIdGiven?: boolean }} [options] with `--list-id`, a list_id column is ignored
 * @returns {Columns}
 */
export function matchColumns(header, maps, { listIdGiven = false } = {}) {
  /** @type {(string | undefined)[]} */
  const fields = [];
  /** @type {string[]} */
  const notes = [];
  /** @type {Map<string, string>} field → the column that feeds it */
  const taken = new Map();
  header.forEach((name, index) => {
    const k = key(name);
    const mapped = maps.get(k);
    const field = mapped ?? KNOWN.get(k);
    const label = `column ${index + 1} "${name}"`;
    if (mapped === '') {
      notes.push(`${label}: ignored (--map)`);
    } else if (!field) {
      notes.push(
        READ_ONLY.has(k)
          ? `${label}: ignored (a stored lead's own field, not an insert field)`
          : `${label}: not an insert field, ignored; use --map "${name}=FIELD" to import it`,
      );
    } else if (field === 'list_id' && listIdGiven) {
      notes.push(`${label}: ignored (--list-id decides the list)`);
    } else if (taken.has(field)) {
      throw new UsageError(`${label} and ${taken.get(field)} both map to ${field}: drop one with --map "${name}="`);
    } else {
      taken.set(field, label);
      fields[index] = field;
      return;
    }
    fields[index] = undefined;
  });
  for (const k of maps.keys()) {
    if (!header.some((name) => key(name) === k)) throw new UsageError(`--map names a column the header does not have ("${k}")`);
  }
  return { fields, notes, width: header.length };
}

/**
 * One row's insert params: every mapped, non-empty cell, with an export's formula guard undone.
 * @param {Columns} columns
 * @param {string[]} cells
 * @returns {Record<string, string>}
 */
export function rowParams(columns, cells) {
  /** @type {Record<string, string>} */
  const params = {};
  columns.fields.forEach((field, index) => {
    const cell = cells[index];
    if (field && cell !== undefined && cell !== '') params[field] = unguardCell(cell);
  });
  return params;
}
