// The packed sandbox packages installed the way a user gets them: from the tarballs, offline,
// into a throwaway project outside the repository.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
export const run = promisify(execFile);

/** The three tarballs scripts/test/sandbox-npm.sh packed. */
export function tarballs() {
  const { CONVOSO_SANDBOX_TARBALL: main, CONVOSO_SANDBOX_PLATFORM_TARBALL: platform, CONVOSO_PKG_TARBALL: client } =
    process.env;
  if (!main || !platform || !client) {
    throw new Error(
      'CONVOSO_SANDBOX_TARBALL, CONVOSO_SANDBOX_PLATFORM_TARBALL and CONVOSO_PKG_TARBALL must be set: run scripts/test/sandbox-npm.sh',
    );
  }
  return { main, platform, client };
}

/**
 * A new project in a temp dir with `files` and `packages` (tarballs or directories) installed
 * with `npm install --offline`. Removed when the test ends (or the process exits).
 * @param {{ after: (fn: () => void) => void } | null} t
 * @param {{ type?: 'module' | 'commonjs', files?: Record<string, string>, packages: string[], npmArgs?: string[] }} spec
 */
export async function project(t, { type = 'module', files = {}, packages, npmArgs = [] }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'convoso-sandbox-npm-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  if (t) t.after(remove);
  else process.on('exit', remove);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type }));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  // --offline: the tarballs have no registry dependencies; the test must not need the network.
  await run('npm', ['install', ...packages, '--offline', '--no-audit', '--no-fund', '--no-package-lock', ...npmArgs], {
    cwd: dir,
  });
  return dir;
}

/** A fixture file's text. */
export function fixture(name) {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** Whether a process with this id exists (and is not a zombie). */
export function alive(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z /.test(stat);
  } catch {
    return false;
  }
}

/** Waits up to `ms` for `pid` to be gone; resolves to whether it is. */
export async function goneWithin(pid, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!alive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return !alive(pid);
}

/** Ids of the direct children of `pid` (from /proc). */
export function childrenOf(pid) {
  const kids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the parenthesised name: state, ppid, …
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) kids.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return kids;
}

/** The executable a process runs. */
export function exeOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0];
  } catch {
    return '';
  }
}

/** A port something is listening on (closed by the returned function). */
export async function takenPort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { port: address.port, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Whether something answers HTTP on `origin`. */
export async function answers(origin) {
  try {
    await fetch(`${origin}/__sandbox/health`, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * Spawns `command` and resolves with the child once a stdout line matches `pattern`
 * (`{ child, match, output() }`); rejects if it exits first or after 15 s.
 */
export function spawnUntil(command, args, options, pattern) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    const output = () => ({ stdout, stderr });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no ${pattern} within 15 s: ${stdout} ${stderr}`));
    }, 15_000);
    child.stderr.on('data', (c) => (stderr += c));
    child.stdout.on('data', (c) => {
      stdout += c;
      const match = pattern.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match, output });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before ${pattern}: ${stdout} ${stderr}`));
    });
  });
}

export { existsSync };
