// One fresh process: import a contender, call it twice, report the times as JSON (the second
// call shows how much of the first was one-time warm-up).
//   node first-call-child.mjs <module-url> <input>
import { performance } from 'node:perf_hooks';

const [url, input] = process.argv.slice(2);
const start = performance.now();
const { check } = await import(url);
const imported = performance.now();
const verdict = check(input);
const called = performance.now();
check(input);
const again = performance.now();
process.stdout.write(
  JSON.stringify({ importMs: imported - start, firstCallMs: called - imported, secondCallMs: again - called, verdict }),
);
