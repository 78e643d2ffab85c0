// Soak: 100,000 calls through the package against a running sandbox, reporting the
// WebAssembly memory (memory.buffer.byteLength) and the size of its table of JS values before,
// along the way and after. A leak in the bindings shows as one of them growing call
// after call: Rust allocations in the memory, JS values held by Rust (strings, objects,
// futures, closures) in the table. Healthy figures reach a working size early and stay flat.
//
//   SANDBOX_URL=… SANDBOX_TOKEN=… node bench/soak.mjs [calls]      (scripts/soak.sh sets up)
//
// The calls mix what a long-running service does: searches, recordings, updates, validation
// failures (never sent), service errors, retried 503s, timeouts, aborts and short iterations.

const calls = Number(process.argv[2] ?? 100_000);
const { SANDBOX_URL: url, SANDBOX_ORIGIN: origin, SANDBOX_TOKEN: token } = process.env;
if (!url || !origin || !token) throw new Error('set SANDBOX_URL, SANDBOX_ORIGIN and SANDBOX_TOKEN (scripts/soak.sh does)');

// The package's instance, caught as it is created, for its memory.
const instances = [];
const Instance = WebAssembly.Instance;
WebAssembly.Instance = function (module, imports) {
  const instance = new Instance(module, imports);
  instances.push(instance);
  return instance;
};
WebAssembly.Instance.prototype = Instance.prototype;
const { ConvosoClient, validatePhone } = await import('../pkg/dist/index.js');
const { memory, __wbindgen_externrefs: table } = instances[0].exports;
// wasm-bindgen reuses freed slots: the table only grows when more JS values are held at once.
const used = () => table.length;

const fault = (body) =>
  fetch(`${origin}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const client = new ConvosoClient({ authToken: token, baseUrl: url, onRetry() {}, onResponse() {} });
const quick = new ConvosoClient({ authToken: token, baseUrl: url, maxRetries: 0 });

/** One call of the mix, chosen by `i`; resolves whatever the outcome. */
async function call(i) {
  switch (i % 10) {
    case 0:
    case 1:
    case 2:
      return client.searchLeads({ limit: 5, offset: i % 50 });
    case 3:
      return client.getRecordings({ lead_id: '12345' });
    case 4:
      return client.updateLead({ lead_id: '12345', city: `Soak ${i % 100}` });
    case 5:
      return client.insertLead({ list_id: '333', phone_number: 'not a phone' }); // refused before sending
    case 6:
      return quick.deleteLead({ lead_id: '999999999' }); // the service's "no such lead"
    case 7:
      validatePhone(`202555${String(i % 10_000).padStart(4, '0')}`);
      return quick.searchLeads({ limit: 1 }, { signal: AbortSignal.abort() });
    case 8: {
      let n = 0;
      for await (const lead of client.iterateLeads({ limit: 2 })) if (lead && ++n === 3) break;
      return n;
    }
    default:
      if (i % 1000 === 9) {
        await fault({ endpoint: 'search', fault: { kind: 'status', status: 503, retry_after: '0' } });
        await fault({ endpoint: 'get-recordings', fault: { kind: 'delay', ms: 300 } });
        await quick.getRecordings({ lead_id: '12345' }, { timeoutMs: 50 }).catch(() => {});
      }
      return client.searchLeads({ limit: 1 });
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
const CONCURRENCY = 8;
const checkpoints = [];
const before = [memory.buffer.byteLength, used()];
const started = Date.now();
let next = 0;
let failures = 0;
async function worker() {
  while (next < calls) {
    const i = next++;
    await call(i).catch(() => {
      failures += 1;
    });
    if ((i + 1) % (calls / 10) === 0) checkpoints.push([i + 1, memory.buffer.byteLength, used()]);
  }
}
await Promise.all(Array.from({ length: CONCURRENCY }, worker));
const after = [memory.buffer.byteLength, used()];
const seconds = (Date.now() - started) / 1000;

console.log(`soak: ${calls} calls in ${seconds.toFixed(1)} s (${Math.round(calls / seconds)}/s), ${failures} rejected as intended or not`);
const line = (what, [bytes, slots]) =>
  console.log(`${what.padEnd(22)} memory ${String(bytes).padStart(9)} bytes (${kb(bytes)}), JS value table ${slots} slots`);
line('before', before);
for (const [n, ...figures] of checkpoints) line(`after ${n} calls`, figures);
line('after', after);
const half = checkpoints[Math.floor(checkpoints.length / 2) - 1];
console.log(`second half: memory ${after[0] - half[1]} bytes, slots ${after[1] - half[2]}`);
process.exit(0);
