// One fresh process: import one entry of the package, report how long the import took (ms).
//   node import-child.mjs <module-url>
import { performance } from 'node:perf_hooks';

const start = performance.now();
await import(process.argv[2]);
process.stdout.write(String(performance.now() - start));
