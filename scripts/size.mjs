#!/usr/bin/env node
// Reports what a browser downloads, gzip -9, bundled and minified by esbuild (the wasm travels
// inside the bundle, as text) and split into the WebAssembly part and the JavaScript around it:
// - per scenario of bench/budget.json: a small app that imports something from the package
//   (`full`: everything; `validators`: the six validators; `both`: those and the client, from
//   their two entries), the figures CI's ceilings apply to;
// - per entry of the package, next to its bare .wasm for comparison.
//
//   node scripts/size.mjs [pkg-dir] [bindgen-dir] [--json out.json]
//
// pkg-dir defaults to pkg/; bindgen-dir (target/pkg-build) adds the bare .wasm column.
import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const gz = (data) => gzipSync(data, { level: 9 }).length;
// A module's text (pkg-template/inline-wasm.js): printable ASCII without `'` or `\`, long.
const INLINED_WASM = /'[ -&(-[\]-~]{512,}'/g;

/** The bundle of `entry`: its text, gzip -9 sizes, and which wasm modules it inlines. */
async function bundle(entry) {
  const { outputFiles, metafile } = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const js = outputFiles[0].text;
  // Each module's bytes are in wasm/<build>/<name>_bg.wasm.js.
  const wasmInputs = Object.keys(metafile.inputs)
    .map((input) => /wasm\/([^/]+\/[^/]+_bg\.wasm)\.js$/.exec(input)?.[1])
    .filter(Boolean);
  return { js, wasmInputs, totalBytes: Buffer.byteLength(js), totalGzip: gz(js), jsGzip: gz(js.replace(INLINED_WASM, '""')) };
}

async function measure(pkgDir, bindgenDir, subpath, file) {
  const { js, wasmInputs } = await bundle(path.join(pkgDir, file));
  // The bare module is <bindgen-dir>/<build>/<name>_bg.wasm.
  const wasmFile = wasmInputs[0] ?? null;
  const wasmBuild = wasmFile?.split('/')[0] ?? null;
  const bareWasm = wasmFile && bindgenDir ? path.join(bindgenDir, wasmFile) : null;
  const jsOnly = js.replace(INLINED_WASM, '""');
  return {
    entry: subpath === '.' ? 'convoso-leads' : `convoso-leads/${subpath.slice(2)}`,
    wasmBuild,
    wasmModules: wasmInputs.length,
    totalBytes: Buffer.byteLength(js),
    totalGzip: gz(js),
    jsGzip: gz(jsOnly),
    wasmBytes: bareWasm && existsSync(bareWasm) ? readFileSync(bareWasm).length : null,
    wasmGzip: bareWasm && existsSync(bareWasm) ? gz(readFileSync(bareWasm)) : null,
  };
}

/**
 * Each scenario's app (`{ name: { app } }`, the text of a module importing from the package)
 * bundled against `pkgDir`, installed as `node_modules/convoso-leads` of a scratch project, so
 * the package's exports map decides what each import loads.
 */
export async function scenarioSizes(pkgDir, scenarios) {
  const project = mkdtempSync(path.join(tmpdir(), 'convoso-size-'));
  try {
    mkdirSync(path.join(project, 'node_modules'));
    symlinkSync(path.resolve(pkgDir), path.join(project, 'node_modules', 'convoso-leads'), 'dir');
    const rows = [];
    for (const [scenario, { app }] of Object.entries(scenarios)) {
      const file = path.join(project, `${scenario}.mjs`);
      writeFileSync(file, `${app}\n`);
      const { wasmInputs, totalBytes, totalGzip, jsGzip } = await bundle(file);
      rows.push({ scenario, app, wasmModules: wasmInputs.length, totalBytes, totalGzip, jsGzip });
    }
    return rows;
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

export async function packageSizes(pkgDir, bindgenDir) {
  const manifest = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  const rows = [];
  for (const [subpath, conditions] of Object.entries(manifest.exports)) {
    const file = conditions?.import?.default;
    if (file) rows.push(await measure(pkgDir, bindgenDir, subpath, file));
  }
  return rows;
}

const kb = (bytes) => (bytes === null ? '-' : `${(bytes / 1024).toFixed(1)} KB`);

function scenarioTable(rows) {
  const head = ['scenario', 'app', 'bundle gz', 'JS part gz', 'wasm modules'];
  const body = rows.map((r) => [r.scenario, r.app.replace(/\s+/g, ' '), `${r.totalGzip} B (${kb(r.totalGzip)})`, `${r.jsGzip} B`, String(r.wasmModules)]);
  return markdown(head, body);
}

function markdown(head, body) {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

function table(rows) {
  const head = ['entry', 'bundle gz (wasm inlined)', 'JS part gz', 'bare .wasm gz', 'bundle raw'];
  const body = rows.map((r) => [
    r.entry,
    `${r.totalGzip} B (${kb(r.totalGzip)})`,
    `${r.jsGzip} B`,
    r.wasmGzip === null ? '-' : `${r.wasmGzip} B (${r.wasmBuild}, ${r.wasmBytes} B raw)`,
    kb(r.totalBytes),
  ]);
  return markdown(head, body);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf('--json');
  const jsonOut = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : null;
  const [pkgDir = 'pkg', bindgenDir = null] = args;
  // Read here, not through budget.mjs, which imports this module.
  const budgetFile = new URL('../bench/budget.json', import.meta.url);
  const scenarios = await scenarioSizes(pkgDir, JSON.parse(readFileSync(budgetFile, 'utf8')).scenarios);
  const rows = await packageSizes(pkgDir, bindgenDir);
  console.log('gzip -9 sizes of what a browser downloads per scenario (an app bundled by esbuild --bundle --minify):');
  console.log(scenarioTable(scenarios));
  console.log('\nper entry:');
  console.log(table(rows));
  if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ scenarios, entries: rows }, null, 2)}\n`);
}
