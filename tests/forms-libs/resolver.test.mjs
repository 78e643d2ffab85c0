// convoso-leads' Standard Schema objects in the form libraries that take them, run in Node:
// react-hook-form's `standardSchemaResolver` (@hookform/resolvers) and TanStack Form's FormApi
// (@tanstack/form-core). The package is the packed tarball installed offline in a temp project;
// the libraries are the repository's installs linked into it, and a module in that project
// imports both by their bare names, as an app would.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { project } from '../pack/lib/package.mjs';
import { linkFromRepo } from '../lib/link.mjs';

let lib;
const cleanups = [];
before(async () => {
  const dir = await project({ after: (cleanup) => cleanups.push(cleanup) }, { type: 'module', files: {} });
  linkFromRepo(dir, ['react', 'react-hook-form', '@hookform/resolvers', '@tanstack/form-core']);
  writeFileSync(
    path.join(dir, 'app.mjs'),
    [
      "export { fieldErrors, leadSchema, updateSchema } from 'convoso-leads';",
      "export { standardSchemaResolver } from '@hookform/resolvers/standard-schema';",
      "export { FieldApi, FormApi } from '@tanstack/form-core';",
    ].join('\n'),
  );
  lib = await import(pathToFileURL(path.join(dir, 'app.mjs')).href);
});
after(() => cleanups.forEach((cleanup) => cleanup()));

/** What react-hook-form passes a resolver: its field registry and options. */
function resolverOptions(extra = {}) {
  return { fields: {}, names: undefined, shouldUseNativeValidation: false, criteriaMode: 'firstError', ...extra };
}

const issuesOf = (schema, value) => schema['~standard'].validate(value).issues;
const FIELD = (issue) => issue.path[0];

describe('react-hook-form: standardSchemaResolver(leadSchema)', () => {
  test('invalid values: one error per field, the schema\'s message; rhf keeps no code (type is "")', async () => {
    const values = { list_id: '333', phone_number: '201555012', email: 'bad@' };
    const result = await lib.standardSchemaResolver(lib.leadSchema)(values, undefined, resolverOptions());
    const issues = issuesOf(lib.leadSchema, values);

    assert.deepEqual(result.values, {});
    assert.deepEqual(Object.keys(result.errors).sort(), ['email', 'phone_number']);
    assert.equal(result.errors.phone_number.message, 'Enter all 10 digits: area code and number');
    for (const issue of issues) assert.equal(result.errors[FIELD(issue)].message, issue.message);
    assert.match(result.errors.email.message, /“bad@”/, 'the email message quotes the address');
    // What rhf keeps of an issue: the message. The code (and `incomplete`) do not survive the
    // resolver, which is why the messages have to stand alone.
    assert.equal(result.errors.phone_number.type, '');
    assert.equal(issues.find((issue) => FIELD(issue) === 'phone_number').code, 6008, 'the schema had the code');
    assert.ok(!('code' in result.errors.phone_number) && !('incomplete' in result.errors.phone_number));
  });

  test('an empty insert form: list_id and phone_number are required (6007 messages)', async () => {
    // What a form with `defaultValues` of empty strings submits untouched.
    const values = { list_id: '', phone_number: '', first_name: '', last_name: '', email: '' };
    const { errors } = await lib.standardSchemaResolver(lib.leadSchema)(values, undefined, resolverOptions());
    assert.deepEqual(Object.keys(errors).sort(), ['list_id', 'phone_number']);
    assert.equal(errors.list_id.message, 'Enter the list ID');
    assert.equal(errors.phone_number.message, 'Enter a phone number');
    assert.deepEqual(
      issuesOf(lib.leadSchema, values).map((issue) => issue.code),
      [6007, 6007],
    );
  });

  test('valid values: `values` is the normalised request (trimmed, blanks and unknown keys dropped, phone as digits)', async () => {
    const values = { list_id: ' 333', phone_number: '(201) 555-0123', first_name: ' Ada ', last_name: '', email: '', foo: 1 };
    const result = await lib.standardSchemaResolver(lib.leadSchema)(values, undefined, resolverOptions());
    assert.deepEqual(result.errors, {});
    assert.deepEqual(result.values, { list_id: '333', phone_number: '2015550123', phone_code: '1', first_name: 'Ada' });
    assert.deepEqual(result.values, lib.leadSchema['~standard'].validate(values).value);
  });

  test('raw: true hands back the form\'s own values instead', async () => {
    const values = { list_id: ' 333', phone_number: '(201) 555-0123' };
    const result = await lib.standardSchemaResolver(lib.leadSchema, undefined, { raw: true })(values, undefined, resolverOptions());
    assert.deepEqual(result.values, values);
  });

  test('criteriaMode "all": every bad address of the email field is kept, in order, under `types`', async () => {
    const values = { list_id: '333', phone_number: '2015550123', email: 'a@; ok@example.com; b@' };
    const { errors } = await lib.standardSchemaResolver(lib.leadSchema)(values, undefined, resolverOptions({ criteriaMode: 'all' }));
    const emailIssues = issuesOf(lib.leadSchema, values);
    assert.deepEqual(
      emailIssues.map((issue) => [FIELD(issue), issue.index]),
      [['email', 0], ['email', 2]],
      'one issue per bad address, with its position',
    );
    assert.deepEqual(errors.email.types, { 0: emailIssues[0].message, 1: emailIssues[1].message });
    assert.equal(errors.email.message, emailIssues[0].message);
    assert.match(errors.email.types[1], /“b@”/);
  });

  test('native validation: the message reaches the input through setCustomValidity, and the error carries its ref', async () => {
    const calls = [];
    const ref = {
      name: 'phone_number',
      setCustomValidity: (message) => calls.push(['setCustomValidity', message]),
      reportValidity: () => calls.push(['reportValidity']),
    };
    const fields = { phone_number: { ref, name: 'phone_number' } };
    const values = { list_id: '333', phone_number: '201' };
    const { errors } = await lib.standardSchemaResolver(lib.leadSchema)(
      values,
      undefined,
      resolverOptions({ fields, shouldUseNativeValidation: true }),
    );
    assert.equal(errors.phone_number.ref, ref);
    assert.deepEqual(calls, [['setCustomValidity', issuesOf(lib.leadSchema, values)[0].message], ['reportValidity']]);
  });

  test('a value that is not an object: the path-less 9000 issue lands on `root`', async () => {
    const { errors } = await lib.standardSchemaResolver(lib.leadSchema)('not a form', undefined, resolverOptions());
    const [issue] = issuesOf(lib.leadSchema, 'not a form');
    assert.equal(issue.code, 9000);
    assert.equal(issue.path, undefined);
    assert.deepEqual(Object.keys(errors), ['root']);
    assert.equal(errors.root.message, issue.message);
  });
});

describe('react-hook-form: standardSchemaResolver(updateSchema)', () => {
  test('a lead id that is not digits and a short phone: the schema\'s messages on their fields', async () => {
    const values = { lead_id: 'abc', phone_number: '12', email: '' };
    const { errors, values: out } = await lib.standardSchemaResolver(lib.updateSchema)(values, undefined, resolverOptions());
    const issues = issuesOf(lib.updateSchema, values);
    assert.deepEqual(out, {});
    assert.deepEqual(issues.map((issue) => [FIELD(issue), issue.code]), [['lead_id', 6070], ['phone_number', 6008]]);
    assert.deepEqual(Object.keys(errors).sort(), ['lead_id', 'phone_number']);
    for (const issue of issues) assert.equal(errors[FIELD(issue)].message, issue.message);
  });

  test('valid: the normalised update (lead id trimmed, phone to digits + phone_code, blanks dropped)', async () => {
    const values = { lead_id: ' 12345 ', phone_number: '+1 201 555 0123', first_name: '', status: 'NEW' };
    const result = await lib.standardSchemaResolver(lib.updateSchema)(values, undefined, resolverOptions());
    assert.deepEqual(result.errors, {});
    assert.deepEqual(result.values, { lead_id: '12345', phone_number: '2015550123', phone_code: '1', status: 'NEW' });
  });
});

describe('TanStack Form: FormApi with leadSchema as a form validator', () => {
  /**
   * A form and a mounted FieldApi per field, as the framework adapters create them (the
   * `form.Field` components); returns them with the form's unmount.
   */
  function mounted(options) {
    const form = new lib.FormApi(options);
    const unmounts = [form.mount()];
    const fields = {};
    for (const name of Object.keys(options.defaultValues)) {
      fields[name] = new lib.FieldApi({ form, name });
      unmounts.push(fields[name].mount());
    }
    cleanups.push(() => unmounts.reverse().forEach((unmount) => unmount()));
    return { form, fields };
  }
  const DEFAULTS = { list_id: '333', phone_number: '', first_name: '', email: '' };

  test('onChange: a field\'s meta errors are the schema\'s whole issues, code and incomplete included', () => {
    const { form, fields } = mounted({ defaultValues: DEFAULTS, validators: { onChange: lib.leadSchema } });
    fields.phone_number.handleChange('201555');
    const issues = issuesOf(lib.leadSchema, form.state.values);
    assert.deepEqual(issues.map(FIELD), ['phone_number']);
    const { errors } = fields.phone_number.state.meta;
    assert.deepEqual(errors, issues);
    assert.equal(errors[0].code, 6008);
    assert.equal(errors[0].incomplete, true);
    assert.equal(errors[0].message, 'Enter all 10 digits: area code and number');
    assert.deepEqual(fields.list_id.state.meta.errors, [], 'a valid field has none');
    assert.equal(form.state.canSubmit, false);

    // Fixed: the field's errors clear and the form may submit again.
    fields.phone_number.handleChange('(201) 555-0123');
    assert.deepEqual(fields.phone_number.state.meta.errors, []);
    assert.equal(form.state.canSubmit, true);
  });

  test('several bad addresses: one issue each on the email field, with its index', () => {
    const { form, fields } = mounted({ defaultValues: DEFAULTS, validators: { onChange: lib.leadSchema } });
    fields.phone_number.handleChange('2015550123');
    fields.email.handleChange('x@, y@example.com, z@');
    const { errors } = fields.email.state.meta;
    assert.deepEqual(errors.map((issue) => [issue.code, issue.index]), [[6079, 0], [6079, 2]]);
    assert.deepEqual(errors, issuesOf(lib.leadSchema, form.state.values));
  });

  test('onSubmit: an invalid form is not submitted and each required field gets its 6007; fixed, it submits', async () => {
    const submitted = [];
    const { form, fields } = mounted({
      defaultValues: { list_id: '', phone_number: '', first_name: '' },
      validators: { onSubmit: lib.leadSchema },
      onSubmit: ({ value }) => {
        submitted.push(value);
      },
    });
    await form.handleSubmit();
    assert.deepEqual(submitted, []);
    const issues = issuesOf(lib.leadSchema, form.state.values);
    for (const field of ['list_id', 'phone_number']) {
      const { errorMap, errors } = fields[field].state.meta;
      assert.deepEqual(errors, errorMap.onSubmit);
      assert.deepEqual(errors, issues.filter((issue) => FIELD(issue) === field));
      assert.equal(errors[0].code, 6007);
    }
    assert.deepEqual(fields.first_name.state.meta.errors, []);

    fields.list_id.handleChange(' 333 ');
    fields.phone_number.handleChange('201.555.0123');
    fields.first_name.handleChange(' Ada ');
    await form.handleSubmit();
    // TanStack hands onSubmit the values as typed (it applies no schema output); the schema
    // turns them into the request, as the README's example does.
    assert.deepEqual(submitted, [{ list_id: ' 333 ', phone_number: '201.555.0123', first_name: ' Ada ' }]);
    assert.deepEqual(lib.leadSchema['~standard'].validate(submitted[0]), {
      value: { list_id: '333', phone_number: '2015550123', phone_code: '1', first_name: 'Ada' },
    });
  });
});
