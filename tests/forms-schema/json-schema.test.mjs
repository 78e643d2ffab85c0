// The JSON Schemas of the package's Standard Schema objects (`~standard.jsonSchema`), from the
// packed tarball installed into a fresh project, compiled by Ajv in strict mode for both
// targets: the input schema accepts every request the validators accept (a large corpus of the
// repository's own request literals, benchmark corpora and a generated set over every field),
// the output schema accepts every normalised value, both reject what they can and must reject,
// other targets throw, and every call hands out a new object.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { project, ROOT } from '../pack/lib/package.mjs';
import { buildCorpus, ENDPOINTS, fullRequest, interfaceMembers } from './lib/corpus.mjs';

// Ajv from the repository's dev dependencies: the package itself needs none.
const requireDev = createRequire(path.join(ROOT, 'package.json'));
const { default: Ajv } = requireDev('ajv');
const { default: Ajv2020 } = requireDev('ajv/dist/2020');

/** Each target with the Ajv that implements its dialect (plain Ajv is draft-07). */
const TARGETS = {
  'draft-2020-12': { Ajv: Ajv2020, dialect: 'https://json-schema.org/draft/2020-12/schema' },
  'draft-07': { Ajv, dialect: 'http://json-schema.org/draft-07/schema#' },
};
const SIDES = ['input', 'output'];
/** Enough accepted requests per schema that agreement is not luck. */
const AT_LEAST = 300;

// Strict mode, all of it; `allowUnionTypes` only lets `type: [...]` (plain JSON Schema, which
// strictTypes would otherwise refuse as a style rule) through: no check is loosened.
const AJV_OPTIONS = { strict: true, allowUnionTypes: true, allErrors: true };

let pkg; // convoso-leads/validate as a user's ES module imports it
let main; // convoso-leads
/** Per endpoint: declared members `{ name, optional }`. */
let members;
/** Per endpoint: the candidate requests, the accepted ones with their normalised value. */
let corpus;
let accepted;
const cleanups = [];

before(async () => {
  const dir = await project(
    { after: (cleanup) => cleanups.push(cleanup) },
    {
      type: 'module',
      files: {
        'validate-entry.mjs': "export * from 'convoso-leads/validate';\n",
        'main-entry.mjs': "export * from 'convoso-leads';\n",
      },
    },
  );
  pkg = await import(pathToFileURL(path.join(dir, 'validate-entry.mjs')).href);
  main = await import(pathToFileURL(path.join(dir, 'main-entry.mjs')).href);
  // The field names as the package declares them (the params types the validators take).
  const dts = readFileSync(path.join(dir, 'node_modules/convoso-leads/dist/wasm/full/convoso_leads.d.ts'), 'utf8');
  members = Object.fromEntries(Object.entries(ENDPOINTS).map(([endpoint, { params }]) => [endpoint, interfaceMembers(dts, params)]));
  const fields = Object.fromEntries(Object.entries(members).map(([endpoint, list]) => [endpoint, list.map((m) => m.name)]));
  corpus = await buildCorpus(fields);
  accepted = {};
  for (const [endpoint, list] of Object.entries(corpus)) {
    const normalise = (request) => {
      const result = standard(endpoint).validate(request);
      return result.issues ? undefined : result.value;
    };
    list.push({ source: 'generated, every field at once', request: fullRequest(endpoint, fields[endpoint], normalise) });
    accepted[endpoint] = [];
    for (const item of list) {
      const result = standard(endpoint).validate(item.request);
      // The schema reads only the endpoint's fields (a form's other inputs are dropped); the
      // plain validator refuses other keys, so it gets those fields alone.
      const known = Object.fromEntries(Object.entries(item.request).filter(([key]) => fields[endpoint].includes(key)));
      const valid = pkg[ENDPOINTS[endpoint].validator](known).valid;
      accepted[endpoint].push({ ...item, result, valid });
    }
  }
});
after(() => cleanups.forEach((cleanup) => cleanup()));

const standard = (endpoint) => pkg[ENDPOINTS[endpoint].schema]['~standard'];

/** The validator of one schema side for one target, compiled by that target's strict Ajv. */
const compiled = new Map();
function validatorFor(endpoint, side, target) {
  const key = `${endpoint} ${side} ${target}`;
  if (!compiled.has(key)) {
    const ajv = new TARGETS[target].Ajv(AJV_OPTIONS);
    compiled.set(key, ajv.compile(standard(endpoint).jsonSchema[side]({ target })));
  }
  return compiled.get(key);
}

/** What kind of JSON value `value` is, or the value itself when it is short text or a number. */
function kind(value) {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'boolean') return 'a boolean';
  // Escaped, so that spacing other than ASCII shows.
  const text = JSON.stringify(value).replace(/[^\x21-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text.length <= 40 ? text : `a ${typeof value} like ${text.slice(0, 30)}…`;
}

/**
 * The failures grouped by the kind of value a schema refused, with the fields that held it and
 * the first request of each group: readable however many requests fail for one reason.
 */
function report(failures, n = 30) {
  const groups = new Map();
  for (const { source, value, at } of failures) {
    for (const [field, held] of at) {
      const key = kind(held);
      if (!groups.has(key)) groups.set(key, { count: 0, fields: new Set(), source, value });
      const group = groups.get(key);
      group.count++;
      group.fields.add(field);
    }
  }
  const lines = [...groups]
    .slice(0, n)
    .map(([key, { count, fields, source, value }]) => `  ${key} in ${[...fields].join(', ')} (${count}×), e.g. ${source}: ${JSON.stringify(value)}`);
  return `${failures.length} failed, ${groups.size} kinds of value${groups.size > n ? ` (first ${n})` : ''}:\n${lines.join('\n')}`;
}

/**
 * A failure of `validate` on `value`: the fields the schema refused, with what `request` (the
 * value itself, or the request an output came from) held in them.
 */
function failure(source, value, validate, request = value) {
  const fields = new Set(validate.errors.map((e) => e.instancePath.split('/')[1] || e.params?.additionalProperty || e.params?.missingProperty).filter(Boolean));
  const shown = request === value ? value : { request, value };
  return { source, value: shown, at: [...fields].map((field) => [field, request[field]]) };
}

test('the JSON Schemas name exactly the declared fields, with the declared ones required', () => {
  for (const [endpoint, list] of Object.entries(members)) {
    const names = list.map((m) => m.name).sort();
    const required = list.filter((m) => !m.optional).map((m) => m.name).sort();
    assert.ok(required.length <= 2 && names.length >= 5, `${endpoint}: the declarations were read (${names.length} fields)`);
    for (const [target, { dialect }] of Object.entries(TARGETS)) {
      for (const side of SIDES) {
        const schema = standard(endpoint).jsonSchema[side]({ target });
        const label = `${endpoint} ${side} ${target}`;
        assert.equal(schema.$schema, dialect, label);
        assert.equal(schema.type, 'object', label);
        assert.deepEqual(Object.keys(schema.properties).sort(), names, label);
        assert.deepEqual([...schema.required].sort(), required, label);
        // The input may carry a form's other inputs (validate drops them); the output never does.
        assert.equal(schema.additionalProperties, side === 'output' ? false : undefined, label);
        // Both entries hand out the same schemas.
        assert.deepEqual(main[ENDPOINTS[endpoint].schema]['~standard'].jsonSchema[side]({ target }), schema, `${label}: convoso-leads`);
      }
    }
  }
});

test('every schema compiles under strict Ajv for its target', () => {
  for (const endpoint of Object.keys(ENDPOINTS)) {
    for (const target of Object.keys(TARGETS)) for (const side of SIDES) assert.equal(typeof validatorFor(endpoint, side, target), 'function');
  }
});

test('the schema validate and the plain validator agree on every request of the corpus', () => {
  for (const [endpoint, list] of Object.entries(accepted)) {
    const disagree = list.filter(({ result, valid }) => valid === Boolean(result.issues));
    assert.deepEqual(
      disagree.slice(0, 10).map(({ source, request, result }) => ({ source, request, issues: result.issues })),
      [],
      `${endpoint}: ${disagree.length} requests where ${ENDPOINTS[endpoint].validator} and ${ENDPOINTS[endpoint].schema} disagree`,
    );
  }
});

for (const endpoint of Object.keys(ENDPOINTS)) {
  for (const target of Object.keys(TARGETS)) {
    test(`${ENDPOINTS[endpoint].schema}, ${target}: every accepted request passes the input schema, its value the output schema`, (t) => {
      const input = validatorFor(endpoint, 'input', target);
      const output = validatorFor(endpoint, 'output', target);
      const ok = accepted[endpoint].filter(({ result }) => !result.issues);
      const inputFailures = [];
      const outputFailures = [];
      /** Fields some accepted request gives a value that the output keeps. */
      const filled = new Set();
      for (const { source, request, result } of ok) {
        if (!input(request)) inputFailures.push(failure(source, request, input));
        if (!output(result.value)) outputFailures.push(failure(source, result.value, output, request));
        Object.keys(result.value).forEach((field) => filled.add(field));
      }
      t.diagnostic(`${ok.length} accepted requests checked (of ${accepted[endpoint].length} candidates)`);
      assert.ok(ok.length >= AT_LEAST, `${ok.length} accepted requests: the corpus is large enough`);
      // The generated set reaches every field the endpoint takes.
      const missing = members[endpoint].map((m) => m.name).filter((field) => !filled.has(field));
      assert.deepEqual(missing, [], 'fields no accepted request fills');
      assert.ok(
        inputFailures.length + outputFailures.length === 0,
        `input schema rejects accepted requests: ${report(inputFailures)}\noutput schema rejects normalised values: ${report(outputFailures)}`,
      );
    });
  }
}

/** Requests the validators refuse and the input schema can tell apart by itself. */
const MUST_REJECT = [
  ['insert', 'no list_id', { phone_number: '2015550123' }],
  ['insert', 'no phone_number', { list_id: '333' }],
  ['insert', 'a blank list_id', { list_id: '   ', phone_number: '2015550123' }],
  ['insert', 'a blank phone_number', { list_id: '333', phone_number: '' }],
  ['insert', 'neither', {}],
  ['update', 'no lead_id', { status: 'SALE', first_name: 'Ada' }],
  ['update', 'a blank lead_id', { lead_id: ' ' }],
  ['recordings', 'no lead_id', { limit: 10 }],
  // Over the documented length: a phone number has at most 15 digits, a calling code 3, a country 2 letters.
  ['insert', 'a 16-digit phone_number', { list_id: '333', phone_number: '2015550123456789' }],
  ['insert', 'a 16-digit phone_number, as a number', { list_id: '333', phone_number: 2015550123456789 }],
  ['insert', 'a 16-digit alt_phone_1', { list_id: '333', phone_number: '2015550123', alt_phone_1: '+1 201 555 0123 456 78' }],
  ['update', 'a 16-digit phone_number', { lead_id: '1', phone_number: '2015550123456789' }],
  ['insert', 'a 4-digit phone_code', { list_id: '333', phone_number: '2015550123', phone_code: '1234' }],
  ['insert', 'a 3-letter country', { list_id: '333', phone_number: '2015550123', country: 'USA' }],
  // Malformed dates and times.
  ['insert', 'date_of_birth with slashes', { list_id: '333', phone_number: '2015550123', date_of_birth: '1990/01/31' }],
  ['search', 'created_at_start_date without zero padding', { created_at_start_date: '2024-1-1' }],
  ['search', 'created_at_end_date month 13', { created_at_end_date: '2024-13-01' }],
  ['search', 'updated_at_start_date in US order', { updated_at_start_date: '01/02/2024' }],
  ['search', 'last_call_end_date with a T', { last_call_end_date: '2024-01-01T10:00:00' }],
  ['search', 'date_of_birth with a time', { date_of_birth: '1990-01-31 10:00:00' }],
  ['recordings', 'start_time without a time', { lead_id: '1', start_time: '2024-01-01' }],
  ['recordings', 'end_time at hour 24', { lead_id: '1', end_time: '2024-01-01 24:00:00' }],
  // Out of range.
  ['insert', 'hopper_priority 100', { list_id: '333', phone_number: '2015550123', hopper_priority: 100 }],
  ['insert', "hopper_priority '100'", { list_id: '333', phone_number: '2015550123', hopper_priority: '100' }],
  ['insert', 'hopper_priority -1', { list_id: '333', phone_number: '2015550123', hopper_priority: -1 }],
  ['insert', 'hopper_priority 1.5', { list_id: '333', phone_number: '2015550123', hopper_priority: 1.5 }],
  ['insert', 'check_dup 5', { list_id: '333', phone_number: '2015550123', check_dup: 5 }],
  ['insert', 'hopper_expires_in 301', { list_id: '333', phone_number: '2015550123', hopper_expires_in: '301' }],
  ['search', 'limit 2001', { limit: 2001 }],
  ['search', 'limit 0', { limit: '0' }],
  ['search', 'offset -1', { offset: -1 }],
  ['recordings', 'limit 101', { lead_id: '1', limit: 101 }],
  ['insert', 'a lowercase carrier type', { list_id: '333', phone_number: '2015550123', reject_by_carrier_type: 'mobile' }],
];

test('the input schemas reject what the validators reject and a schema can see', () => {
  for (const [endpoint, what, request] of MUST_REJECT) {
    const result = standard(endpoint).validate(request);
    assert.ok(result.issues, `${endpoint} ${what}: the validator rejects it`);
    for (const target of Object.keys(TARGETS)) {
      assert.equal(validatorFor(endpoint, 'input', target)(request), false, `${endpoint} ${what} (${target}): the input schema rejects it`);
    }
  }
});

test('the output schemas take no unknown key and no missing required field', () => {
  for (const endpoint of Object.keys(ENDPOINTS)) {
    const valid = accepted[endpoint].find(({ result }) => !result.issues && Object.keys(result.value).length >= 2);
    assert.ok(valid, `${endpoint}: an accepted request`);
    for (const target of Object.keys(TARGETS)) {
      const output = validatorFor(endpoint, 'output', target);
      const input = validatorFor(endpoint, 'input', target);
      const { value } = valid.result;
      assert.equal(output(value), true, `${endpoint} ${target}: the value itself passes`);
      const extra = { ...value, utm_source: 'newsletter' };
      assert.equal(output(extra), false, `${endpoint} ${target}: the output schema rejects an unknown key`);
      assert.ok(output.errors.some((e) => e.keyword === 'additionalProperties'), `${endpoint} ${target}: because of additionalProperties`);
      // What validate drops, the input schema lets through, as a form's other inputs must.
      assert.equal(input(extra), true, `${endpoint} ${target}: the input schema allows an unknown key`);
      assert.equal('utm_source' in standard(endpoint).validate(extra).value, false, `${endpoint}: validate drops the unknown key`);
      for (const member of members[endpoint].filter((m) => !m.optional)) {
        const { [member.name]: _, ...without } = value;
        assert.equal(output(without), false, `${endpoint} ${target}: the output schema requires ${member.name}`);
      }
      // Blank values are the input's; the normalised output has none.
      const blank = Object.keys(value).find((field) => members[endpoint].some((m) => m.name === field && m.optional));
      if (blank) assert.equal(output({ ...value, [blank]: '' }), false, `${endpoint} ${target}: the output has no blank ${blank}`);
    }
  }
});

test('targets other than draft-2020-12 and draft-07 throw a TypeError', () => {
  for (const endpoint of Object.keys(ENDPOINTS)) {
    const { jsonSchema } = standard(endpoint);
    for (const side of SIDES) {
      for (const options of [{ target: 'draft-04' }, { target: 'openapi-3.0' }, { target: undefined }, {}, { target: 'DRAFT-07' }, { target: 'draft-2019-09' }]) {
        assert.throws(() => jsonSchema[side](options), TypeError, `${endpoint} ${side} ${JSON.stringify(options)}`);
      }
      assert.throws(() => jsonSchema[side](), TypeError, `${endpoint} ${side} without options`);
    }
  }
});

/** Every object and array inside `value` (itself included), then each of them changed. */
function mutateEverything(value) {
  const seen = [];
  const walk = (node) => {
    if (node === null || typeof node !== 'object') return;
    seen.push(node);
    Object.values(node).forEach(walk);
  };
  walk(value);
  for (const node of seen) {
    if (Array.isArray(node)) node.push('mutated');
    else {
      for (const [key, item] of Object.entries(node)) if (item === null || typeof item !== 'object') node[key] = 'mutated';
      node.mutated = true;
    }
  }
  return seen.length;
}

test('each jsonSchema call returns a new object: changing one changes no later one', () => {
  const calls = [];
  for (const endpoint of Object.keys(ENDPOINTS)) {
    for (const side of SIDES) for (const target of Object.keys(TARGETS)) calls.push([`${endpoint} ${side} ${target}`, () => standard(endpoint).jsonSchema[side]({ target })]);
  }
  // Copies: a schema sharing parts with later ones would share them with its snapshot too.
  const before = new Map(calls.map(([label, call]) => [label, structuredClone(call())]));
  for (const [label, call] of calls) {
    const first = call();
    const second = call();
    assert.notEqual(first, second, `${label}: two calls, two objects`);
    assert.notEqual(first.properties, second.properties, `${label}: not sharing properties`);
    assert.ok(mutateEverything(first) > 10, `${label}: the schema had nested objects to change`);
    // No later schema, of this request or another, shows the change.
    for (const [other, again] of calls) assert.deepEqual(again(), before.get(other), `the ${other} schema, after a change to an earlier ${label} one`);
  }
});
