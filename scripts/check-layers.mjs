#!/usr/bin/env node
// The layering rule the code holds to: no Rust file uses another that uses it back, directly or
// through others (no module cycles), in either crate. Prints each cycle and exits 1.
//
//   node scripts/check-layers.mjs
//
// Every `crate::…`, `super::…` and `self::…` path in the code (use declarations and inline
// paths alike) is resolved to the file that defines its longest module prefix; inline
// `mod name { … }` blocks count as part of their file. In the bindings crate, paths into the
// re-exported core modules lead to the other crate, which cannot use the bindings back.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const CRATES = [
  { dir: 'core/src', external: [] },
  { dir: 'src', external: ['api', 'validate', 'wire', 'batch', 'client', 'error', 'paging', 'retry'] },
];

function rustFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return rustFiles(path);
    return name.endsWith('.rs') ? [path] : [];
  });
}

/** `core/src/api/insert.rs` → ['api', 'insert']; `mod.rs` and `lib.rs` name their directory. */
function modulePath(file, dir) {
  const parts = relative(dir, file).split(sep);
  const last = parts.pop().replace(/\.rs$/, '');
  if (last !== 'mod' && last !== 'lib') parts.push(last);
  return parts;
}

/** The code without comments, strings and char literals (so their text is not read as paths). */
function code(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/[^\n]*/g, '')
    .replace(/r#*"[\s\S]*?"#*/g, '""')
    .replace(/"(?:\\.|[^"\\])*"/g, '""')
    .replace(/'(?:\\.|[^'\\])'/g, "' '");
}

/** `a::{b, c::{d, e}}` → ['a::b', 'a::c::d', 'a::c::e']. */
function expand(tree) {
  const open = tree.indexOf('{');
  if (open < 0) return [tree.replace(/\s+as\s+\w+$/, '').trim()];
  const prefix = tree.slice(0, open);
  const inner = tree.slice(open + 1, tree.lastIndexOf('}'));
  const items = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '{') depth++;
    else if (inner[i] === '}') depth--;
    else if (inner[i] === ',' && depth === 0) {
      items.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  items.push(inner.slice(start));
  return items.map((s) => s.trim()).filter(Boolean).flatMap((item) => expand(prefix + item));
}

/** Every path the file names, each with the module it is written in. */
function references(text, base) {
  const body = code(text);
  const refs = [];
  const stack = [];
  let depth = 0;
  const current = () => [...base, ...stack.map((s) => s.name)];
  const token = /\b(pub(?:\([^)]*\))?\s+)?use\s+([^;]+);|\bmod\s+(\w+)\s*\{|[{}]|\b((?:crate|super|self)(?:::\w+)+)/g;
  for (const m of body.matchAll(token)) {
    if (m[0] === '{') depth++;
    else if (m[0] === '}') {
      depth--;
      if (stack.length && stack.at(-1).depth === depth) stack.pop();
    } else if (m[3]) {
      stack.push({ name: m[3], depth });
      depth++;
    } else if (m[2]) {
      for (const path of expand(m[2].replace(/\s+/g, ' '))) refs.push({ path, from: current() });
    } else if (m[4]) {
      refs.push({ path: m[4], from: current() });
    }
  }
  return refs;
}

const files = new Map(); // "crate|a::b" → file
const inline = new Map(); // inline module path → file
const graph = new Map(); // file → Set(file)
for (const crate of CRATES) {
  const dir = join(root, crate.dir);
  for (const file of rustFiles(dir)) {
    files.set(`${crate.dir}|${modulePath(file, dir).join('::')}`, file);
    graph.set(file, new Set());
  }
}

function resolve(crate, path, from) {
  const parts = path.split('::');
  let abs;
  if (parts[0] === 'crate') abs = parts.slice(1);
  else if (parts[0] === 'self') abs = [...from, ...parts.slice(1)];
  else {
    abs = [...from];
    while (parts[0] === 'super') {
      abs.pop();
      parts.shift();
    }
    abs.push(...parts);
  }
  if (crate.external.includes(abs[0])) return null;
  for (let n = abs.length; n >= 0; n--) {
    const key = `${crate.dir}|${abs.slice(0, n).join('::')}`;
    if (files.has(key)) return files.get(key);
    if (inline.has(key)) return inline.get(key);
  }
  return null;
}

for (const crate of CRATES) {
  const dir = join(root, crate.dir);
  for (const file of rustFiles(dir)) {
    const base = modulePath(file, dir);
    const text = readFileSync(file, 'utf8');
    for (const m of code(text).matchAll(/\bmod\s+(\w+)\s*\{/g)) {
      inline.set(`${crate.dir}|${[...base, m[1]].join('::')}`, file);
    }
    for (const { path, from } of references(text, base)) {
      const target = resolve(crate, path, from);
      if (target && target !== file) graph.get(file).add(target);
    }
  }
}

// Strongly connected components (Tarjan): any with more than one file is a cycle.
let index = 0;
const info = new Map();
const stack = [];
const cycles = [];
function visit(v) {
  info.set(v, { index, low: index, onStack: true });
  index++;
  stack.push(v);
  for (const w of graph.get(v)) {
    if (!info.has(w)) {
      visit(w);
      info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
    } else if (info.get(w).onStack) {
      info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
    }
  }
  if (info.get(v).low === info.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      info.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component);
  }
}
for (const v of graph.keys()) if (!info.has(v)) visit(v);

const name = (f) => relative(root, f);
if (cycles.length) {
  for (const component of cycles) {
    console.error(`check-layers: these files use each other in a cycle:`);
    for (const f of component) {
      const uses = [...graph.get(f)].filter((g) => component.includes(g)).map(name);
      console.error(`  ${name(f)} uses ${uses.join(', ')}`);
    }
  }
  process.exit(1);
}
const edges = [...graph.values()].reduce((n, s) => n + s.size, 0);
console.log(`check-layers: ${graph.size} files, ${edges} uses between them, no cycles`);
