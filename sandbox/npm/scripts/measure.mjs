// @ts-check
// The npm binary's size and start-up time: spawn → first answered request (the admin health
// check), over N runs, median reported.
//   node sandbox/npm/scripts/measure.mjs [binary] [runs]
// Default binary: the one sandbox/npm/scripts/build.sh builds.
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const binary =
  process.argv[2] ?? path.join(repo, process.env.CARGO_TARGET_DIR ?? 'target', 'x86_64-unknown-linux-musl/sandbox-dist/convoso-sandbox');
const runs = Number(process.argv[3] ?? 20);

/** One start: ms to the listening line and to the first answered request. */
function once() {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(binary, ['--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.on('error', reject);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', async (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/[^/\s]+)\/v1\n/.exec(out);
      if (!match) return;
      child.stdout.removeAllListeners('data');
      const listening = Number(process.hrtime.bigint() - started) / 1e6;
      try {
        const response = await fetch(`${match[1]}/__sandbox/health`);
        await response.text();
        const answered = Number(process.hrtime.bigint() - started) / 1e6;
        child.kill('SIGTERM');
        child.on('exit', () => resolve({ listening, answered }));
      } catch (error) {
        child.kill('SIGKILL');
        reject(error);
      }
    });
  });
}

const median = (/** @type {number[]} */ xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

await once(); // warm the page cache: every later run reads the binary from memory
const samples = [];
for (let i = 0; i < runs; i++) samples.push(await once());
const answered = samples.map((s) => s.answered);
console.log(
  JSON.stringify(
    {
      binary: path.relative(repo, binary),
      bytes: statSync(binary).size,
      runs,
      listeningMedianMs: Number(median(samples.map((s) => s.listening)).toFixed(1)),
      firstAnswerMedianMs: Number(median(answered).toFixed(1)),
      firstAnswerMinMs: Number(Math.min(...answered).toFixed(1)),
      firstAnswerMaxMs: Number(Math.max(...answered).toFixed(1)),
    },
    null,
    2,
  ),
);
