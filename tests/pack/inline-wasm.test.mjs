// The inlined modules' text decoder, as the package ships it: both paths (Node's and Bun's
// Buffer, the plain string loop of other engines) give the same bytes for every byte value,
// the package's own modules decode to valid WebAssembly on each, and their text is what a
// string literal holds unescaped (printable ASCII without `'` or `\`).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = path.join(path.resolve(process.env.CONVOSO_PKG_DIR ?? path.join(root, 'pkg')), 'dist');
const { fromText } = await import(pathToFileURL(path.join(dist, 'inline-wasm.js')).href);

/** Runs `fn` with `globalThis.Buffer` hidden. */
function withoutBuffer(fn) {
  const saved = globalThis.Buffer;
  try {
    globalThis.Buffer = undefined;
    return fn();
  } finally {
    globalThis.Buffer = saved;
  }
}

const PATHS = {
  'through Buffer': (text) => fromText(text),
  'with the string loop': (text) => withoutBuffer(() => fromText(text)),
};

/** The format, written independently of the build's encoder: see inline-wasm.js. */
function encode(bytes) {
  const escaped = [];
  for (let b = 0; b < 256; b++) if (b > 0x5a || b === 0x07 || b === 0x3c) escaped.push(b);
  return Array.from(bytes, (b) => {
    const i = escaped.indexOf(b);
    return i < 0 ? String.fromCharCode(b + 0x20) : '{|}~'[Math.floor(i / 52)] + String.fromCharCode(0x28 + (i % 52));
  }).join('');
}

const MODULE_TEXT = /'([ -&(-[\]-~]{512,})'/;

test('every decoding path gives the same bytes, for every byte value', () => {
  const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) & 0xff);
  const text = encode(bytes);
  assert.doesNotMatch(text, /['\\\n\r]/);
  for (const [name, decode] of Object.entries(PATHS)) {
    assert.deepEqual(new Uint8Array(decode(text)), bytes, name);
  }
});

test("the package's inlined modules decode to WebAssembly on every path", () => {
  for (const file of ['wasm/full/convoso_leads_bg.wasm.js', 'wasm/validate/validate_bg.wasm.js']) {
    const source = readFileSync(path.join(dist, file), 'utf8');
    const text = MODULE_TEXT.exec(source)?.[1];
    assert.ok(text, `${file} inlines its module as text`);
    const shipped = readFileSync(path.join(dist, file.replace(/\.js$/, '')));
    for (const [name, decode] of Object.entries(PATHS)) {
      const bytes = decode(text);
      assert.ok(WebAssembly.validate(bytes), `${file} ${name}`);
      assert.deepEqual(Buffer.from(bytes), shipped, `${file} ${name}: the shipped .wasm, byte for byte`);
    }
  }
});
