// The only code that touches a caller's objects. A getter or a proxy trap can throw, and an
// exception thrown through WebAssembly frames skips their clean-up and leaks part of the
// module's stack (enough of them corrupt its memory). So objects are read here, in JS, into
// plain copies the wasm side can index safely, and callbacks are called from here.

/** Whether `value` can be told an array or not (a revoked proxy cannot). */
function inspectable(value) {
  try {
    Array.isArray(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * A plain, null-prototype copy of the own enumerable properties of a non-array object. A
 * property whose value cannot even be inspected becomes `{}` (an unusable value, reported as
 * such). `undefined` when `value` is not such an object or cannot be read.
 */
export function snapshot(value) {
  try {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const copy = Object.create(null);
    for (const key of Object.keys(value)) {
      const field = value[key];
      copy[key] = inspectable(field) ? field : {};
    }
    return copy;
  } catch {
    return undefined;
  }
}

/**
 * A copy of an array of at most `max` items; `undefined` when `value` is not an array or cannot
 * be read, `null` when it is longer than `max`.
 */
export function listOf(value, max) {
  try {
    if (!Array.isArray(value)) return undefined;
    const length = value.length;
    if (!(length <= max)) return null;
    const copy = [];
    for (let i = 0; i < length; i++) copy.push(value[i]);
    return copy;
  } catch {
    return undefined;
  }
}

/** `value` when it is a real AbortSignal (its `aborted` getter works on it), else `undefined`. */
export function signalOf(value) {
  try {
    Reflect.get(AbortSignal.prototype, 'aborted', value);
    return value;
  } catch {
    return undefined;
  }
}

/** Calls a hook or progress callback; what it throws or rejects with is ignored. */
export function callQuietly(callback, argument) {
  try {
    const result = callback(argument);
    if (result !== null && typeof result === 'object') Promise.resolve(result).catch(() => {});
  } catch {
    // A failing callback must not change the call it observes.
  }
}
