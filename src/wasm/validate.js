// The JavaScript half of the validators' ABI (src/wasm/validate.rs is the Rust half and
// documents the layout): writes a call's values into the module's memory, calls the export,
// and builds the result objects from the findings the module writes back. The package has one
// instance of the module, given once by `useModule`; each function is its own export, so a
// bundler leaves out the ones an app does not import.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const TOO_LARGE = 'convoso-leads: not enough memory to validate this input';

/** The most bytes a value takes in the input (UTF-8 is at most 3 bytes per UTF-16 unit). */
const sizeOf = (value) => (typeof value === 'string' ? 5 + 3 * value.length : 9);

/**
 * A caller's plain object as `[key, value]` pairs. A getter or a proxy can throw: an object
 * that cannot be read counts as empty (its required fields are then reported).
 */
function entries(object) {
  try {
    return object && typeof object === 'object' && !Array.isArray(object)
      ? Object.entries(object)
      : [];
  } catch {
    return [];
  }
}

/**
 * The caller's options, checked: a misspelt option (`requird`), a `required` that is not a list
 * of names or options that cannot be read are programming errors (TypeError), not form input.
 */
function settings(options, allowed) {
  let fine = options == null;
  try {
    fine ||=
      typeof options === 'object' &&
      Object.keys(options).every((key) => allowed.includes(key)) &&
      (options.required === undefined ||
        (Array.isArray(options.required) && options.required.every((name) => typeof name === 'string')));
  } catch {
    // A getter or a proxy that throws: not options.
  }
  if (!fine) throw new TypeError(`convoso-leads: options are { ${allowed.join(', ')} }`);
  return options ?? {};
}

/** Text without the ASCII whitespace around it, as the validators read it (not `trim()`,
 * which also takes no-break and other Unicode spaces the validators count as text). */
const trim = (text) => text.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');

/** The fields the insert and update requests check as phone numbers (and normalise). */
const PHONES = ['phone_number', 'alt_phone_1', 'alt_phone_2'];

/** The module instance's exports (`memory`, `v_input`, `v_output`, `v_phone`, ...). */
let wasm;
let bytes = new Uint8Array(0);
let view;
/** Where the next input byte goes. */
let at = 0;

/** Binds the validators to the module instance's exports: once, before any call. */
export function useModule(exports) {
  wasm = exports;
}

// Views of memory, made again after it grew (a grown memory has a new buffer).
function views() {
  if (bytes.buffer !== wasm.memory.buffer) {
    bytes = new Uint8Array(wasm.memory.buffer);
    view = new DataView(wasm.memory.buffer);
  }
}

/** Room for `size` bytes of input; writing starts at its beginning, which is returned. */
function start(size) {
  at = wasm.v_input(size);
  if (!at) throw new RangeError(TOO_LARGE);
  views();
  return at;
}

function u32(n) {
  view.setUint32(at, n, true);
  at += 4;
}

function text(value) {
  const written = encoder.encodeInto(value, bytes.subarray(at + 4)).written;
  u32(written);
  at += written;
}

function put(value) {
  const type = typeof value;
  if (value == null) bytes[at++] = 0;
  else if (type === 'string') {
    bytes[at++] = 1;
    text(value);
  } else if (type === 'number') {
    bytes[at] = 2;
    view.setFloat64(at + 1, value, true);
    at += 9;
  } else bytes[at++] = type === 'boolean' ? 3 + value : 5;
}

const read = (ptr, len) => decoder.decode(bytes.subarray(ptr, ptr + len));

/**
 * Where the call's output starts, once it is known to be there: a negative length is the
 * module's "output memory ran out" (u32::MAX arrives as -1: JS reads a wasm i32 as signed).
 */
function output(length) {
  if (length < 0) throw new RangeError(TOO_LARGE);
  views();
  return wasm.v_output();
}

/**
 * Calls `found(text, problem, index)` for each of the call's findings (index -1: none); the
 * problem is `{ code, message }` with `incomplete: true` for unfinished input, and a message
 * about one value of a field (an address) opens with that value, as Rust's `lead::about`.
 */
function findings(count, found) {
  for (let p = output(count), end = p + 32 * count; p < end; p += 32) {
    const word = (i) => view.getUint32(p + 4 * i, true);
    const code = word(2) & 0x7fffffff;
    const subject = word(7) ? `“${read(word(6), word(7))}” ` : '';
    const problem = { code, message: code && subject + read(word(3), word(4)) };
    if (word(2) >>> 31) problem.incomplete = true;
    found(read(word(0), word(1)), problem, word(5) | 0);
  }
}

export function validatePhone(input, options) {
  const { phone_code: phoneCode, assigned_area_codes_only: assigned } = settings(options, ['phone_code', 'assigned_area_codes_only']);
  const room = start(sizeOf(input) + sizeOf(phoneCode));
  put(input);
  put(phoneCode);
  const r = wasm.v_phone(room, at - room, !!assigned);
  if (r === -1) {
    let invalid;
    findings(1, (_, problem) => (invalid = { valid: false, ...problem }));
    return invalid;
  }
  // The E.164 digits are the output; r says how many, and how many of them are the code
  // (-2, output memory ran out, makes the count negative).
  const count = r >> 2;
  const digits = read(output(count), count);
  const codeLength = (r & 3) + 1;
  return { valid: true, phone_number: digits.slice(codeLength), phone_code: digits.slice(0, codeLength), e164: `+${digits}` };
}

export function validateEmail(input) {
  const room = start(sizeOf(input));
  put(input);
  const emails = [];
  const errors = [];
  let empty;
  findings(wasm.v_email(room, at - room), (address, problem, index) => {
    if (index < 0) empty = { valid: false, ...problem };
    else if (problem.code) errors.push({ index, address, ...problem });
    else emails.push(address);
  });
  const [first] = errors;
  return empty ?? (first ? { valid: false, code: first.code, message: first.message, errors } : { valid: true, emails });
}

function validateRequest(kind, params, options) {
  const fields = entries(params);
  const { required = [], assigned_area_codes_only: assigned } = settings(options, kind < 2 ? ['required', 'assigned_area_codes_only'] : []);
  let size = 8;
  for (const [key, value] of fields) size += sizeOf(key) + sizeOf(value);
  for (const name of required) size += sizeOf(name);
  const room = start(size);
  u32(fields.length);
  for (const [key, value] of fields) {
    text(key);
    put(value);
  }
  u32(required.length);
  for (const name of required) text(name);
  const errors = [];
  findings(wasm.v_request(kind, room, at - room, !!assigned), (field, problem, index) =>
    errors.push(index < 0 ? { field, ...problem } : { field, ...problem, index }),
  );
  return errors.length ? { valid: false, errors } : { valid: true, value: normalised(kind, fields) };
}

/**
 * A valid request as the service wants it: blank fields left out, text trimmed, numbers as
 * their text (flags as given), and, in an insert or update, each phone number as Convoso's
 * national digits with the calling code it was read in as `phone_code`.
 */
function normalised(kind, fields) {
  const value = {};
  for (const [key, given] of fields) {
    const kept = typeof given === 'string' ? trim(given) : typeof given === 'number' ? String(given) : given;
    // Blank (absent, null, only ASCII whitespace): left out, as the validators skip it.
    if (kept != null && kept !== '') value[key] = kept;
  }
  if (typeof value.phone_code === 'string') value.phone_code = trim(value.phone_code.replace('+', ''));
  for (const key of kind < 2 ? PHONES : []) {
    if (key in value) {
      const phone = validatePhone(value[key], { phone_code: value.phone_code });
      if (phone.valid) {
        value[key] = phone.phone_number;
        value.phone_code ??= phone.phone_code;
      }
    }
  }
  return value;
}

export const validateLead = (lead, options) => validateRequest(0, lead, options);
export const validateUpdate = (params, options) => validateRequest(1, params, options);
export const validateSearch = (params) => validateRequest(2, params);
export const validateRecordings = (params) => validateRequest(3, params);

/**
 * The client's check before it sends (src/wasm/rules.rs): kind 0-3 as above, 4 a delete; the
 * errors, or undefined. Not part of the public API.
 */
export const checkRequest = (kind, params) => validateRequest(kind, params).errors;

/**
 * The fields of request `kind` (0-3), as the module declares them, those with a rule first:
 * for the Standard Schemas (src/wasm/schemas.js). Internal too.
 */
export function fieldNames(kind) {
  start(1);
  const length = wasm.v_names(kind);
  const names = read(output(length), length).split(' ');
  names.pop(); // each name is followed by a space
  return names;
}
