// The packed package, and throwaway projects that install it the way a user would: from the
// tarball, into their own node_modules, in a temp dir outside the repository.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** Dev tools (bundlers, tsc) come from the repository's own install: no network per project. */
export const BIN = path.join(ROOT, 'node_modules/.bin');

export const run = promisify(execFile);

let packed;

/**
 * The tarball under test: $CONVOSO_PKG_TARBALL (scripts/test/pack.sh packs once for every
 * suite), else `npm pack` of the built pkg/ (run scripts/build-pkg.sh first).
 */
export async function tarball() {
  if (process.env.CONVOSO_PKG_TARBALL) return process.env.CONVOSO_PKG_TARBALL;
  if (!packed) {
    const pkgDir = path.join(ROOT, 'pkg');
    if (!existsSync(path.join(pkgDir, 'package.json'))) {
      throw new Error('pkg/ is not built: run scripts/build-pkg.sh (or set CONVOSO_PKG_TARBALL)');
    }
    const into = mkdtempSync(path.join(tmpdir(), 'convoso-tarball-'));
    process.on('exit', () => rmSync(into, { recursive: true, force: true }));
    packed = run('npm', ['pack', pkgDir, '--pack-destination', into, '--silent']).then(({ stdout }) =>
      path.join(into, stdout.trim().split('\n').at(-1)),
    );
  }
  return packed;
}

/**
 * A new project in a temp dir with `files` written into it and the tarball installed. Removed
 * when the test ends.
 * @param {import('node:test').TestContext} t
 * @param {{ type: 'module' | 'commonjs', files: Record<string, string> }} spec
 */
export async function project(t, { type, files }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'convoso-consumer-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type }));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  // The package has no dependencies, so the install never needs the registry.
  await run('npm', ['install', await tarball(), '--offline', '--no-audit', '--no-fund', '--no-package-lock'], {
    cwd: dir,
  });
  return dir;
}
