// Bulk reads for response decoding: one call from wasm per page instead of several per field.
// It only finds where a page departs from the normal shape; what to do there (rewrite a
// number as text, reject a record) is decided in Rust, in core/src/wire/normalise.rs.

/**
 * Positions in `items` that the normaliser must look at, as a flat list of pairs
 * `[item, field, item, field, ...]`: `field` is an index into `keys` whose value is present
 * (not null or undefined) but not of `types[field]` ('string' or 'number'), or required
 * (`required[field]`) but absent; `field` is -1 when the item is not an object at all.
 * @param {unknown[]} items
 * @param {string[]} keys
 * @param {string[]} types
 * @param {boolean[]} required
 * @returns {Int32Array}
 */
export function mismatches(items, keys, types, required) {
  const out = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      out.push(i, -1);
      continue;
    }
    for (let k = 0; k < keys.length; k++) {
      const value = item[keys[k]];
      if (value === undefined || value === null ? required[k] : typeof value !== types[k]) {
        out.push(i, k);
      }
    }
  }
  return Int32Array.from(out);
}
