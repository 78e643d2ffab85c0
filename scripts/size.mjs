#!/usr/bin/env node
// Reports what a browser downloads for each entry of the built package, gzip -9: the entry
// bundled and minified by esbuild (the wasm travels inside it, as hex), split into the
// WebAssembly part and the JavaScript around it, next to the bare .wasm for comparison.
//
//   node scripts/size.mjs [pkg-dir] [bindgen-dir] [--json out.json]
//
// pkg-dir defaults to pkg/; bindgen-dir (target/pkg-build) adds the bare .wasm column.
import { build } from 'esbuild';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const gz = (data) => gzipSync(data, { level: 9 }).length;
const INLINED_WASM = /(["'])[0-9a-f]{512,}\1/g;

async function measure(pkgDir, bindgenDir, subpath, file) {
  const { outputFiles, metafile } = await build({
    entryPoints: [path.join(pkgDir, file)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const js = outputFiles[0].text;
  // Each module's bytes are in wasm/<build>/<name>_bg.wasm.js; the bare module is
  // <bindgen-dir>/<build>/<name>_bg.wasm.
  const wasmInputs = Object.keys(metafile.inputs)
    .map((input) => /wasm\/([^/]+\/[^/]+_bg\.wasm)\.js$/.exec(input)?.[1])
    .filter(Boolean);
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

function table(rows) {
  const head = ['entry', 'bundle gz (wasm inlined)', 'JS part gz', 'bare .wasm gz', 'bundle raw'];
  const body = rows.map((r) => [
    r.entry,
    `${r.totalGzip} B (${kb(r.totalGzip)})`,
    `${r.jsGzip} B`,
    r.wasmGzip === null ? '-' : `${r.wasmGzip} B (${r.wasmBuild}, ${r.wasmBytes} B raw)`,
    kb(r.totalBytes),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf('--json');
  const jsonOut = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : null;
  const [pkgDir = 'pkg', bindgenDir = null] = args;
  const rows = await packageSizes(pkgDir, bindgenDir);
  console.log('gzip -9 sizes of what a browser downloads per entry (esbuild --bundle --minify):');
  console.log(table(rows));
  if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(rows, null, 2)}\n`);
}
