#!/usr/bin/env node
// Assembles the npm package from pkg-template/ and the wasm-bindgen output of the crate's two
// WebAssembly builds. Called by scripts/build-pkg.sh, which compiles and optimises the modules.
//
//   node scripts/pkg-assemble.mjs <bindgen-dir> <out-dir> <version>
//
// <bindgen-dir>/<build>/ holds `wasm-bindgen --target web` output for each build in WASM_BUILDS,
// with the .wasm already through wasm-opt. The package layout (all under <out-dir>/dist/):
//   <entry>.js / .d.ts     ESM entries, copied from pkg-template/ (the exports map names them)
//   <entry>.cjs / .d.cts   CommonJS twins, bundled here by esbuild
//   errors.js / .cjs       the one copy of the error classes, shared by every entry of a format
//   wasm/<build>/          each build's glue, instantiating its inlined module at import
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATE = path.join(ROOT, 'pkg-template');
const ERRORS_SOURCE = path.join(ROOT, 'src/wasm/errors.js');
const GLUE = 'convoso_leads.js';
const GLUE_TYPES = 'convoso_leads.d.ts';
const WASM = 'convoso_leads_bg.wasm';

// Each wasm build, and a class whose presence in its generated types tells the builds apart:
// a stale or swapped artifact must fail the build, not ship.
const WASM_BUILDS = [
  { name: 'full', mustHaveClient: true },
  { name: 'validate', mustHaveClient: false },
];
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

/** Copies one wasm-bindgen output into dist/wasm/<name>, wired to load itself at import. */
function assembleWasmBuild(bindgenDir, dist, { name, mustHaveClient }) {
  const from = path.join(bindgenDir, name);
  const to = path.join(dist, 'wasm', name);
  mkdirSync(to, { recursive: true });

  const types = readFileSync(path.join(from, GLUE_TYPES), 'utf8');
  if (CLIENT_MARKER.test(types) !== mustHaveClient) {
    fail(`the ${name} build ${mustHaveClient ? 'lacks' : 'contains'} the client: wrong or stale artifact`);
  }
  const api = types.slice(0, indexOfOnly(types, LOADER_TYPES_START, `${name} types`)).trimEnd();
  const apiTypes = `${api.includes('Symbol.dispose') ? DISPOSABLE_LIB : ''}${api}\n`;
  writeFileSync(path.join(to, GLUE_TYPES), apiTypes);
  writeFileSync(path.join(to, GLUE_TYPES.replace(/\.d\.ts$/, '.d.cts')), apiTypes);

  const glue = readFileSync(path.join(from, GLUE), 'utf8');
  const selfLoading = replaceOnce(
    glue,
    LOADER_EXPORT,
    [
      '// Instantiate now, from the module bytes inlined in convoso_leads_bg.wasm.js, so every',
      '// export works synchronously without a set-up call (the package never exposes the loaders).',
      "import wasmBytes from './convoso_leads_bg.wasm.js';",
      'initSync({ module: wasmBytes() });',
    ].join('\n'),
    `${name} glue`,
  );
  writeFileSync(path.join(to, GLUE), selfLoading);

  const hex = readFileSync(path.join(from, WASM)).toString('hex');
  writeFileSync(
    path.join(to, `${WASM}.js`),
    // A function, so the decoded bytes are garbage once compiled.
    `import { fromHex } from '../../inline-wasm.js';\n\nexport default () => fromHex('${hex}');\n`,
  );

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
      const legacyTypes = subpath === '.' ? [manifest.types] : manifest.typesVersions?.['*']?.[subpath.slice(2)];
      if (legacyTypes?.[0] !== cjs.types) fail(`exports["${subpath}"]: typesVersions/types must name ${cjs.types}`);
      return { subpath, esm, cjs };
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
  const toCjs = (text) => text.replace(/(from\s+['"]\.{1,2}\/[^'"]*)\.js(['"])/g, '$1.cjs$2');
  cpSync(path.join(dist, 'errors.d.ts'), path.join(dist, 'errors.d.cts'));
  for (const { esm, cjs } of entries) {
    const types = readFileSync(path.join(outDir, esm.types), 'utf8');
    writeFileSync(path.join(outDir, cjs.types), toCjs(types));
  }
}

/** Writes the whole package into `outDir`. */
async function assemble(bindgenDir, outDir, version) {
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
  // The repository's README is the package's: one text for GitHub and npm, so they cannot drift.
  cpSync(path.join(ROOT, 'README.md'), path.join(outDir, 'README.md'));
  cpSync(ERRORS_SOURCE, path.join(dist, 'errors.js'));
  cpSync(ERRORS_SOURCE.replace(/\.js$/, '.d.ts'), path.join(dist, 'errors.d.ts'));

  for (const wasmBuild of WASM_BUILDS) assembleWasmBuild(bindgenDir, dist, wasmBuild);

  const entries = entriesOf(manifest);
  await buildCommonJs(outDir, dist, entries);
  writeCommonJsTypes(outDir, dist, entries);

  for (const { subpath, esm, cjs } of entries) {
    for (const file of [esm.default, esm.types, cjs.default, cjs.types]) {
      if (!existsSync(path.join(outDir, file))) fail(`exports["${subpath}"] names ${file}, which was not built`);
    }
  }
  return `${manifest.name}@${version} (${entries.map((e) => e.subpath).join(', ')})`;
}

async function main() {
  const [bindgenArg, outArg, version] = process.argv.slice(2);
  if (!bindgenArg || !outArg || !version) fail('usage: pkg-assemble.mjs <bindgen-dir> <out-dir> <version>');
  const [bindgenDir, outDir] = [path.resolve(bindgenArg), path.resolve(outArg)];
  // Built aside and swapped in whole: a failed build never leaves a half-written package where
  // a freshness check (or npm pack) would take it for a good one.
  const partial = `${outDir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  try {
    const built = await assemble(bindgenDir, partial, version);
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
