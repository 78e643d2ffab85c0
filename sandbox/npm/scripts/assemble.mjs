// @ts-check
// Assembles the two npm packages from sandbox/npm/ and a built binary:
//   node sandbox/npm/scripts/assemble.mjs <binary> <out dir>
// writes <out>/convoso-leads-sandbox/ and <out>/sandbox-linux-x64/, both versioned with the
// sandbox crate (sandbox/Cargo.toml), the main package's optional dependency pinned to it.
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const npmDir = path.resolve(here, '..');
const repo = path.resolve(npmDir, '../..');
const [binary, out] = process.argv.slice(2);
if (!binary || !out) throw new Error('usage: assemble.mjs <binary> <out dir>');

const cargo = readFileSync(path.join(repo, 'sandbox/Cargo.toml'), 'utf8');
const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1];
if (!version) throw new Error('no version in sandbox/Cargo.toml');

const licenses = ['LICENSE-MIT', 'LICENSE-APACHE'].map((name) => path.join(repo, 'pkg-template', name));

/** @param {string} from @param {string} to @param {(json: any) => void} edit */
function manifest(from, to, edit) {
  const json = JSON.parse(readFileSync(from, 'utf8'));
  edit(json);
  writeFileSync(to, `${JSON.stringify(json, null, 2)}\n`);
}

const main = path.join(out, 'convoso-leads-sandbox');
const platform = path.join(out, 'sandbox-linux-x64');
for (const dir of [main, platform]) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const license of licenses) if (existsSync(license)) copyFileSync(license, path.join(dir, path.basename(license)));
}

for (const file of ['index.js', 'index.cjs', 'index.d.ts', 'README.md']) {
  copyFileSync(path.join(npmDir, file), path.join(main, file));
}
// One declaration file, for both module kinds: the API is the same object either way.
copyFileSync(path.join(npmDir, 'index.d.ts'), path.join(main, 'index.d.cts'));
cpSync(path.join(npmDir, 'bin'), path.join(main, 'bin'), { recursive: true });
manifest(path.join(npmDir, 'package.json'), path.join(main, 'package.json'), (json) => {
  json.version = version;
  for (const name of Object.keys(json.optionalDependencies)) json.optionalDependencies[name] = version;
});

const platformSrc = path.join(npmDir, 'platforms/linux-x64');
copyFileSync(path.join(platformSrc, 'README.md'), path.join(platform, 'README.md'));
mkdirSync(path.join(platform, 'bin'));
copyFileSync(binary, path.join(platform, 'bin/convoso-sandbox'));
chmodSync(path.join(platform, 'bin/convoso-sandbox'), 0o755);
manifest(path.join(platformSrc, 'package.json'), path.join(platform, 'package.json'), (json) => {
  json.version = version;
});

console.log(JSON.stringify({ version, main, platform }));
