// The package's WebAssembly modules travel inside its JavaScript, as text, and are
// instantiated synchronously when an entry is imported: no fetch, no file path, no bundler
// plugin, and the validators can stay synchronous.
//
// The text keeps one character per byte for most bytes (byte + 0x20: printable ASCII), so it
// stays byte-aligned and gzip and brotli still find the module's repeats; its static texts
// (messages, field names) even stay readable. Over the wire it costs about 3% more than the
// bare .wasm; hex costs about 9% more and base64 about 27% (the client module, gzip -9,
// measured side by side). The format, which scripts/pkg-assemble.mjs writes:
// - a byte 0x00-0x5a other than 0x07 and 0x3c is the one character byte + 0x20 (0x20-0x7a:
//   never `'` or `\`, so the text needs no escapes in a string literal);
// - any other byte is two characters: `{` `|` `}` or `~` (0x7b-0x7e) for k = 0-3, then
//   `(` + r (0x28-0x5b), r < 52: the byte is ESCAPED[52 k + r].

/** The bytes written as two characters, in ascending order. */
const ESCAPED = [];
for (let byte = 0; byte < 256; byte++) if (byte > 0x5a || byte === 0x07 || byte === 0x3c) ESCAPED.push(byte);

/** Decodes the build's module text (trusted) into the module's bytes. */
export function fromText(text) {
  // The text is ASCII, so its UTF-8 is one byte per character: the engine's encoder turns it
  // into bytes natively, and the loop decodes them in place (a byte never takes more room
  // than its characters).
  const bytes = new TextEncoder().encode(text);
  let length = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    bytes[length++] = c > 0x7a ? ESCAPED[(c - 0x7b) * 52 + bytes[++i] - 0x28] : c - 0x20;
  }
  return bytes.subarray(0, length);
}
