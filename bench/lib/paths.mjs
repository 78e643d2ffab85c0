// Where things are: the repository, the built package, and this harness's output.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Overridable to benchmark a package built elsewhere (scripts/bench.sh uses the defaults).
export const PKG_DIR = process.env.CONVOSO_PKG_DIR ?? path.join(ROOT, 'pkg');
export const BINDGEN_DIR =
  process.env.CONVOSO_BINDGEN_DIR ?? path.join(process.env.CARGO_TARGET_DIR ?? path.join(ROOT, 'target'), 'pkg-build');
export const RESULTS_DIR = path.join(ROOT, 'bench/results');

/**
 * A file URL for an entry of the built package (`.` or `./validate`), found through its exports
 * map the way Node resolves `import 'convoso-leads/validate'` for a user.
 */
export function packageEntry(subpath) {
  const manifest = JSON.parse(readFileSync(path.join(PKG_DIR, 'package.json'), 'utf8'));
  const file = manifest.exports?.[subpath]?.import?.default;
  if (!file) throw new Error(`pkg/package.json exports no ESM "${subpath}": run scripts/build-pkg.sh`);
  return pathToFileURL(path.join(PKG_DIR, file)).href;
}
