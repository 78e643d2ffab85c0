// @ts-check
// The validators as Standard Schema v1 objects (https://standardschema.dev), with Standard
// JSON Schema, and the mapping of a failed call's errors to form fields. Declarations:
// forms.d.ts. The JSON Schemas are built from src/wasm/fields.js, which is generated from the
// same Rust declarations the validators run.
import { TYPE_OF, TYPES } from './fields.js';

/**
 * The JSON Schema of request `kind`: `side` 0 the input a form may hold, 1 the normalised
 * output `validate` returns (no blank fields, no other keys).
 * @param {number} kind
 * @param {string[]} names its fields, in TYPE_OF's order
 * @param {0 | 1} side
 * @param {{ target?: unknown } | undefined} options
 */
function jsonSchema(kind, names, side, options) {
  const target = options?.target;
  // The JSON Schema dialect of each Standard JSON Schema target.
  const dialect =
    target == 'draft-07'
      ? 'http://json-schema.org/draft-07/schema#'
      : target == 'draft-2020-12' && 'https://json-schema.org/draft/2020-12/schema';
  if (!dialect) throw new TypeError(`convoso-leads: no JSON Schema for target ${JSON.stringify(target)}; use draft-2020-12 or draft-07`);
  /** @type {Record<string, unknown>} */
  const properties = {};
  /** @type {string[]} */
  const required = [];
  names.forEach((name, i) => {
    // TYPE_OF has a letter for each of the module's names, and TYPES an entry for each letter
    // (all come from the same declarations).
    const letter = TYPE_OF[kind][i];
    /** A copy: the caller may change what it is given. @type {unknown} */
    const [input, output = input] = TYPES[parseInt(letter, 36) - 10];
    let type = structuredClone(side ? output : input);
    if (letter < 'a') required.push(name);
    // An optional input may also be blank: absent, `null`, or only ASCII whitespace (the validators skip it).
    else if (!side) type = { anyOf: [{ type: ['null', 'string'], pattern: '^[\\t\\n\\f\\r ]*$' }, type] };
    properties[name] = type;
  });
  return { $schema: dialect, type: 'object', properties, required, ...(side && { additionalProperties: false }) };
}

/**
 * The Standard Schema of request `kind` (0 insert, 1 update, 2 search, 3 get-recordings) over
 * its validator. Only the endpoint's own fields are read: other keys are dropped, so a form's
 * extra inputs never block it.
 * @param {number} kind
 * @param {(params: Record<string, unknown>) => { valid: true, value: Record<string, unknown> } | { valid: false, errors: import('./validate.js').FieldError[] }} validate
 * @param {(kind: number) => string[]} fieldNames the request's fields, from the module
 */
export function standardSchema(kind, validate, fieldNames) {
  /** The request's fields, asked of the module on first use. @type {string[] | undefined} */
  let names;
  const fields = () => (names ??= fieldNames(kind));
  return {
    '~standard': {
      version: 1,
      vendor: 'convoso-leads',
      /** @param {unknown} input */
      validate(input) {
        const notFields = { issues: [{ message: 'Enter the form’s fields', code: 9000 }] };
        if (!input || typeof input != 'object' || Array.isArray(input)) return notFields;
        /** @type {Record<string, unknown>} */
        const params = {};
        try {
          for (const name of fields()) {
            const value = /** @type {Record<string, unknown>} */ (input)[name];
            if (value !== undefined) params[name] = value;
          }
        } catch {
          return notFields; // a getter that throws
        }
        const result = validate(params);
        // A field error as a Standard Schema issue: the field is the path.
        return result.valid
          ? { value: result.value }
          : { issues: result.errors.map(({ field, ...rest }) => ({ path: [field], ...rest })) };
      },
      jsonSchema: {
        /** @param {{ target?: unknown }} options */
        input: (options) => jsonSchema(kind, fields(), 0, options),
        /** @param {{ target?: unknown }} options */
        output: (options) => jsonSchema(kind, fields(), 1, options),
      },
    },
  };
}

/**
 * Service codes that belong to one field, with what to tell the person. The validators'
 * own errors already carry their field; these come from the service.
 */
const SERVICE_FIELDS = {
  6002: ['list_id', 'There is no list with this ID'],
  6006: ['owner_id', 'There is no user with this ID'],
  6008: ['phone_number', 'This phone number is not valid'],
  6009: ['phone_number', 'A lead with this phone number already exists'],
  6070: ['lead_id', 'This is not a lead ID'],
  6001: ['lead_id', 'There is no lead with this ID'],
  6071: ['lead_id', 'There is no lead with this ID'],
  6079: ['email', 'This email address is not valid'],
};

/**
 * The field problems of a failed call: a `ConvosoValidationError`'s errors (which name their
 * field), or a `ConvosoApiError` whose code belongs to a field; otherwise none.
 * @param {unknown} error
 * @returns {{ field: string, code: number, message: string }[]}
 */
export function fieldErrors(error) {
  const e = /** @type {{ kind?: unknown, errors?: unknown, code?: unknown } | null} */ (error);
  if (e?.kind === 'validation' && Array.isArray(e.errors)) {
    return e.errors.map(({ field, code, message }) => ({ field, code, message }));
  }
  const known = e?.kind === 'api' ? SERVICE_FIELDS[/** @type {keyof typeof SERVICE_FIELDS} */ (Number(e.code))] : undefined;
  return known ? [{ field: known[0], code: Number(e?.code), message: known[1] }] : [];
}
