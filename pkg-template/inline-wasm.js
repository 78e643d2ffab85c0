// The package's WebAssembly modules travel inside its JavaScript, as hex text, and are
// instantiated synchronously when an entry is imported: no fetch, no file path, no bundler
// plugin, and the validators can stay synchronous. Hex rather than base64 because it keeps
// byte alignment, so gzip and brotli still find the module's repeats: over the wire hex costs
// about a tenth more than the bare .wasm, base64 about a third.

/** Decodes the build's lowercase hex (trusted, even-length) into the module's bytes. */
export function fromHex(hex) {
  // Native where the engine has it (several times faster on a cold start): Uint8Array.fromHex
  // in recent engines, Buffer (a Uint8Array) in Node and Bun, where the loop below over the
  // client's module takes ~10 ms of a fresh process's import and Buffer under 1 ms (measured).
  // The loop everywhere else.
  if (typeof Uint8Array.fromHex === 'function') return Uint8Array.fromHex(hex);
  const NodeBuffer = globalThis.Buffer;
  if (typeof NodeBuffer?.from === 'function') return NodeBuffer.from(hex, 'hex');
  const bytes = new Uint8Array(hex.length >>> 1);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = (nibble(hex.charCodeAt(2 * i)) << 4) | nibble(hex.charCodeAt(2 * i + 1));
  }
  return bytes;
}

// '0'-'9' are 0x30-0x39 and 'a'-'f' are 0x61-0x66: the low four bits, plus 9 for a letter.
function nibble(charCode) {
  return (charCode & 0xf) + (charCode >> 6) * 9;
}
