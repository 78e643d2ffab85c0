#!/usr/bin/env node
// @ts-check
// `convoso-leads-sandbox [flags]`: runs the sandbox binary with the given flags (see
// `--help`); the binary prints `convoso-sandbox listening on <base URL>`. Ctrl-C, SIGTERM or
// SIGHUP stop it; and because its stdin is a pipe from this process, it also stops when this
// process is killed outright.
'use strict';

const { spawn } = require('node:child_process');
const os = require('node:os');
const { sandboxBinary } = require('../index.cjs');

let binary;
try {
  binary = sandboxBinary();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

const args = process.argv.slice(2);
if (!args.includes('--exit-with-stdin')) args.unshift('--exit-with-stdin');
const child = spawn(binary, args, { stdio: ['pipe', 'inherit', 'inherit'] });

child.on('error', (error) => {
  console.error(`convoso-leads-sandbox: cannot run ${binary}: ${error.message}`);
  process.exit(1);
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  // Forwarded, then this process waits for the sandbox to finish shutting down.
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  process.exit(code ?? 128 + (signal ? os.constants.signals[signal] : 0));
});
