// Hostile values thrown at every export of the package's WebAssembly entries. Plain JS with no
// Node APIs: the Node suite and the Chromium page both run it.
//
// A call may succeed, throw or reject, as long as what it throws is an Error and not a trap
// of the wasm module (WebAssembly.RuntimeError: a Rust panic, an out-of-bounds access) and
// every promise settles. Afterwards, ordinary calls must still work.

const HUGE = 1 << 20;

/**
 * Records every JS exception that crosses into WebAssembly from an import, which must be
 * called before the package is imported. An exception thrown through Rust frames skips their
 * clean-up and leaks part of the module's stack: enough of them corrupt its memory. Imports
 * declared `catch` turn exceptions into values and never show up here; what does show up
 * names a call on a caller's value that needs one.
 */
export function watchBoundary() {
  const crossings = [];
  const Instance = WebAssembly.Instance;
  const watch = (name, fn) =>
    function (...args) {
      try {
        return fn.apply(this, args);
      } catch (error) {
        crossings.push(`${name}: ${String(error?.message ?? error)}`);
        throw error;
      }
    };
  WebAssembly.Instance = function (module, imports = {}) {
    const watched = {};
    for (const [space, members] of Object.entries(imports)) {
      watched[space] = {};
      for (const [name, member] of Object.entries(members)) {
        watched[space][name] = typeof member === 'function' ? watch(name, member) : member;
      }
    }
    return new Instance(module, watched);
  };
  WebAssembly.Instance.prototype = Instance.prototype;
  return crossings;
}

/** Fresh hostile values, by name (some are consumed or mutated by a call). */
export function hostileValues() {
  let deepObject = {};
  for (let i = 0; i < 100_000; i++) deepObject = { list_id: deepObject, a: deepObject };
  let deepArray = [];
  for (let i = 0; i < 100_000; i++) deepArray = [deepArray];
  const trap = (name) => () => {
    throw new Error(`${name} trap`);
  };
  const throwingProxy = new Proxy(
    {},
    { get: trap('get'), has: trap('has'), ownKeys: trap('ownKeys'), getOwnPropertyDescriptor: trap('gopd'), getPrototypeOf: trap('proto') },
  );
  const throwingGetter = Object.defineProperty({}, 'phone_number', { enumerable: true, get: trap('getter') });
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  const throwingIterable = Object.assign(['2025550143'], { [Symbol.iterator]: trap('iterator') });
  const throwingLength = new Proxy([], { get: (target, key) => (key === 'length' ? trap('length')() : target[key]) });
  const polluting = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}');
  return [
    ['undefined', undefined],
    ['null', null],
    ['true', true],
    ['0', 0],
    ['-0', -0],
    ['-1', -1],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['MAX_VALUE', Number.MAX_VALUE],
    ['2^53 + 2', 2 ** 53 + 2],
    ['1.5', 1.5],
    ['empty string', ''],
    ['huge string', 'x'.repeat(HUGE)],
    ['huge digit string', '9'.repeat(HUGE)],
    ['lone high surrogate', '\uD800'],
    ['lone low surrogate inside', '20255\uDC0050143'],
    ['NUL bytes', '\0\0\0'],
    ['emoji', '😀'.repeat(1000)],
    ['right-to-left override', '\u202E2025550143'],
    ['symbol', Symbol('hostile')],
    ['bigint', 12345678901234567890n],
    ['function', () => 1],
    ['class', class Hostile {}],
    ['empty object', {}],
    ['empty array', []],
    ['null-prototype object', Object.create(null)],
    ['__proto__ and constructor keys', polluting],
    ['deep object', deepObject],
    ['deep array', deepArray],
    ['throwing proxy', throwingProxy],
    ['throwing getter', throwingGetter],
    ['revoked proxy', revoked],
    ['array with a throwing iterator', throwingIterable],
    ['array proxy with a throwing length', throwingLength],
    ['invalid Date', new Date(NaN)],
    ['Map', new Map([['phone_number', '2025550143']])],
    ['typed array', new Uint8Array(16)],
    ['promise', Promise.resolve('2025550143')],
    ['sparse array', new Array(5)],
    ['array-like with a huge length', { length: 1e9 }],
    ['array with the largest length', new Array(2 ** 32 - 1)],
    ['toString and valueOf throw', { toString: trap('toString'), valueOf: trap('valueOf') }],
    ['Symbol.toPrimitive throws', { [Symbol.toPrimitive]: trap('toPrimitive') }],
    ['aborted signal', AbortSignal.abort()],
    ['fake signal', Object.create(AbortSignal.prototype)],
    ['Error', new Error('hostile')],
    ['the global object', globalThis],
  ];
}

/** Property names hostile values are put under: every param and option name the API knows. */
const KEYS = [
  'phone_number', 'list_id', 'lead_id', 'email', 'limit', 'offset', 'first_name', 'date_of_birth',
  'hopper_priority', 'check_dup', 'update_if_found', 'monthly_revenue', 'start_time', 'phone_code',
  'country', 'authToken', 'baseUrl', 'timeoutMs', 'validate', 'maxRetries', 'deadlineMs',
  'insertRetry', 'dangerouslyAllowBrowser', 'onRequest', 'onResponse', 'onRetry', 'signal',
  'concurrency', 'onProgress', 'defaultCountry', 'country_code', '__proto__', 'constructor',
];

/** A settled outcome within `ms`, or 'hung'. */
function settle(value, ms) {
  if (!(value instanceof Promise)) return Promise.resolve({ ok: true, value });
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ hung: true }), ms);
  });
  return Promise.race([
    value.then((v) => ({ ok: true, value: v }), (error) => ({ ok: false, error })),
    timeout,
  ]).finally(() => clearTimeout(timer));
}

/** A failure of the WebAssembly module itself, not an error it reports. */
function isTrap(error) {
  return (
    error instanceof WebAssembly.RuntimeError ||
    // A stack overflow inside wasm is a RangeError whose stack runs through wasm functions.
    (error instanceof RangeError && /wasm-function|wasm:\/\//.test(String(error.stack))) ||
    /unreachable|memory access out of bounds|already (mutably )?borrowed/i.test(String(error?.message ?? ''))
  );
}

/**
 * Calls every function and method of `modules` with hostile arguments. `client` makes a
 * working ConvosoClient of a module. Returns what went wrong (empty lists when nothing did)
 * and the number of calls.
 */
export async function attack(modules, { client, timeoutMs = 15_000 }) {
  const report = { calls: 0, traps: [], hung: [], notErrors: [], byClass: {} };
  const note = (where, outcome) => {
    report.calls += 1;
    if (outcome.hung) return report.hung.push(where);
    if (outcome.ok) return;
    const { error } = outcome;
    if (isTrap(error)) report.traps.push(`${where}: ${error?.name}: ${error?.message}`);
    else if (!(error instanceof Error)) report.notErrors.push(`${where}: threw ${typeof error} ${String(error)}`);
    else report.byClass[error.name] = (report.byClass[error.name] ?? 0) + 1;
  };
  const run = async (where, fn) => {
    let value;
    try {
      value = fn();
    } catch (error) {
      return note(where, { ok: false, error });
    }
    // An async iterator: pull one item (that is when it works), then close it.
    if (value && typeof value[Symbol.asyncIterator] === 'function') {
      const first = await settle(value.next(), timeoutMs);
      note(where, first);
      await settle(value.return?.(), timeoutMs);
      return;
    }
    note(where, await settle(value, timeoutMs));
  };
  const argumentLists = (h) => [[h], [h, h], [undefined, h], [{}, h], [[], h], ...KEYS.flatMap((k) => [[{ [k]: h }], [{}, { [k]: h }]])];

  for (const [moduleName, mod] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== 'function') continue;
      const isClass = /^class\b/.test(Function.prototype.toString.call(value)) || value.prototype?.free;
      for (const [hostileName, h] of hostileValues()) {
        for (const args of argumentLists(h)) {
          const where = `${moduleName}.${name}(${hostileName})`;
          await run(where, () => (isClass ? new value(...args) : value(...args)));
        }
      }
      if (!value.prototype?.free) continue;
      // Every method, on a working instance (when the class can make one) and on a bare one.
      // Not the glue's private `__` methods, and `free` only on the instances made to be freed:
      // every later call on a freed object is a throw from Rust (see watchBoundary).
      const methods = Object.getOwnPropertyNames(value.prototype).filter(
        (m) => m !== 'constructor' && m !== 'free' && !m.startsWith('__'),
      );
      const live = name === 'ConvosoClient' ? client(mod) : undefined;
      for (const method of methods) {
        for (const [hostileName, h] of hostileValues()) {
          for (const args of argumentLists(h)) {
            if (live) await run(`${name}#${method}(${hostileName})`, () => live[method](...args));
          }
        }
        await run(`bare ${name}#${method}`, () => Object.create(value.prototype)[method]({}));
        const freed = name === 'ConvosoClient' ? client(mod) : undefined;
        if (freed && method !== 'free') {
          freed.free();
          await run(`freed ${name}#${method}`, () => freed[method]({}));
        }
      }
      live?.free();
    }
  }
  return report;
}

/** Ordinary calls after the attack: the module still works and nothing was polluted. */
export async function stillWorks(modules, { client }) {
  const problems = [];
  for (const [moduleName, mod] of Object.entries(modules)) {
    const phone = mod.validatePhone?.('(202) 555-0143');
    if (mod.validatePhone && !(phone?.valid === true && phone.phone_number === '2025550143')) {
      problems.push(`${moduleName}.validatePhone gave ${JSON.stringify(phone)}`);
    }
    if (mod.ConvosoClient) {
      const page = await client(mod).searchLeads({ limit: 2 });
      if (page?.results?.length !== 2) problems.push(`${moduleName}: searchLeads gave ${JSON.stringify(page)}`);
      let n = 0;
      for await (const lead of client(mod).iterateLeads({ limit: 1 })) if (lead.id && ++n === 3) break;
      if (n !== 3) problems.push(`${moduleName}: iterateLeads gave ${n} leads`);
    }
  }
  if ({}.polluted !== undefined || Object.prototype.polluted !== undefined) problems.push('Object.prototype was polluted');
  return problems;
}
