#!/usr/bin/env node
// The package's `bin`: runs one command line and exits with its status (see command.js).
import { main } from './command.js';

// `convoso-leads validate big.csv | head` closes the pipe early: that is the reader's choice.
process.stdout.on('error', (error) => {
  if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (status) => {
    process.exitCode = status;
  },
  (error) => {
    process.stderr.write(`convoso-leads: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
