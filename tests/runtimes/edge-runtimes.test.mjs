// The packed package in workerd (the runtime of Cloudflare Workers), which compiles no
// WebAssembly from bytes: a worker bundled as wrangler would (esbuild, the `workerd` condition,
// .wasm files as modules), and one bundled for Vercel/Next.js's `edge-light` condition (its
// `.wasm?module` imports), each served by `workerd serve` on loopback with a config written here.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { build } from 'esbuild';
import { spawnGroup } from '../lib/process-group.mjs';
import { BIN, run } from '../pack/lib/package.mjs';
import { assertChecks, freePort, legProject } from './lib/leg.mjs';

const LEGS = [
  { condition: 'workerd', suffix: '' },
  { condition: 'edge-light', suffix: '?module' },
];

/** A workerd config serving out/worker.js with every .wasm it imports as a module. */
function capnp(port, wasmImports) {
  const modules = [
    '(name = "worker.js", esModule = embed "out/worker.js")',
    ...wasmImports.map(({ specifier, file }) => `(name = ${JSON.stringify(specifier)}, wasm = embed ${JSON.stringify(`out/${file}`)})`),
  ];
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    # The checks call the sandbox on 127.0.0.1 with the global fetch.
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [${modules.join(', ')}],
  compatibilityDate = "2026-11-01",
  globalOutbound = "internet",
);
`;
}

for (const leg of LEGS) {
  test(`workerd, ${leg.condition} bundle: both entries and every endpoint`, async (t) => {
    const { stdout: version } = await run(path.join(BIN, 'workerd'), ['--version']);
    t.diagnostic(version.trim());
    const dir = await legProject(t, { 'worker.mjs': 'worker.mjs' });
    await build({
      absWorkingDir: dir,
      entryPoints: ['worker.mjs'],
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      // As wrangler resolves: the runtime's condition, then worker and browser.
      conditions: [leg.condition, 'worker', 'browser'],
      mainFields: ['module', 'main'],
      loader: { '.wasm': 'copy' },
      assetNames: '[name]',
      outdir: 'out',
      logLevel: 'warning',
    });
    const bundle = readFileSync(path.join(dir, 'out/worker.js'), 'utf8');
    const wasmImports = [...bundle.matchAll(/from\s*"\.\/([^"?]+\.wasm)(\?module)?"/g)].map(([, file, suffix = '']) => ({
      specifier: `${file}${suffix}`,
      file,
      suffix,
    }));

    await t.test(`the ${leg.condition} entries import both .wasm files, and inline none`, () => {
      assert.deepEqual(wasmImports.map((w) => w.file).sort(), ['convoso_leads_bg.wasm', 'validate_bg.wasm']);
      for (const w of wasmImports) assert.equal(w.suffix, leg.suffix, w.specifier);
      assert.deepEqual(readdirSync(path.join(dir, 'out')).sort(), ['convoso_leads_bg.wasm', 'validate_bg.wasm', 'worker.js']);
      assert.doesNotMatch(bundle, /fromText\(/, 'no inlined module');
    });

    const port = await freePort();
    writeFileSync(path.join(dir, 'config.capnp'), capnp(port, wasmImports));
    const server = spawnGroup(path.join(BIN, 'workerd'), ['serve', 'config.capnp', '--verbose'], { cwd: dir });
    t.after(server.stop);

    let answer;
    for (const started = Date.now(); Date.now() - started < 30_000; await sleep(100)) {
      if (server.child.exitCode !== null) break;
      answer = await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined);
      if (answer) break;
    }
    assert.ok(answer, `workerd did not answer: ${server.output()}`);
    const text = await answer.text();
    assert.equal(answer.status, 200, `${text}\n${server.output()}`);
    const report = JSON.parse(text);
    await t.test('the runtime refuses to compile WebAssembly from bytes', () => {
      assert.match(report.fromBytes, /^refused: .*disallowed by embedder/);
    });
    await assertChecks(t, `workerd (${leg.condition})`, report.checks);
  });
}
