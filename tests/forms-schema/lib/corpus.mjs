// The requests the JSON Schema tests run through the validators: every request literal the
// repository's tests and fixtures hold, the benchmark corpora as the fields they are written
// for, and a generated set that tries a spread of values in every field of every endpoint.
// The corpus holds candidates only: which of them are valid is the validators' answer.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { ROOT } from '../../pack/lib/package.mjs';

/** The four requests: their schema and validator exports, params type and a minimal valid base. */
export const ENDPOINTS = {
  insert: { schema: 'leadSchema', validator: 'validateLead', params: 'InsertParams', base: { list_id: '333', phone_number: '2015550123' } },
  update: { schema: 'updateSchema', validator: 'validateUpdate', params: 'UpdateParams', base: { lead_id: '12345' } },
  search: { schema: 'searchSchema', validator: 'validateSearch', params: 'SearchParams', base: {} },
  recordings: { schema: 'recordingsSchema', validator: 'validateRecordings', params: 'RecordingsParams', base: { lead_id: '12345' } },
};

/**
 * The members of `export interface <name> { ... }` in a declaration file: `{ name, optional }`
 * in declaration order.
 */
export function interfaceMembers(dts, name) {
  const body = new RegExp(`export interface ${name} \\{\\n([\\s\\S]*?)\\n\\}`).exec(dts)?.[1];
  if (!body) throw new Error(`no interface ${name} in the declarations`);
  return [...body.matchAll(/^ {4}(\w+)(\?)?:/gm)].map(([, member, optional]) => ({ name: member, optional: !!optional }));
}

/** A value JSON can carry exactly (what a request body or a form library hands over). */
function isJson(value) {
  try {
    return JSON.stringify(JSON.parse(JSON.stringify(value))) === JSON.stringify(value) && value !== undefined;
  } catch {
    return false;
  }
}

/** Not given, the validators' way: absent, null, or ASCII whitespace only. */
const isBlank = (value) => value == null || (typeof value === 'string' && !/[^\t\n\f\r ]/.test(value));

const isRecord = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Files under `dir` (recursively) whose names end with one of `exts`. */
function filesUnder(dir, exts) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) out.push(...filesUnder(file, exts));
    else if (exts.some((ext) => entry.endsWith(ext))) out.push(file);
  }
  return out.sort();
}

/** The index just past the `}` that closes the `{` at `start`, skipping strings; -1 if none. */
function closingBrace(text, start, quotes) {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quotes.includes(c)) {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * The object literals in a source file that are plain data (JavaScript object literals, and
 * Rust `json!` bodies, which are the same syntax): each `{...}` that evaluates on its own, with
 * no variables, to a JSON object naming at least one request field.
 */
function objectLiterals(text, quotes, fields) {
  const out = [];
  for (let start = text.indexOf('{'); start !== -1; start = text.indexOf('{', start + 1)) {
    const end = closingBrace(text, start, quotes);
    if (end === -1 || end - start > 20_000) continue;
    const literal = text.slice(start, end);
    if (!/["'\w]\s*:/.test(literal)) continue;
    let value;
    try {
      // A context with nothing in it: a literal that needs a variable or a call just fails.
      value = vm.runInNewContext(`(${literal})`, Object.create(null), { timeout: 100 });
    } catch {
      continue;
    }
    if (!isRecord(value) || !isJson(value)) continue;
    value = JSON.parse(JSON.stringify(value));
    if (Object.keys(value).some((key) => fields.has(key))) out.push(value);
  }
  return out;
}

/** The double-quoted string literals of a Rust or JavaScript file, decoded. */
function stringLiterals(text) {
  const out = [];
  for (const [, body] of text.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)) {
    // Rust's `\u{a0}` is JSON's `\u00a0`.
    const json = body.replace(/\\u\{([0-9a-fA-F]{1,6})\}/g, (_, hex) => {
      const code = Number.parseInt(hex, 16);
      return code > 0xffff ? String.fromCodePoint(code) : `\\u${hex.padStart(4, '0')}`;
    });
    try {
      out.push(JSON.parse(`"${json}"`));
    } catch {
      // A Rust escape JSON lacks (`\0`, `\x..`): not a value the tests need.
    }
  }
  return out;
}

/** Every object anywhere in a parsed JSON document. */
function jsonObjects(value, out = []) {
  if (Array.isArray(value)) value.forEach((item) => jsonObjects(item, out));
  else if (isRecord(value)) {
    out.push(value);
    Object.values(value).forEach((item) => jsonObjects(item, out));
  }
  return out;
}

/**
 * Values for the generated set: text, numbers in and just out of each documented range, the
 * date and time forms, flags, the fixed words, phones, emails, blank values, Unicode spacing
 * and values of other JSON types. Some of each the validators accept, some they refuse.
 */
export const VALUES = [
  '', ' ', '\t', null, 'x', 'Ada', ' Ada ', "O'Brien", 'Zoë', '山田', 'a\nb', 'notes, with; punctuation!',
  '12345', ' 12345 ', '0', '-0', '+0', '1', '+5', '007', ' 3 ', '4', '5', '99', '100', '101', '300', '301',
  '1000', '2000', '2001', '-1', '1.5', '-2.25', '1e3', '9223372036854775807', '99999999999999999999',
  0, 1, 4, 5, 7, 42, 99, 100, 101, 300, 301, 1000, 2000, 2001, -1, 1.5, -2.25, 999999999999999, 1e16,
  true, false, 'true', 'false', 'Y', 'N', 'yes', 'on',
  'ASC', 'DESC', 'asc', ' DESC ', 'MOBILE', 'VOIP,LANDLINE', ' MOBILE , VOIP ', 'mobile', 'MOBILE,',
  'US', 'ca', 'GB', 'USA', ' US ', 'M', 'F', 'Other', 'NY', 'ny', 'ON', 'ZZ', '90210', '90210-1234', 'M5V 2T6',
  '2024-02-29', '2023-02-29', '1990-01-31', '1000-01-01', '9999-12-31', '2024-1-1', ' 2024-01-01 ', '01/02/2024',
  '2024-01-01 00:00:00', '2024-12-31 23:59:59', '2024-01-01 24:00:00', '2024-01-01T00:00:00',
  '(201) 555-0123', '+1 201 555 0123', '2015550123', '201.555.0123', '12015550123', '２０１５５５０１２３', 2015550123,
  '201-555-01', '44 20 7946 0958', '+44 20 7946 0958', '1', '999',
  'ada@example.com', ' ada@example.com ', 'a@b.co; c@d.org', 'a@b.co,c@d.org', 'bad@', 'a@localhost',
  '\u00a0', '\u3000', '\ufeff', '\v', ' \u00a0x\u00a0 ',
  {}, [], ['x'], { a: 1 },
];

/**
 * The corpus of candidate requests per endpoint, each `{ source, request }`, deduplicated.
 * `fields` maps an endpoint to its field names (from the package's declarations).
 */
export async function buildCorpus(fields) {
  const all = new Set(Object.values(fields).flat());
  /** @type {Record<string, Map<string, { source: string, request: object }>>} */
  const corpus = Object.fromEntries(Object.keys(ENDPOINTS).map((endpoint) => [endpoint, new Map()]));
  const add = (endpoint, source, request) => {
    const key = JSON.stringify(request);
    if (!corpus[endpoint].has(key)) corpus[endpoint].set(key, { source, request });
  };
  /** A harvested object, as-is and over each endpoint's base (a fragment of a test's request). */
  const addEverywhere = (source, object) => {
    for (const [endpoint, { base }] of Object.entries(ENDPOINTS)) {
      add(endpoint, source, object);
      add(endpoint, `${source} over the base`, { ...base, ...object });
    }
  };
  /** One value in one field, over the endpoint's base. */
  const addValue = (endpoint, source, field, value) => add(endpoint, source, { ...ENDPOINTS[endpoint].base, [field]: value });

  // The repository's request literals: JavaScript tests, Rust tests (`json!` bodies).
  const sources = [
    ...filesUnder(path.join(ROOT, 'tests/differential'), ['.mjs']),
    ...filesUnder(path.join(ROOT, 'tests/e2e'), ['.mjs']),
    ...filesUnder(path.join(ROOT, 'core/tests'), ['.rs']),
  ];
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    const name = path.relative(ROOT, file);
    for (const object of objectLiterals(text, file.endsWith('.rs') ? ['"'] : ['"', "'", '`'], all)) addEverywhere(name, object);
  }
  // The end-to-end test's form fills, each one field of a request.
  for (const file of filesUnder(path.join(ROOT, 'tests/e2e'), ['.mjs'])) {
    const text = readFileSync(file, 'utf8');
    for (const [, field, value] of text.matchAll(/field\('(\w+)'\)\.fill\('([^']*)'\)/g)) {
      for (const endpoint of Object.keys(ENDPOINTS)) if (fields[endpoint].includes(field)) addValue(endpoint, path.relative(ROOT, file), field, value);
    }
  }
  // The recorded service answers: the leads in them as requests (their fields are request fields).
  for (const file of filesUnder(path.join(ROOT, 'tests/fixtures'), ['.json'])) {
    let document;
    try {
      document = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      continue; // the truncated-body fixtures are not JSON on purpose
    }
    for (const object of jsonObjects(document)) {
      if (Object.keys(object).some((key) => all.has(key))) addEverywhere(path.relative(ROOT, file), object);
    }
  }
  // The validators' unit-test values (phones, emails, dates, places), each in every field.
  const literalFiles = [
    ...filesUnder(path.join(ROOT, 'core/tests'), ['.rs']).filter((file) => /validate_\w+\.rs$/.test(file)),
    path.join(ROOT, 'tests/differential/phone.test.mjs'),
  ];
  const strings = new Set(literalFiles.flatMap((file) => stringLiterals(readFileSync(file, 'utf8'))));
  for (const value of strings) {
    for (const endpoint of Object.keys(ENDPOINTS)) for (const field of fields[endpoint]) addValue(endpoint, 'core/tests string literal', field, value);
  }

  // The benchmark and differential corpora, in the fields they were written for.
  const bench = async (file) => import(pathToFileURL(path.join(ROOT, 'bench/corpus', file)).href);
  const { phoneCorpus } = await bench('phones.mjs');
  const { emailCorpus } = await bench('emails.mjs');
  const { searchBody } = await bench('search-body.mjs');
  const { corpus: differentialPhones } = await import(pathToFileURL(path.join(ROOT, 'tests/differential/corpus.mjs')).href);
  for (const phone of phoneCorpus()) addValue('insert', 'bench/corpus/phones.mjs', 'phone_number', phone);
  for (const phone of differentialPhones()) addValue('insert', 'tests/differential/corpus.mjs', 'phone_number', phone);
  for (const email of emailCorpus()) addValue('insert', 'bench/corpus/emails.mjs', 'email', email);
  for (const lead of JSON.parse(searchBody(300)).data.entries) {
    add('insert', 'bench/corpus/search-body.mjs', lead);
    add('update', 'bench/corpus/search-body.mjs', { ...lead, lead_id: lead.id });
    add('search', 'bench/corpus/search-body.mjs', lead);
  }

  // The generated set: each value in each field.
  for (const endpoint of Object.keys(ENDPOINTS)) {
    for (const field of fields[endpoint]) for (const value of VALUES) addValue(endpoint, 'generated', field, value);
  }
  return Object.fromEntries(Object.entries(corpus).map(([endpoint, map]) => [endpoint, [...map.values()]]));
}

/**
 * The generated set's one request with every field it can fill: each field in turn gets its
 * first value that `normalise` (a request to its normalised output, or undefined when it is
 * invalid) accepts and keeps, on top of what is already there.
 */
export function fullRequest(endpoint, fields, normalise) {
  let request = { ...ENDPOINTS[endpoint].base };
  for (const field of fields) {
    if (field in request) continue;
    const value = VALUES.find(
      (candidate) => !isBlank(candidate) && Object.hasOwn(normalise({ ...request, [field]: candidate }) ?? {}, field),
    );
    if (value !== undefined) request = { ...request, [field]: value };
  }
  return request;
}
