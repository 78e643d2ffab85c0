// The validators as JavaScript sees them, from the package as built (scripts/build-pkg.sh;
// CONVOSO_PKG_DIR, default pkg/): the result shapes of issue 4's examples, key for key; the
// same answers from both modules that carry the validators (the validation-only one behind
// `convoso-leads/validate`, the client build behind `convoso-leads`); and a strict TypeScript
// consumer of the declarations the package ships.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkgDir = path.resolve(process.env.CONVOSO_PKG_DIR ?? path.join(root, 'pkg'));
const v = await import(pathToFileURL(path.join(pkgDir, 'dist/validate.js')).href);
const full = await import(pathToFileURL(path.join(pkgDir, 'dist/index.js')).href);

test('validatePhone: the issue examples, number input and phone_code', () => {
  assert.deepEqual(v.validatePhone('(201) 555-0123'), {
    valid: true,
    phone_number: '2015550123',
    phone_code: '1',
    e164: '+12015550123',
  });
  const bad = v.validatePhone('201-155-0123');
  assert.deepEqual(Object.keys(bad), ['valid', 'code', 'message']);
  assert.equal(bad.valid, false);
  assert.equal(bad.code, 6008);
  assert.ok(bad.message.length > 0);
  assert.equal(v.validatePhone(2015550123).e164, '+12015550123');
  assert.equal(v.validatePhone('20 7946 0958', { phone_code: 44 }).e164, '+442079460958');
  assert.equal(v.validatePhone('20 7946 0958', { phone_code: '+44' }).phone_code, '44');
  // A national number that starts with 0 keeps its 0 (the digits cross the boundary as a number).
  assert.deepEqual(v.validatePhone('+39 06 1234 5678'), {
    valid: true,
    phone_number: '0612345678',
    phone_code: '39',
    e164: '+390612345678',
  });
  assert.equal(v.validatePhone('9992345678').valid, true);
  assert.equal(v.validatePhone('9992345678', { assigned_area_codes_only: true }).valid, false);
  assert.equal(v.validatePhone('2015550123', { phone_code: '999' }).code, 9001);
  assert.equal(v.validatePhone(undefined).code, 6008);
  assert.equal(v.validatePhone({}).code, 6008);
});

test('validateEmail: several addresses, errors per address', () => {
  assert.deepEqual(v.validateEmail('a@b.com; c@d.org'), { valid: true, emails: ['a@b.com', 'c@d.org'] });
  const bad = v.validateEmail('a@b.com, nope; John <j@x.com>');
  assert.equal(bad.valid, false);
  assert.equal(bad.code, 6079);
  assert.deepEqual(
    bad.errors.map((e) => [e.index, e.address, e.code]),
    [
      [1, 'nope', 6079],
      [2, 'John <j@x.com>', 6079],
    ],
  );
  // Each message names its address and reads alone; an address still being typed is incomplete.
  assert.deepEqual(
    bad.errors.map((e) => [e.message, e.incomplete]),
    [
      ['“nope” needs an @ and a domain', true],
      ['“John <j@x.com>” has a name with it: enter the address alone', undefined],
    ],
  );
  assert.equal(bad.message, bad.errors[0].message);
  assert.equal(v.validateEmail('').code, 6079);
});

test('validateLead and the other request validators', () => {
  assert.deepEqual(v.validateLead({ list_id: '333', phone_number: '5551234567' }), {
    valid: true,
    value: { list_id: '333', phone_number: '5551234567', phone_code: '1' },
  });
  // The normalised request: blank values dropped, text trimmed, numbers as text, phones as
  // national digits with their calling code.
  assert.deepEqual(
    v.validateLead({ list_id: 333, phone_number: ' +44 20 7946 0958 ', phone_code: ' +44', first_name: ' Ada ', notes: '  ', hopper_priority: 5 }),
    { valid: true, value: { list_id: '333', phone_number: '2079460958', phone_code: '44', first_name: 'Ada', hopper_priority: '5' } },
  );
  assert.deepEqual(v.validateUpdate({ lead_id: '7', alt_phone_1: '(201) 555-0123', phone_code: '+1' }).value, {
    lead_id: '7',
    alt_phone_1: '2015550123',
    phone_code: '1',
  });
  // Search filters are passed as typed (trimmed): a phone filter is not a phone to rewrite.
  assert.deepEqual(v.validateSearch({ phone_number: ' 555 ', limit: 10 }).value, { phone_number: '555', limit: '10' });
  // An unknown name is refused as the client refuses it (9000), so form and send agree.
  assert.deepEqual(v.validateLead({ list_id: '333', phone_number: '2015550123', foo: 'x' }), {
    valid: false,
    errors: [{ field: 'foo', code: 9000, message: 'Not a field of this form' }],
  });
  assert.deepEqual(v.validateLead({ list_id: '333', phone_number: '2015550123' }, { required: ['frist_name'] }).errors, [
    { field: 'frist_name', code: 9000, message: 'Not a field of this form' },
  ]);
  // A value the client refuses is refused here too: an object anywhere, `true` where text goes.
  const lead = { list_id: '333', phone_number: '2015550123' };
  assert.deepEqual(v.validateLead({ ...lead, list_id: ['333'] }).errors, [{ field: 'list_id', code: 9000, message: 'Enter text or a number' }]);
  assert.deepEqual(v.validateLead({ ...lead, status: true, first_name: {}, hopper: [1] }).errors, [
    { field: 'status', code: 9000, message: 'Enter text or a number' },
    { field: 'first_name', code: 9000, message: 'Enter text or a number' },
    { field: 'hopper', code: 9000, message: 'Enter text or a number' },
  ]);
  assert.deepEqual(v.validateLead({ ...lead, hopper: true, check_dnc: false }).value, { ...lead, phone_code: '1', hopper: true, check_dnc: false });
  // Only ASCII whitespace is trimmed, as the validators read text.
  assert.equal(v.validateLead({ ...lead, first_name: '\u00a0Ada ' }).value.first_name, '\u00a0Ada');
  // Options are checked: a misspelt option or a required list that is not one is a TypeError.
  assert.throws(() => v.validateLead({}, { requird: ['first_name'] }), TypeError);
  assert.throws(() => v.validateLead({}, { required: 'first_name' }), TypeError);
  assert.throws(() => v.validatePhone('2015550123', { phonecode: '1' }), TypeError);
  // Unfinished input is marked incomplete; input no typing can fix is not.
  assert.equal(v.validatePhone('201555').incomplete, true);
  assert.equal(v.validatePhone('201055').incomplete, undefined);
  const issue = v.validateLead({ list_id: '333', phone_number: '22015550123' });
  assert.equal(issue.valid, false);
  assert.deepEqual(issue.errors.map((e) => Object.keys(e)), [['field', 'code', 'message']]);
  assert.deepEqual(issue.errors.map((e) => [e.field, e.code]), [['phone_number', 6008]]);

  const many = v.validateLead(
    { list_id: 333, phone_number: 5551234567, email: 'x@y.com bad', check_dup: 7, hopper: true },
    { required: ['first_name'] },
  );
  assert.deepEqual(
    many.errors.map((e) => [e.field, e.code, e.index]),
    [
      ['email', 6079, 1],
      ['check_dup', 9005, undefined],
      ['first_name', 6023, undefined],
    ],
  );
  assert.deepEqual(
    v.validateLead(undefined).errors.map((e) => [e.field, e.code]),
    [
      ['list_id', 6007],
      ['phone_number', 6007],
    ],
  );
  assert.deepEqual(
    v.validateSearch({ limit: 0, offset: -1 }).errors.map((e) => [e.field, e.code]),
    [
      ['offset', 7231],
      ['limit', 7258],
    ],
  );
  assert.deepEqual(v.validateUpdate({}).errors.map((e) => e.code), [6070]);
  assert.deepEqual(v.validateUpdate({ lead_id: '12345', status: 'COMPLETED' }), { valid: true, value: { lead_id: '12345', status: 'COMPLETED' } });
  assert.deepEqual(v.validateRecordings({ lead_id: '1', limit: 101 }).errors.map((e) => e.code), [7258]);
  assert.deepEqual(v.validateRecordings({ lead_id: 12345, limit: '100', offset: '0' }), { valid: true, value: { lead_id: '12345', limit: '100', offset: '0' } });
});

test('both entries give the validators of the one validation module', () => {
  const calls = [
    ['validatePhone', ['(201) 555-0123']],
    ['validatePhone', ['+44 20 7946 0958', { phone_code: '44' }]],
    ['validatePhone', ['2011550123']],
    ['validatePhone', [{}]],
    ['validateEmail', ['a@b.com, nope; John <j@x.com>']],
    ['validateEmail', ['']],
    ['validateLead', [{ list_id: 333, phone_number: '12', email: 'x@y.com bad', check_dup: 7 }, { required: ['first_name'] }]],
    ['validateUpdate', [{ lead_id: 'x1', state: 'ZZ', country: 'US' }]],
    ['validateSearch', [{ limit: 0, offset: -1, created_at_start_date: '2024-02-30' }]],
    ['validateRecordings', [{ lead_id: '1', start_time: '2024-01-02 00:00:00', end_time: '2024-01-01 00:00:00' }]],
  ];
  for (const [name, args] of calls) {
    const answer = v[name](...args);
    assert.deepEqual(full[name](...args), answer, `${name}(${JSON.stringify(args)})`);
  }
  // The client build has no rules of its own (an app importing both entries ships them once).
  for (const [name] of calls) assert.equal(full[name], v[name], `${name}: one function for both entries`);
});

test('input larger than the module\'s memory grows it, and later calls still work', () => {
  const many = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? `user${i}@example.com` : `bad${i}`)).join(', ');
  for (const module of [v, full]) {
    const result = module.validateEmail(many);
    assert.equal(result.valid, false);
    assert.equal(result.errors.length, 50_000);
    assert.deepEqual(result.errors[1], { index: 2, address: 'bad2', code: 6079, message: '“bad2” needs an @ and a domain', incomplete: true });
    const long = module.validateLead({ list_id: '1', phone_number: '2015550123', notes: 'x'.repeat(3_000_000) });
    assert.equal(long.valid, true);
    assert.equal(long.value.notes.length, 3_000_000);
    assert.equal(module.validatePhone('(201) 555-0123').e164, '+12015550123');
  }
});

test('the generated TypeScript declarations type a strict consumer', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'validate-types-'));
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(pkgDir, path.join(dir, 'node_modules/convoso-leads'), 'dir');
  writeFileSync(
    path.join(dir, 'consumer.ts'),
    `import { validatePhone, validateEmail, validateLead, validateSearch, validateUpdate, validateRecordings } from 'convoso-leads/validate';
import type { PhoneResult, EmailResult, ValidationResult, FieldError, InsertParams } from 'convoso-leads/validate';
import { validateLead as leadFromMain, type ValidationResult as MainResult } from 'convoso-leads';
import { useModule } from 'convoso-leads/validate';
const fromMain: MainResult = leadFromMain({ list_id: '333', phone_number: '12' } satisfies InsertParams);
// @ts-expect-error the binding helper is a type-only export, not part of the package's API
useModule({});
const phone: PhoneResult = validatePhone('(201) 555-0123', { assigned_area_codes_only: true });
const digits: string = phone.valid ? phone.phone_number + phone.e164 + phone.phone_code : phone.message + phone.code.toFixed();
const email: EmailResult = validateEmail('a@b.com; c@d.org');
const first: number | undefined = email.valid ? email.emails.length : email.errors[0]?.index;
const lead: ValidationResult = validateLead({ list_id: '333', phone_number: '12' }, { required: ['first_name'] });
const errors: FieldError[] = lead.valid ? [] : lead.errors;
const index: number | undefined = errors[0]?.index;
validateSearch({ limit: 10 });
validateUpdate({ lead_id: '1' });
validateRecordings({ lead_id: '1' });
validatePhone(2015550123);
// @ts-expect-error the request types are the params types: a misspelt field is an error
validateLead({ list_idd: '333' });
// @ts-expect-error a phone result has no errors
phone.errors;
// @ts-expect-error only a valid result has phone_number
phone.phone_number;
export { digits, first, index, fromMain };
`,
  );
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'es2022', moduleResolution: 'bundler', lib: ['es2022', 'dom'], skipLibCheck: false },
      files: ['consumer.ts'],
    }),
  );
  execFileSync(path.join(root, 'node_modules/.bin/tsc'), ['-p', dir], { stdio: 'pipe' });
});
