// What a consumer project gets (its config and fixture files) and the checks on the report it
// produces (fixtures/scenario.mjs), shared by the Node and the browser consumers.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sandbox, stats } from './sandbox.mjs';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
const VALIDATORS = ['validateEmail', 'validateLead', 'validatePhone', 'validateRecordings', 'validateSearch', 'validateUpdate'];
const FORMS = ['bindLeadForm', 'fieldErrors', 'leadSchema', 'recordingsSchema', 'searchSchema', 'updateSchema'];
const ERROR_CLASSES = [
  'ConvosoAbortError',
  'ConvosoApiError',
  'ConvosoDecodeError',
  'ConvosoError',
  'ConvosoHttpError',
  'ConvosoNetworkError',
  'ConvosoTimeoutError',
  'ConvosoValidationError',
];
// The list leads-api.md's examples use; the sandbox has it.
const LIST_ID = '333';

/** Fixture files by the name they get in the consumer project. */
export function fixtures(names) {
  return Object.fromEntries(
    Object.entries(names).map(([as, name]) => [as, readFileSync(path.join(FIXTURES, name), 'utf8')]),
  );
}

/** A valid North American number no other run uses: 312 + [2-9]XX (not N11) + XXXX. */
function freshPhone() {
  let exchange = randomInt(200, 1000);
  if (exchange % 100 === 11) exchange += 1;
  return `312${exchange}${String(randomInt(0, 10_000)).padStart(4, '0')}`;
}

/** Config for one consumer's scenario run. */
export function scenarioConfig() {
  const { url, token } = sandbox();
  return { baseUrl: url, authToken: token, listId: LIST_ID, phone: freshPhone() };
}

/**
 * Runs `during` and reports what the sandbox saw meanwhile: requests per endpoint (and
 * `total`), and how many leads its store gained. The suites run one at a time, so the
 * difference is this consumer's alone.
 */
export async function observeSandbox(during) {
  const before = await stats();
  const result = await during();
  const after = await stats();
  const requests = Object.fromEntries(
    Object.entries(after.requests).map(([endpoint, n]) => [endpoint, n - (before.requests[endpoint] ?? 0)]),
  );
  return { result, seen: { requests, leadsAdded: after.leads - before.leads } };
}

/** The checks every consumer must pass, as subtests (so each shows in the summary). */
export async function checkScenario(t, { report, config, seen }) {
  await t.test('exports the client, the validators, the form layer and the error classes; loaders stay private', () => {
    for (const name of ['ConvosoClient', ...VALIDATORS, ...FORMS, ...ERROR_CLASSES]) {
      assert.ok(report.exports.main.includes(name), `convoso-leads exports ${name}`);
    }
    assert.deepEqual(report.exports.validate, [...VALIDATORS, ...FORMS].sort(), 'convoso-leads/validate exports the validators and the form layer only');
    for (const names of [report.exports.main, report.exports.validate]) {
      for (const internal of ['initSync', 'default', 'checkRequest', 'fieldNames']) {
        assert.ok(!names.includes(internal), `${internal} is not exported`);
      }
    }
  });

  await t.test('leadSchema validates synchronously to the normalised request, from both entries', () => {
    assert.deepEqual(report.schema.valid, { value: { list_id: '333', phone_number: '2015550123', phone_code: '1' } });
    assert.deepEqual(report.schema.invalid, {
      issues: [{ path: ['phone_number'], code: 6008, message: 'Enter all 10 digits: area code and number', incomplete: true }],
    });
    assert.deepEqual(report.schema.fromMain, report.schema.valid, 'both entries validate alike');
    assert.deepEqual(report.schema.jsonSchemaRequired, ['list_id', 'phone_number']);
  });

  await t.test('validatePhone from convoso-leads/validate answers synchronously', () => {
    assert.equal(report.phone.valid.valid, true);
    assert.equal(report.phone.valid.phone_number, '2015550123');
    assert.equal(report.phone.invalid.valid, false);
    assert.equal(report.phone.invalid.code, 6008);
    assert.deepEqual(report.phone.fromMain, report.phone.valid, 'both entries validate alike');
  });

  await t.test('a refused insert is a ConvosoValidationError', () => {
    assert.ok(report.refused, 'an invalid insert is refused');
    assert.equal(report.refused.name, 'ConvosoValidationError');
    assert.equal(report.refused.isConvosoError, true);
    assert.equal(report.refused.isValidationError, true);
    assert.ok(report.refused.fields?.includes('phone_number:6008'), `errors: ${report.refused.fields}`);
  });

  await t.test('insertLead, then searchLeads finds the new lead', () => {
    assert.match(report.inserted.lead_id, /^\d+$/, 'lead_id is a string of digits');
    assert.equal(report.search.offset, 0);
    assert.equal(typeof report.search.limit, 'number');
    assert.deepEqual(report.search.leads, [
      { id: report.inserted.lead_id, first_name: 'Packed', phone_number: config.phone },
    ]);
  });

  await t.test('the sandbox saw one insert and one search; the refused insert sent nothing', () => {
    assert.deepEqual(
      { insert: seen.requests.insert, search: seen.requests.search, total: seen.requests.total },
      { insert: 1, search: 1, total: 2 },
    );
    assert.equal(seen.leadsAdded, 1, 'exactly one lead stored');
  });
}
