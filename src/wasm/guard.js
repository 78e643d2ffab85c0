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

/**
 * Which rows `skip` (a function of the index and row, or a Set of indexes) names: a string of
 * one character per row, `1` to skip. `undefined` when `skip` is neither; `null` when it threw.
 */
export function skippedRows(skip, rows) {
  try {
    const skips = typeof skip === 'function' ? (i) => skip(i, rows[i]) : typeof skip?.has === 'function' ? (i) => skip.has(i) : undefined;
    return skips && rows.map((_, i) => (skips(i) ? 1 : 0)).join('');
  } catch {
    return null;
  }
}

/** Calls `onSend(index)` and waits for what it returns: `false` when it throws or rejects. */
export function sendAllowed(onSend, index) {
  return new Promise((resolve) => resolve(onSend(index))).then(
    () => true,
    () => false,
  );
}

/**
 * Sends `request` with `fetch` (the global one when absent, looked up now so a test's stub
 * applies). Settles with a real `Response`; rejects with an `Error` when the function throws,
 * resolves to something else, or has not settled when `signal` aborts (a `fetch` that ignores
 * its signal must not outlast the call's timeout or abort). While it waits, a timer of
 * `timeoutMs` keeps Node's event loop alive: `AbortSignal.timeout` does not, so a fetch that
 * never settles would otherwise end the process instead of timing out.
 */
export function fetchWith(fetch, request, signal, timeoutMs) {
  return new Promise((resolve, reject) => {
    const alive = timeoutMs === undefined ? undefined : setTimeout(() => {}, timeoutMs + 10);
    const onAbort = () => {
      clearTimeout(alive);
      reject(signal.reason);
    };
    if (signal) {
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
    }
    const settle = (settler) => (value) => {
      clearTimeout(alive);
      signal?.removeEventListener('abort', onAbort);
      settler(value);
    };
    const fail = settle((error) => reject(error instanceof Error ? error : new TypeError(`fetch failed: ${describe(error)}`)));
    try {
      Promise.resolve((fetch ?? globalThis.fetch).call(globalThis, request)).then(
        (answer) => asResponse(answer).then(settle(resolve), fail),
        fail,
      );
    } catch (error) {
      fail(error);
    }
  });
}

/**
 * A real `Response` for what a `fetch` resolved to: itself, or a copy of another realm's
 * Response (npm undici's, say) read through its public members.
 */
async function asResponse(answer) {
  if (typeof Response === 'function' && answer instanceof Response) return answer;
  let status, headers, text;
  try {
    ({ status, headers } = answer);
    if (!Number.isInteger(status) || typeof answer.text !== 'function' || typeof headers?.get !== 'function') throw 0;
    text = answer.text();
  } catch {
    throw new TypeError(`fetch resolved to ${describe(answer)}, not a Response`);
  }
  const body = await text;
  const retryAfter = headers.get('retry-after');
  const empty = status === 204 || status === 205 || status === 304;
  return new Response(empty ? null : String(body), { status, headers: retryAfter == null ? {} : { 'retry-after': String(retryAfter) } });
}

function describe(value) {
  if (value === null || value === undefined) return String(value);
  return typeof value === 'object' ? 'an object' : typeof value === 'function' ? 'a function' : `a ${typeof value}`;
}
