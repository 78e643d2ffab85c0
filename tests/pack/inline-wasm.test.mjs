// The inlined modules' text decoder, as the package ships it: it gives back every byte value
// from the format written independently here, the package's own modules decode to valid
// WebAssembly (the shipped .wasm, byte for byte), and their text is what a string literal
// holds unescaped (printable ASCII without `'` or `\`).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = path.join(path.resolve(process.env.CONVOSO_PKG_DIR ?? path.join(root, 'pkg')), 'dist');
const { fromText } = await import(pathToFileURL(path.join(dist, 'inline-wasm.js')).href);

/** The format, written independently of the build's encoder: see inline-wasm.js. */
function encode(bytes) {
  const alphabet = [];
  for (let c = 0x20; c < 0x7f; c++) if (c !== 0x27 && c !== 0x5c) alphabet.push(String.fromCharCode(c));
  const rest = [];
  for (let b = 0; b < 256; b++) if (!(b < 0x44 || (b >= 0x61 && b <= 0x75))) rest.push(b);
  return Array.from(bytes, (b) => {
    if (b < 0x44) return alphabet[b];
    if (b >= 0x61 && b <= 0x75) return alphabet[b - 29];
    const i = rest.indexOf(b);
    return alphabet[89 + Math.floor(i / 93)] + alphabet[i % 93];
  }).join('');
}

const MODULE_TEXT = /'([ -&(-[\]-~]{512,})'/;

test('the decoder gives back every byte value', () => {
  const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) & 0xff);
  const text = encode(bytes);
  assert.doesNotMatch(text, /['\\\n\r]/);
  assert.deepEqual(new Uint8Array(fromText(text)), bytes);
});

test("the package's inlined modules decode to their WebAssembly", () => {
  for (const file of ['wasm/full/convoso_leads_bg.wasm.js', 'wasm/validate/validate_bg.wasm.js']) {
    const source = readFileSync(path.join(dist, file), 'utf8');
    const text = MODULE_TEXT.exec(source)?.[1];
    assert.ok(text, `${file} inlines its module as text`);
    const shipped = readFileSync(path.join(dist, file.replace(/\.js$/, '')));
    const bytes = fromText(text);
    assert.ok(WebAssembly.validate(bytes), file);
    assert.deepEqual(Buffer.from(bytes), shipped, `${file}: the shipped .wasm, byte for byte`);
  }
});
