// The inlined modules' hex decoder, as the package ships it: every path (the engine's
// Uint8Array.fromHex, Node's and Bun's Buffer, the plain loop of other engines) gives the same
// bytes, and the package's own modules decode to valid WebAssembly on each.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = path.join(path.resolve(process.env.CONVOSO_PKG_DIR ?? path.join(root, 'pkg')), 'dist');
const { fromHex } = await import(pathToFileURL(path.join(dist, 'inline-wasm.js')).href);

/** Runs `fn` with `globalThis[name]` (or `Uint8Array.fromHex`) hidden. */
function without(names, fn) {
  const saved = names.map((name) => [name, name === 'fromHex' ? Uint8Array.fromHex : globalThis[name]]);
  try {
    for (const [name] of saved) {
      if (name === 'fromHex') delete Uint8Array.fromHex;
      else globalThis[name] = undefined;
    }
    return fn();
  } finally {
    for (const [name, value] of saved) {
      if (name === 'fromHex') {
        if (value) Uint8Array.fromHex = value;
      } else globalThis[name] = value;
    }
  }
}

const PATHS = {
  'as the engine decodes': (hex) => fromHex(hex),
  'through Buffer': (hex) => without(['fromHex'], () => fromHex(hex)),
  'with the loop': (hex) => without(['fromHex', 'Buffer'], () => fromHex(hex)),
};

test('every decoding path gives the same bytes', () => {
  const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) & 0xff);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  for (const [name, decode] of Object.entries(PATHS)) {
    assert.deepEqual(new Uint8Array(decode(hex)), bytes, name);
  }
});

test("the package's inlined modules decode to WebAssembly on every path", () => {
  for (const file of ['wasm/full/convoso_leads_bg.wasm.js', 'wasm/validate/validate_bg.wasm.js']) {
    const hex = /'([0-9a-f]{512,})'/.exec(readFileSync(path.join(dist, file), 'utf8'))?.[1];
    assert.ok(hex, `${file} inlines its module as hex`);
    for (const [name, decode] of Object.entries(PATHS)) {
      assert.ok(WebAssembly.validate(decode(hex)), `${file} ${name}`);
    }
  }
});
