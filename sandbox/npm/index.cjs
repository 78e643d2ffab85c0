// @ts-check
// convoso-leads-sandbox: start the sandbox binary from JavaScript and drive its admin API.
// CommonJS, so `require` and `import` (index.js re-exports this) share one implementation.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** @typedef {import('./index').SandboxOptions} SandboxOptions */
/** @typedef {import('./index').Sandbox} Sandbox */
/** @typedef {import('./index').SandboxFault} SandboxFault */
/** @typedef {import('./index').SandboxStats} SandboxStats */

const BINARY_NAME = process.platform === 'win32' ? 'convoso-sandbox.exe' : 'convoso-sandbox';
const LISTENING = 'convoso-sandbox listening on ';
// Node 20.5+ defines it; on older releases, the same registered symbol Node later uses.
if (typeof Symbol.asyncDispose !== 'symbol') {
  Object.defineProperty(Symbol, 'asyncDispose', { value: Symbol.for('nodejs.asyncDispose') });
}

class SandboxStartError extends Error {
  /**
   * @param {'binary' | 'exited' | 'timeout'} reason
   * @param {string} message
   */
  constructor(reason, message) {
    super(message);
    this.name = 'SandboxStartError';
    this.reason = reason;
  }
}

/** The platform package for this machine, e.g. `@convoso-leads/sandbox-linux-x64`. */
function platformPackage() {
  return `@convoso-leads/sandbox-${process.platform}-${process.arch}`;
}

/** Platforms with a published binary package. */
const BUILT = new Set(['linux-x64']);

/** @param {string} dir */
function onPath(dir) {
  const candidate = path.join(dir, BINARY_NAME);
  try {
    fs.accessSync(candidate, fs.constants.X_OK);
    return candidate;
  } catch {
    return undefined;
  }
}

/**
 * The binary to run: `CONVOSO_SANDBOX_BINARY`, else the platform package's, else a
 * `convoso-sandbox` on PATH (what `cargo install` puts there).
 * @returns {string}
 */
function sandboxBinary() {
  const override = process.env.CONVOSO_SANDBOX_BINARY;
  if (override) return override;
  const pkg = platformPackage();
  try {
    const manifest = require.resolve(`${pkg}/package.json`);
    return path.join(path.dirname(manifest), 'bin', BINARY_NAME);
  } catch {
    // Not installed: fall through to PATH, then explain.
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const found = onPath(dir);
    if (found) return found;
  }
  const platform = `${process.platform}-${process.arch}`;
  const fix = BUILT.has(platform)
    ? `npm skips an optional dependency it cannot fetch (offline, --omit=optional, or a lock file made on another platform) without a word: install it with \`npm install ${pkg}\``
    : `no prebuilt binary is published for ${platform}`;
  throw new SandboxStartError(
    'binary',
    `convoso-leads-sandbox: no sandbox binary for ${platform}. ${fix}, or build one from a checkout of the repository with \`cargo install --path sandbox\` (it lands on PATH as convoso-sandbox; CONVOSO_SANDBOX_BINARY=/path/to/convoso-sandbox also works).`,
  );
}

/**
 * The binary's flags for `options`.
 * @param {SandboxOptions} options
 * @param {string[]} tokens
 */
function flags(options, tokens) {
  const args = ['--exit-with-stdin', '--port', String(options.port ?? 0)];
  for (const token of tokens) args.push('--token', token);
  if (options.style !== undefined) args.push('--style', options.style);
  if (options.seed !== undefined) args.push('--seed', String(options.seed));
  if (options.db !== undefined) args.push('--db', options.db);
  for (const origin of options.corsOrigins ?? []) args.push('--cors-origin', origin);
  if (options.businessErrorStatus !== undefined) {
    args.push('--business-error-status', String(options.businessErrorStatus));
  }
  if (options.config !== undefined) args.push('--config', options.config);
  return args;
}

/**
 * @param {SandboxOptions} [options]
 * @returns {Promise<Sandbox>}
 */
async function startSandbox(options = {}) {
  const tokens = options.tokens?.length ? [...options.tokens] : ['dev-token'];
  const binary = options.binary ?? sandboxBinary();
  if (!fs.existsSync(binary)) {
    throw new SandboxStartError(
      'binary',
      `convoso-leads-sandbox: the sandbox binary ${binary} does not exist. Reinstall ${platformPackage()}, or build one with \`cargo install --path sandbox\`.`,
    );
  }
  // stdin is a pipe only this process holds: when it exits, however it dies, the pipe
  // closes and --exit-with-stdin ends the sandbox.
  const child = spawn(binary, flags(options, tokens), { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  // The binary never prints a token; stderr is kept (bounded) to explain a failed start.
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const baseUrl = await new Promise((resolve, reject) => {
    let stdout = '';
    const timeoutMs = options.startTimeoutMs ?? 15_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new SandboxStartError('timeout', `convoso-leads-sandbox: the sandbox did not listen within ${timeoutMs} ms`));
    }, timeoutMs);
    const fail = (/** @type {SandboxStartError} */ error) => {
      clearTimeout(timer);
      reject(error);
    };
    const onError = (/** @type {Error} */ error) =>
      fail(new SandboxStartError('binary', `convoso-leads-sandbox: cannot run ${binary}: ${error.message}`));
    const onExit = (/** @type {number | null} */ code, /** @type {string | null} */ signal) => {
      // Let stderr's last chunk arrive before quoting it.
      setTimeout(
        () =>
          fail(
            new SandboxStartError(
              'exited',
              `convoso-leads-sandbox: the sandbox exited before listening (${signal ?? `exit code ${code}`}): ${stderr.trim() || 'no message'}`,
            ),
          ),
        50,
      );
    };
    child.once('error', onError);
    child.once('exit', onExit);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', function onData(chunk) {
      stdout += chunk;
      const complete = stdout.split('\n').slice(0, -1);
      const line = complete.find((l) => l.startsWith(LISTENING));
      if (line === undefined) return;
      clearTimeout(timer);
      child.off('error', onError);
      child.off('exit', onExit);
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      resolve(line.slice(LISTENING.length).trim());
    });
  });
  // After the start, a failure to signal the process is not worth an uncaught error.
  child.on('error', () => {});

  const origin = baseUrl.replace(/\/v1$/, '');
  const port = Number(new URL(origin).port);
  // A sandbox someone forgets to stop must not keep Node alive: unreferenced, it ends with
  // the process (its stdin pipe closes). stop() takes the references back while it waits.
  const handles = [child, child.stdin, child.stdout, child.stderr];
  for (const handle of handles) /** @type {any} */ (handle)?.unref?.();

  /**
   * @param {string} method
   * @param {string} route
   * @param {unknown} [body]
   */
  async function admin(method, route, body) {
    const response = await fetch(`${origin}/__sandbox/${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // The admin API answers JSON objects; `error` explains a refusal.
    const answer = /** @type {Record<string, any>} */ (await response.json().catch(() => ({})));
    if (!response.ok) {
      throw new Error(`convoso-leads-sandbox: ${method} /__sandbox/${route} answered ${response.status}: ${answer.error ?? 'no message'}`);
    }
    return answer;
  }

  /** @type {Promise<void> | undefined} */
  let stopping;
  /** @type {Sandbox} */
  const sandbox = {
    baseUrl,
    origin,
    port,
    token: tokens[0],
    pid: child.pid ?? 0,
    async reset() {
      await admin('POST', 'reset');
    },
    async stats() {
      return /** @type {SandboxStats} */ (await admin('GET', 'stats'));
    },
    async fault(spec) {
      const { endpoint = '*', count, ...fault } = spec;
      /** @type {Record<string, unknown>} */
      const wire = { ...fault };
      if ('retryAfter' in fault) {
        delete wire.retryAfter;
        if (fault.retryAfter !== undefined) wire.retry_after = String(fault.retryAfter);
      }
      const answer = await admin('POST', 'faults', { endpoint, ...(count === undefined ? {} : { count }), fault: wire });
      return { queued: answer.queued };
    },
    async clearFaults() {
      await admin('DELETE', 'faults');
    },
    stop() {
      stopping ??= (async () => {
        for (const handle of handles) /** @type {any} */ (handle)?.ref?.();
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
          await exited;
          clearTimeout(killer);
        }
        child.stdin?.destroy();
        child.stdout?.destroy();
        child.stderr?.destroy();
      })();
      return stopping;
    },
    [Symbol.asyncDispose]() {
      return this.stop();
    },
  };
  return sandbox;
}

module.exports = { startSandbox, sandboxBinary, SandboxStartError };
