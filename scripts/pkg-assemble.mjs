#!/usr/bin/env node
// Assembles the npm package from pkg-template/ and the crate's two WebAssembly builds. Called
// by scripts/build-pkg.sh, which compiles and optimises the modules.
//
//   node scripts/pkg-assemble.mjs <build-dir> <out-dir> <version>
//
// <build-dir>/full/ holds the client build's `wasm-bindgen --target web` output;
// <build-dir>/validate/validate_bg.wasm the validation-only module, whose JS half is
// src/wasm/validate.js (no wasm-bindgen: see src/wasm/validate.rs). Every .wasm is already
// through wasm-opt. The package layout (all under <out-dir>/dist/):
//   <entry>.js / .d.ts     ESM entries, copied from pkg-template/ (the exports map names them)
//   <entry>.cjs / .d.cts   CommonJS twins, bundled here by esbuild
//   errors.js / .cjs       the one copy of the error classes, shared by every entry of a format
//   wasm/full/             the client's glue, instantiating its inlined module at import
//   wasm/validate/         the validators, instantiating theirs at import
//   cli/                   the `convoso-leads` command, copied from cli/ (Node only)
//   <entry>.<runtime>.js   the same entries for edge runtimes that refuse to compile wasm from
//                          bytes (EDGE_RUNTIMES): their glue imports the shipped .wasm instead
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fromText } from '../pkg-template/inline-wasm.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATE = path.join(ROOT, 'pkg-template');
const ERRORS_SOURCE = path.join(ROOT, 'src/wasm/errors.js');
const CLI = path.join(ROOT, 'cli');
const VALIDATE_SOURCE = path.join(ROOT, 'src/wasm/validate.js');
// The form layer over the validators (Standard Schema objects, JSON Schema, the HTML form
// binding, the field table they read), copied next to validate.js with their declarations.
const FORMS_SOURCES = ['schemas', 'form', 'fields'].map((name) => path.join(ROOT, `src/wasm/${name}.js`));
// What the validators' module exports, and nothing else: the ABI validate.js speaks (the
// linker's own `__heap_base`/`__data_end` globals aside). A stale or swapped artifact fails here.
const VALIDATE_EXPORTS = ['memory', 'v_email', 'v_input', 'v_names', 'v_output', 'v_phone', 'v_request'];
// The validators validate.js exports, which each host module exports too (checked against
// validate.js at assembly).
const VALIDATORS = ['validatePhone', 'validateEmail', 'validateLead', 'validateUpdate', 'validateSearch', 'validateRecordings'];
// What the host makes from them (src/wasm/schemas.js, src/wasm/form.js), exported beside them
// by both entries.
const FORMS = ['leadSchema', 'updateSchema', 'searchSchema', 'recordingsSchema', 'bindLeadForm', 'fieldErrors'];
// The client's check of a request before it sends, bound with them (internal to the package).
const CHECK = 'checkRequest';
// The field names of each request, bound with them for the Standard Schemas (internal too).
const FIELD_NAMES = 'fieldNames';
// validate.js's one other export: gives it the module instance, once, before any call.
const BIND = 'useModule';
// The client build's export that takes that check (src/wasm/rules.rs); the glue keeps it to
// itself.
const USE_VALIDATORS = 'export function useValidators(';
// The client's constructor, the one way into the client module that does not start from an
// object it made: it instantiates the module on first use (READY).
const CONSTRUCTOR = '    constructor(options) {';
const READY = 'instantiateOnFirstUse';
const GLUE = 'convoso_leads.js';
const GLUE_TYPES = 'convoso_leads.d.ts';
const WASM = 'convoso_leads_bg.wasm';

// The client build's generated types must declare the client: a stale or swapped artifact
// must fail the build, not ship.
const CLIENT_MARKER = /\bexport class ConvosoClient\b/;

// wasm-bindgen's `--target web` glue ends by exporting its two loaders; the package exposes
// neither, it instantiates at import instead. The version is pinned (Cargo.toml "="), so these
// strings are stable; each edit checks that it matched exactly once.
const LOADER_EXPORT = 'export { initSync, __wbg_init as default };';
const LOADER_TYPES_START = '\nexport type InitInput = ';
// The generated classes declare `[Symbol.dispose]()` (for `using`), which only type-checks with
// the esnext.disposable lib; referencing it here spares every consumer a lib setting (as
// @types/node does).
const DISPOSABLE_LIB = '/// <reference lib="esnext.disposable" />\n';

// Export conditions whose runtimes allow no WebAssembly compiled from bytes, and how each one's
// bundler wants a .wasm imported to hand over a compiled `WebAssembly.Module`: wrangler
// (workerd) by its plain path, Next.js and Vercel (edge-light) with `?module`. Every other
// condition gets the inlined module.
const EDGE_RUNTIMES = { workerd: '', 'edge-light': '?module' };

class AssemblyError extends Error {}

function fail(message) {
  throw new AssemblyError(message);
}

function indexOfOnly(text, search, what) {
  const at = text.indexOf(search);
  if (at < 0 || text.indexOf(search, at + 1) >= 0) fail(`${what}: expected exactly one "${search.trim()}"`);
  return at;
}

function replaceOnce(text, search, replacement, what) {
  const at = indexOfOnly(text, search, what);
  return text.slice(0, at) + replacement + text.slice(at + search.length);
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * `bytes` as the module text pkg-template/inline-wasm.js decodes: each byte's shortest text,
 * found by decoding every one- and two-character text (the decoder is the format's one
 * definition; its comment describes it).
 */
function moduleText(bytes) {
  const alphabet = [];
  for (let c = 0x20; c < 0x7f; c++) if (c !== 0x27 && c !== 0x5c) alphabet.push(String.fromCharCode(c));
  const texts = new Array(256);
  for (const candidate of [...alphabet, ...alphabet.flatMap((a) => alphabet.map((b) => a + b))]) {
    const decoded = fromText(candidate);
    if (decoded.length === 1) texts[decoded[0]] ??= candidate;
  }
  if (texts.includes(undefined) || texts.length !== 256) throw new Error('inline-wasm.js cannot write every byte');
  return Array.from(bytes, (byte) => texts[byte]).join('');
}

/**
 * Writes the module providers of `<name>` (e.g. `convoso_leads_bg.wasm`): `<name>.js`, whose
 * default export compiles the module from its inlined bytes, and for each edge runtime
 * `<name>.<runtime>.js`, whose default export is the module its bundler compiled from the
 * shipped `<name>`. Each default export is a function returning a `WebAssembly.Module`.
 */
function writeWasmModules(to, name, bytes) {
  writeFileSync(path.join(to, name), bytes);
  writeFileSync(
    path.join(to, `${name}.js`),
    // A function, so the decoded bytes are garbage once compiled.
    `import { fromText } from '../../inline-wasm.js';\n\nexport default () => new WebAssembly.Module(fromText('${moduleText(bytes)}'));\n`,
  );
  for (const [runtime, suffix] of Object.entries(EDGE_RUNTIMES)) {
    writeFileSync(
      path.join(to, `${name}.${runtime}.js`),
      `import wasmModule from './${name}${suffix}';\n\nexport default () => wasmModule;\n`,
    );
  }
}

/** Writes `<base>.js` with `text`, and for each edge runtime `<base>.<runtime>.js` with `from` replaced. */
function writeWithEdgeTwins(base, text, from, to, ...more) {
  writeFileSync(`${base}.js`, text);
  const swaps = [[from, to], ...more];
  for (const runtime of Object.keys(EDGE_RUNTIMES)) {
    const twin = swaps.reduce(
      (twinText, [search, replacement]) => replaceOnce(twinText, search, replacement(runtime), `${path.basename(base)}.${runtime}.js`),
      text,
    );
    writeFileSync(`${base}.${runtime}.js`, twin);
  }
}

/**
 * JS that binds the validators (JS half at `half`) to the instance exports `exports` and
 * exports them, with the client's internal request check (`CHECK`) and the schemas' field
 * names (`FIELD_NAMES`), and the form layer over them.
 */
function validatorsHost(half, exports) {
  const bound = [...VALIDATORS, CHECK, FIELD_NAMES].join(', ');
  return [
    `import { ${BIND}, ${bound} } from '${half}';`,
    "import { standardSchema, fieldErrors } from './schemas.js';",
    "import { formBinder } from './form.js';",
    `${BIND}(${exports});`,
    `export { ${bound} };`,
    // Pure calls: an app that imports only the validators leaves the form layer out.
    ...['Lead', 'Update', 'Search', 'Recordings'].map(
      (name, kind) => `export const ${name.toLowerCase()}Schema = /* @__PURE__ */ standardSchema(${kind}, validate${name}, ${FIELD_NAMES});`,
    ),
    'export const bindLeadForm = /* @__PURE__ */ formBinder(leadSchema, validatePhone);',
    'export { fieldErrors };',
    '',
  ].join('\n');
}

/** The declarations of `validatorsHost`'s module. */
function validatorsHostTypes(half) {
  return [
    `import type { Validators } from '${half}';`,
    `export type * from '${half}';`,
    ...VALIDATORS.map((name) => `/** See {@link Validators.${name}}. */\nexport declare const ${name}: Validators['${name}'];`),
    `import type { Forms } from '${half.replace('validate.js', 'forms.js')}';`,
    `export type * from '${half.replace('validate.js', 'forms.js')}';`,
    ...FORMS.map((name) => `/** See {@link Forms.${name}}. */\nexport declare const ${name}: Forms['${name}'];`),
  ].join('\n') + '\n';
}

/** Copies the client build's wasm-bindgen output into dist/wasm/full, wired to load itself. */
function assembleClient(buildDir, dist) {
  const name = 'full';
  const from = path.join(buildDir, name);
  const to = path.join(dist, 'wasm', name);
  mkdirSync(to, { recursive: true });

  const types = readFileSync(path.join(from, GLUE_TYPES), 'utf8');
  if (!CLIENT_MARKER.test(types)) fail(`the ${name} build lacks the client: wrong or stale artifact`);
  const api = types.slice(0, indexOfOnly(types, LOADER_TYPES_START, `${name} types`)).trimEnd();
  const apiTypes = `${api.includes('Symbol.dispose') ? DISPOSABLE_LIB : ''}${api}\n\n${validatorsHostTypes('../validate/validate.js')}`;
  writeFileSync(path.join(to, GLUE_TYPES), apiTypes);
  writeFileSync(path.join(to, GLUE_TYPES.replace(/\.d\.ts$/, '.d.cts')), apiTypes);

  const generated = replaceOnce(readFileSync(path.join(from, GLUE), 'utf8'), USE_VALIDATORS, USE_VALIDATORS.replace('export ', ''), `${name} glue`);
  const glue = replaceOnce(generated, CONSTRUCTOR, `${CONSTRUCTOR}\n        ${READY}();`, `${name} glue`);
  const selfLoading = replaceOnce(
    glue,
    LOADER_EXPORT,
    [
      '// The module convoso_leads_bg.wasm.js compiles from its inlined bytes (the edge twins: the',
      '// module their bundler compiled from the .wasm) is instantiated synchronously by the first',
      '// `new ConvosoClient` (every other way into it starts from a client), not at import: an app',
      '// that imports this entry and never makes a client, or not yet, does not pay for compiling',
      '// it (no set-up call either way; the package never exposes the loaders).',
      `import loadModule from './${WASM}.js';`,
      `function ${READY}() {`,
      '    if (wasm !== undefined) return;',
      '    initSync({ module: loadModule() });',
      `    useValidators(${CHECK});`,
      '}',
      '// The client build has no validation rules of its own: it checks requests with the',
      '// validation module, the one `convoso-leads/validate` loads, and this entry exports that',
      "// module's validators, so an app importing both entries downloads them once.",
      `import { ${[CHECK, ...VALIDATORS, ...FORMS].join(', ')} } from '../validate/module.js';`,
      `export { ${[...VALIDATORS, ...FORMS].join(', ')} };`,
      '',
    ].join('\n'),
    `${name} glue`,
  );
  writeWithEdgeTwins(
    path.join(to, GLUE.replace(/\.js$/, '')),
    selfLoading,
    `'./${WASM}.js'`,
    (runtime) => `'./${WASM}.${runtime}.js'`,
    ["'../validate/module.js'", (runtime) => `'../validate/module.${runtime}.js'`],
  );
  writeWasmModules(to, WASM, readFileSync(path.join(from, WASM)));

  // wasm-bindgen copies src/wasm/errors.js into every build's snippets. Two copies would be two
  // class hierarchies and `instanceof` would fail across entries, so each copy becomes a
  // re-export of the package's single errors.js. Other snippets are kept as they are.
  const snippets = path.join(from, 'snippets');
  if (!existsSync(snippets)) return;
  const errorsSource = readFileSync(ERRORS_SOURCE, 'utf8');
  for (const file of walk(snippets)) {
    const target = path.join(to, path.relative(from, file));
    mkdirSync(path.dirname(target), { recursive: true });
    if (file.endsWith(`${path.sep}src${path.sep}wasm${path.sep}errors.js`)) {
      if (readFileSync(file, 'utf8') !== errorsSource) fail(`${file} differs from src/wasm/errors.js`);
      const shared = path.relative(path.dirname(target), path.join(dist, 'errors.js'));
      writeFileSync(target, `export * from '${shared.split(path.sep).join('/')}';\n`);
    } else {
      cpSync(file, target);
    }
  }
}

/** The validators' module into dist/wasm/validate: its JS half and declarations, its wasm inlined. */
async function assembleValidate(buildDir, dist) {
  const to = path.join(dist, 'wasm', 'validate');
  mkdirSync(to, { recursive: true });
  const wasm = readFileSync(path.join(buildDir, 'validate', 'validate_bg.wasm'));
  const exported = WebAssembly.Module.exports(new WebAssembly.Module(wasm))
    .map((e) => e.name)
    .filter((name) => !name.startsWith('__'))
    .sort();
  if (exported.join() !== VALIDATE_EXPORTS.join()) {
    fail(`the validate module exports ${exported.join(', ')}, not ${VALIDATE_EXPORTS.join(', ')}: wrong or stale artifact`);
  }
  writeWasmModules(to, 'validate_bg.wasm', wasm);
  cpSync(VALIDATE_SOURCE, path.join(to, 'validate.js'));
  const types = readFileSync(VALIDATE_SOURCE.replace(/\.js$/, '.d.ts'), 'utf8');
  writeFileSync(path.join(to, 'validate.d.ts'), types);
  writeFileSync(path.join(to, 'validate.d.cts'), toCjsImports(types));
  for (const source of FORMS_SOURCES) cpSync(source, path.join(to, path.basename(source)));
  const formTypes = readFileSync(path.join(ROOT, 'src/wasm/forms.d.ts'), 'utf8');
  writeFileSync(path.join(to, 'forms.d.ts'), formTypes);
  writeFileSync(path.join(to, 'forms.d.cts'), toCjsImports(formTypes));

  // The module's host: instantiates it at import and exports the bound validators. What
  // validate.js exports is checked, and that it answers once bound.
  const half = await import(pathToFileURL(VALIDATE_SOURCE).href);
  const want = [BIND, ...VALIDATORS, CHECK, FIELD_NAMES];
  if (Object.keys(half).sort().join() !== [...want].sort().join()) fail(`validate.js exports ${Object.keys(half).join(', ')}, not ${want.join(', ')}`);
  half[BIND](new WebAssembly.Instance(new WebAssembly.Module(wasm)).exports);
  if (half.validatePhone('2015550123').phone_number !== '2015550123') fail('validate.js does not validate with this module');
  writeWithEdgeTwins(
    path.join(to, 'module'),
    `import loadModule from './validate_bg.wasm.js';\n${validatorsHost('./validate.js', 'new WebAssembly.Instance(loadModule()).exports')}`,
    "'./validate_bg.wasm.js'",
    (runtime) => `'./validate_bg.wasm.${runtime}.js'`,
  );
  const hostTypes = validatorsHostTypes('./validate.js');
  writeFileSync(path.join(to, 'module.d.ts'), hostTypes);
  writeFileSync(path.join(to, 'module.d.cts'), toCjsImports(hostTypes));
}

/** The same declarations with their relative imports pointing at `.cjs` paths. */
function toCjsImports(text) {
  return text.replace(/(from\s+['"]\.{1,2}\/[^'"]*)\.js(['"])/g, '$1.cjs$2');
}

/**
 * The ESM and CJS files of every entry named in the exports map. TypeScript's older `node10`
 * resolution ignores `exports`, so each subpath also needs its `typesVersions` line.
 */
function entriesOf(manifest) {
  return Object.entries(manifest.exports)
    .filter(([subpath]) => subpath !== './package.json')
    .map(([subpath, conditions]) => {
      const { import: esm, require: cjs } = conditions;
      if (!esm?.default || !esm?.types || !cjs?.default || !cjs?.types) {
        fail(`exports["${subpath}"] needs import and require, each with types and default`);
      }
      // An edge condition's entry is the ESM entry's twin, with the same declarations.
      const edge = Object.keys(EDGE_RUNTIMES).filter((runtime) => conditions[runtime]);
      for (const runtime of edge) {
        const { types, default: file } = conditions[runtime];
        if (types !== esm.types || file !== esm.default.replace(/\.js$/, `.${runtime}.js`)) {
          fail(`exports["${subpath}"].${runtime} must be the import entry's .${runtime}.js twin with its types`);
        }
      }
      const legacyTypes = subpath === '.' ? [manifest.types] : manifest.typesVersions?.['*']?.[subpath.slice(2)];
      if (legacyTypes?.[0] !== cjs.types) fail(`exports["${subpath}"]: typesVersions/types must name ${cjs.types}`);
      return { subpath, esm, cjs, edge: edge.map((runtime) => conditions[runtime].default) };
    });
}

/** Every CommonJS file of the package: the entries, and the shared errors module once. */
async function buildCommonJs(outDir, dist, entries) {
  const sharedErrors = path.join(dist, 'errors.js');
  // Any import of the shared errors module (from an entry or a snippet re-export) stays an
  // import, of its CommonJS twin next to the entry: one hierarchy per format.
  const keepErrorsShared = {
    name: 'keep-errors-shared',
    setup(builder) {
      builder.onResolve({ filter: /errors\.js$/ }, (args) =>
        path.resolve(args.resolveDir, args.path) === sharedErrors ? { path: './errors.cjs', external: true } : undefined,
      );
    },
  };
  const common = { format: 'cjs', platform: 'neutral', target: 'es2022', logLevel: 'warning' };
  await build({ ...common, entryPoints: [sharedErrors], outfile: path.join(dist, 'errors.cjs') });
  for (const { esm, cjs } of entries) {
    await build({
      ...common,
      bundle: true,
      entryPoints: [path.join(outDir, esm.default)],
      outfile: path.join(outDir, cjs.default),
      plugins: [keepErrorsShared],
    });
  }
}

/** `.d.cts` twins: the same declarations, with relative imports pointing at `.cjs` paths. */
function writeCommonJsTypes(outDir, dist, entries) {
  cpSync(path.join(dist, 'errors.d.ts'), path.join(dist, 'errors.d.cts'));
  for (const { esm, cjs } of entries) {
    const types = readFileSync(path.join(outDir, esm.types), 'utf8');
    writeFileSync(path.join(outDir, cjs.types), toCjsImports(types));
  }
}

/**
 * The edge twins of the ESM entries that load a WebAssembly module: the same re-exports, from
 * the glue twin that imports the shipped .wasm. An entry with an edge condition loads one.
 */
function writeEdgeEntries(outDir, entries) {
  for (const { subpath, esm, edge } of entries) {
    if (!edge.length) continue;
    const text = readFileSync(path.join(outDir, esm.default), 'utf8');
    const loader = /'(\.\/wasm\/(?:full\/convoso_leads|validate\/module))\.js'/.exec(text)?.[1];
    if (!loader) fail(`exports["${subpath}"] has edge conditions but loads no wasm`);
    writeWithEdgeTwins(path.join(outDir, esm.default.replace(/\.js$/, '')), text, `'${loader}.js'`, (runtime) => `'${loader}.${runtime}.js'`);
  }
}

/** Writes the whole package into `outDir`. */
async function assemble(buildDir, outDir, version) {
  const dist = path.join(outDir, 'dist');
  mkdirSync(dist, { recursive: true });

  const manifest = JSON.parse(readFileSync(path.join(TEMPLATE, 'package.json'), 'utf8'));
  manifest.version = version;
  writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // Modules and their types go to dist/; the licences to the package root.
  for (const file of readdirSync(TEMPLATE)) {
    if (file === 'package.json') continue;
    cpSync(path.join(TEMPLATE, file), path.join(/\.(c?js|d\.ts)$/.test(file) ? dist : outDir, file));
  }
  // The command line (the package's `bin`), loaded by nothing else: dist/cli/.
  cpSync(CLI, path.join(dist, 'cli'), { recursive: true });
  // The repository's README is the package's: one text for GitHub and npm, so they cannot drift.
  cpSync(path.join(ROOT, 'README.md'), path.join(outDir, 'README.md'));
  cpSync(ERRORS_SOURCE, path.join(dist, 'errors.js'));
  cpSync(ERRORS_SOURCE.replace(/\.js$/, '.d.ts'), path.join(dist, 'errors.d.ts'));

  assembleClient(buildDir, dist);
  await assembleValidate(buildDir, dist);

  const entries = entriesOf(manifest);
  await buildCommonJs(outDir, dist, entries);
  writeCommonJsTypes(outDir, dist, entries);

  writeEdgeEntries(outDir, entries);

  for (const { subpath, esm, cjs, edge } of entries) {
    for (const file of [esm.default, esm.types, cjs.default, cjs.types, ...edge]) {
      if (!existsSync(path.join(outDir, file))) fail(`exports["${subpath}"] names ${file}, which was not built`);
    }
  }
  return `${manifest.name}@${version} (${entries.map((e) => e.subpath).join(', ')})`;
}

async function main() {
  const [buildArg, outArg, version] = process.argv.slice(2);
  if (!buildArg || !outArg || !version) fail('usage: pkg-assemble.mjs <build-dir> <out-dir> <version>');
  const [buildDir, outDir] = [path.resolve(buildArg), path.resolve(outArg)];
  // Built aside and swapped in whole: a failed build never leaves a half-written package where
  // a freshness check (or npm pack) would take it for a good one.
  const partial = `${outDir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  try {
    const built = await assemble(buildDir, partial, version);
    rmSync(outDir, { recursive: true, force: true });
    renameSync(partial, outDir);
    console.log(`pkg-assemble: ${built} in ${outDir}`);
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  console.error(`pkg-assemble: ${error instanceof AssemblyError ? error.message : error.stack}`);
  process.exitCode = 1;
}
