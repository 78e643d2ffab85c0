#!/usr/bin/env node
// Where a module's bytes go: the largest functions and crates of a wasm build that keeps its
// names (before wasm-opt strips them), so that a size regression shows where it happens.
//
//   node scripts/wasm-report.mjs FILE.wasm [--top N] [--json out.json]
//
// Sizes are the bytes of each function body in the code section; data segments are counted
// once as `(data)`. Names are demangled from Rust's legacy scheme; a function's crate is the
// first path segment of its name (for `<a::T as b::Trait>::f`, the implementing type's crate).
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Reads an unsigned LEB128 at `at`; returns [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  let pos = at;
  for (;;) {
    const byte = bytes[pos++];
    if (byte === undefined) throw new Error('truncated LEB128');
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, pos];
    shift += 7;
  }
}

function text(bytes, at) {
  const [len, start] = leb(bytes, at);
  return [new TextDecoder().decode(bytes.subarray(start, start + len)), start + len];
}

/** Demangles `_ZN3foo3bar17h0123456789abcdefE` to `foo::bar` (and $LT$-style escapes). */
export function demangle(name) {
  const m = /^_?_ZN(.*)E$/.exec(name);
  if (!m) return tidy(name);
  const parts = [];
  let rest = m[1];
  while (rest.length) {
    const d = /^(\d+)/.exec(rest);
    if (!d) break;
    const len = Number(d[1]);
    const part = rest.slice(d[1].length, d[1].length + len);
    rest = rest.slice(d[1].length + len);
    if (/^h[0-9a-f]{16}$/.test(part) && !rest.length) break;
    parts.push(part);
  }
  return tidy(parts.join('::'));
}

// Rust's legacy mangling escapes (`$LT$` is `<`).
const escapes = { SP: '@', BP: '*', RF: '&', LT: '<', GT: '>', LP: '(', RP: ')', C: ',' };

/** Drops what only tells builds apart: symbol hashes and crate disambiguators. */
function tidy(name) {
  return name
    .replace(/::h[0-9a-f]{16}$/, '')
    .replace(/\[[0-9a-f]{16}\]/g, '')
    .replace(/\$([A-Z]{1,2})\$/g, (all, code) => escapes[code] ?? all)
    .replace(/\$u([0-9a-f]+)\$/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/\.\./g, '::')
    .replace(/^_\$/, '$');
}

/** The crate a function belongs to, from its demangled name. */
export function crateOf(name) {
  const m = /^<?\s*&?(?:mut |dyn )?([A-Za-z_][A-Za-z0-9_]*)::/.exec(name);
  if (m) return m[1];
  if (/^__wbg|^__wbindgen|^__externref|^wasm_bindgen|^__wbgt/.test(name)) return 'wasm_bindgen';
  if (/^__rust|^__rdl|^__rg_/.test(name)) return 'alloc';
  if (/^v_/.test(name)) return 'convoso_leads';
  return '(other)';
}

/** Function names and body sizes of a module, plus its data and import counts. */
export function analyse(bytes) {
  if (bytes.length < 8) throw new Error('not a wasm module');
  let pos = 8;
  let importedFunctions = 0;
  let imports = 0;
  let dataBytes = 0;
  const bodies = [];
  const names = new Map();
  while (pos < bytes.length) {
    const id = bytes[pos];
    const [size, start] = leb(bytes, pos + 1);
    const end = start + size;
    if (id === 2) {
      let [count, at] = leb(bytes, start);
      imports = count;
      for (let i = 0; i < count; i++) {
        [, at] = text(bytes, at);
        [, at] = text(bytes, at);
        const kind = bytes[at++];
        if (kind === 0) {
          [, at] = leb(bytes, at);
          importedFunctions++;
        } else if (kind === 1) {
          at += 1;
          const flags = bytes[at++];
          [, at] = leb(bytes, at);
          if (flags & 1) [, at] = leb(bytes, at);
        } else if (kind === 2) {
          const flags = bytes[at++];
          [, at] = leb(bytes, at);
          if (flags & 1) [, at] = leb(bytes, at);
        } else if (kind === 3) {
          at += 2;
        } else {
          [, at] = leb(bytes, at);
        }
      }
    } else if (id === 10) {
      let [count, at] = leb(bytes, start);
      for (let i = 0; i < count; i++) {
        const [len, bodyStart] = leb(bytes, at);
        bodies.push(len + (bodyStart - at));
        at = bodyStart + len;
      }
    } else if (id === 11) {
      dataBytes = size;
    } else if (id === 0) {
      const [name, at] = text(bytes, start);
      if (name === 'name') {
        let sub = at;
        while (sub < end) {
          const kind = bytes[sub];
          const [subSize, subStart] = leb(bytes, sub + 1);
          if (kind === 1) {
            let [count, p] = leb(bytes, subStart);
            for (let i = 0; i < count; i++) {
              let index;
              let fname;
              [index, p] = leb(bytes, p);
              [fname, p] = text(bytes, p);
              names.set(index, fname);
            }
          }
          sub = subStart + subSize;
        }
      }
    }
    pos = end;
  }
  const functions = bodies.map((size, i) => {
    const raw = names.get(i + importedFunctions) ?? `func[${i + importedFunctions}]`;
    const name = demangle(raw);
    return { name, crate: crateOf(name), size };
  });
  return { total: bytes.length, imports, dataBytes, functions };
}

/** The report: the `top` largest functions and crates. */
export function report(bytes, top = 10) {
  const { total, imports, dataBytes, functions } = analyse(bytes);
  const byCrate = new Map();
  for (const f of functions) byCrate.set(f.crate, (byCrate.get(f.crate) ?? 0) + f.size);
  const crates = [...byCrate]
    .map(([crate, size]) => ({ crate, size }))
    .concat([{ crate: '(data)', size: dataBytes }])
    .sort((a, b) => b.size - a.size);
  const largest = [...functions].sort((a, b) => b.size - a.size);
  const code = functions.reduce((sum, f) => sum + f.size, 0);
  return {
    total,
    code,
    data: dataBytes,
    imports,
    functionCount: functions.length,
    crates: crates.slice(0, top),
    functions: largest.slice(0, top).map(({ name, size }) => ({ name, size })),
  };
}

export function formatReport(r, label = '') {
  const lines = [
    `${label}${r.total} B: ${r.code} B code in ${r.functionCount} functions, ${r.data} B data, ${r.imports} imports`,
    '  largest crates:',
    ...r.crates.map((c) => `    ${String(c.size).padStart(7)} B  ${c.crate}`),
    '  largest functions:',
    ...r.functions.map((f) => `    ${String(f.size).padStart(7)} B  ${f.name.slice(0, 110)}`),
  ];
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const take = (flag) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args.splice(at, 2)[1] : undefined;
  };
  const top = Number(take('--top') ?? 10);
  const json = take('--json');
  const file = args[0];
  if (!file) {
    console.error('usage: node scripts/wasm-report.mjs FILE.wasm [--top N] [--json out.json]');
    process.exit(2);
  }
  const r = report(readFileSync(file), top);
  console.log(formatReport(r, `${file}: `));
  if (json) writeFileSync(json, JSON.stringify(r, null, 2) + '\n');
}
