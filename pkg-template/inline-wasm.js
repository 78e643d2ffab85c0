// The package's WebAssembly modules travel inside its JavaScript, as text, and are
// instantiated synchronously when an entry is imported: no fetch, no file path, no bundler
// plugin, and the validators can stay synchronous.
//
// The text is printable ASCII without `'` or `\` (93 characters, so it needs no escapes in a
// string literal). The 89 commonest byte values of wasm, chosen by measuring the package's own
// modules, take one character each: 0x00-0x43 (section and type bytes, small LEB128 numbers,
// the local and memory opcodes) and 0x61-0x75 (the i32 arithmetic opcodes, and the letters a-u
// of the static texts); every other byte takes two. The text stays byte-aligned, so gzip and
// brotli still find the module's repeats: over the wire it costs what the bare .wasm costs,
// within 2%, where hex costs about 10% more and base64 28-32% (gzip -9, side by side).
// The format, which scripts/pkg-assemble.mjs writes by inverting fromText:
// - the character at position p of the alphabet (0x20-0x7e without `'` and `\`) stands, for
//   p < 68, for byte p, and for 68 <= p < 89 for byte p + 29;
// - a character at p >= 89 (`{` `|` `}` `~`) starts a pair: with q, the next character's
//   position, it stands for the (93 (p - 89) + q)-th of the other bytes, ascending.

/** A character's position in the alphabet. */
const position = (c) => c - 0x20 - (c > 0x27) - (c > 0x5c);

/** Decodes the build's module text (trusted) into the module's bytes. */
export function fromText(text) {
  // The text is ASCII, so its UTF-8 is one byte per character: the engine's encoder turns it
  // into bytes natively, and the loop decodes them in place (a byte never takes more room
  // than its characters).
  const bytes = new TextEncoder().encode(text);
  let length = 0;
  for (let i = 0; i < bytes.length; i++) {
    const p = position(bytes[i]);
    // A pair's number q counts the other bytes up: 0x44-0x60 (q < 29), then 0x76-0xff.
    const q = p < 89 ? 0 : 93 * (p - 89) + position(bytes[++i]);
    bytes[length++] = p < 68 ? p : p < 89 ? p + 29 : q < 29 ? q + 68 : q + 89;
  }
  return bytes.subarray(0, length);
}
