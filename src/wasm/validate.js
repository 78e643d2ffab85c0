// The JavaScript half of the validators' ABI (src/wasm/validate.rs is the Rust half and
// documents the layout): writes a call's values into the module's memory, calls the export,
// and builds the result objects from the findings the module writes back. Both wasm builds
// export the same ABI; `bindValidators` makes the six functions for either.

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
    return object !== null && typeof object === 'object' && !Array.isArray(object)
      ? Object.keys(object).map((key) => [key, object[key]])
      : [];
  } catch {
    return [];
  }
}

/** `options[name]`; `undefined` when options are not an object or cannot be read. */
function option(options, name) {
  try {
    return options !== null && typeof options === 'object' ? options[name] : undefined;
  } catch {
    return undefined;
  }
}

/** The strings of a list of at most 1000 names; none when it is not one or cannot be read. */
function names(list) {
  try {
    return Array.isArray(list) && list.length <= 1000 ? Array.from(list).filter((n) => typeof n === 'string') : [];
  } catch {
    return [];
  }
}

/** The validators over one instance's exports (`v_input`, `v_output`, `v_phone`, ...). */
export function bindValidators(wasm) {
  let bytes = new Uint8Array(0);
  let view;
  let at = 0;

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

  function text(value) {
    const written = encoder.encodeInto(value, bytes.subarray(at + 4)).written;
    view.setUint32(at, written, true);
    at += 4 + written;
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

  // Messages are the module's static texts: one JS string each, made on first use. (The key
  // has the length too: the linker may start a short text inside a longer one.)
  const messages = new Map();
  function message(ptr, len) {
    const key = ptr * 1024 + len;
    let found = messages.get(key);
    if (found === undefined) messages.set(key, (found = read(ptr, len)));
    return found;
  }

  /** Calls `found(text, code, message, index)` for each of the call's findings (index -1: none). */
  function findings(count, found) {
    if (count === 0xffffffff) throw new RangeError(TOO_LARGE);
    views();
    for (let p = wasm.v_output(), end = p + 24 * count; p < end; p += 24) {
      const word = (i) => view.getUint32(p + 4 * i, true);
      const code = word(2);
      found(read(word(0), word(1)), code, code && message(word(3), word(4)), word(5) | 0);
    }
  }

  function validatePhone(input, options) {
    const phoneCode = option(options, 'phone_code');
    const room = start(sizeOf(input) + sizeOf(phoneCode));
    put(input);
    put(phoneCode);
    const r = wasm.v_phone(room, at - room, !!option(options, 'assigned_area_codes_only'));
    if (r < 0) {
      let invalid;
      findings(1, (_, code, message) => (invalid = { valid: false, code, message }));
      return invalid;
    }
    const codeLength = (r % 4) + 1;
    const digits = String((r - codeLength + 1) / 4);
    return { valid: true, phone_number: digits.slice(codeLength), phone_code: digits.slice(0, codeLength), e164: `+${digits}` };
  }

  function validateEmail(input) {
    const room = start(sizeOf(input));
    put(input);
    const emails = [];
    const errors = [];
    let empty;
    findings(wasm.v_email(room, at - room), (address, code, message, index) => {
      if (index < 0) empty = { valid: false, code, message };
      else if (code) errors.push({ index, address, code, message });
      else emails.push(address);
    });
    return (
      empty ??
      (errors.length ? { valid: false, code: errors[0].code, message: errors[0].message, errors } : { valid: true, emails })
    );
  }

  function validateRequest(kind, params, options) {
    const fields = entries(params);
    const required = names(option(options, 'required'));
    let size = 8;
    for (const [key, value] of fields) size += sizeOf(key) + sizeOf(value);
    for (const name of required) size += sizeOf(name);
    const room = start(size);
    view.setUint32(at, fields.length, true);
    at += 4;
    for (const [key, value] of fields) {
      text(key);
      put(value);
    }
    view.setUint32(at, required.length, true);
    at += 4;
    for (const name of required) text(name);
    const errors = [];
    findings(wasm.v_request(kind, room, at - room, !!option(options, 'assigned_area_codes_only')), (field, code, message, index) =>
      errors.push(index < 0 ? { field, code, message } : { field, code, message, index }),
    );
    return errors.length ? { valid: false, errors } : { valid: true };
  }

  return {
    validatePhone,
    validateEmail,
    validateLead: (lead, options) => validateRequest(0, lead, options),
    validateUpdate: (params, options) => validateRequest(1, params, options),
    validateSearch: (params) => validateRequest(2, params),
    validateRecordings: (params) => validateRequest(3, params),
    // The client's check before it sends (src/wasm/rules.rs): kind 0-3 as above, 4 a delete;
    // the errors, or undefined. Not part of the public API.
    checkRequest: (kind, params) => validateRequest(kind, params).errors,
  };
}
