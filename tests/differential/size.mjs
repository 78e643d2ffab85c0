// Size of the validation-only entry as a browser downloads it: the wasm after wasm-opt -Oz
// and wasm-bindgen's --target web JS glue, each gzip -9. Prints the numbers; exits non-zero
// when the total passes the ceiling given as the first argument (bytes).
//
//   node tests/differential/size.mjs [ceiling] [dir]    (dir default target/validate-wasm/web)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../../', import.meta.url));
const [ceilingArg, dirArg] = process.argv.slice(2);
const dir = dirArg ?? path.join(root, 'target/validate-wasm/web');
const ceiling = Number(ceilingArg ?? Infinity);
const BUDGET = 10 * 1024;

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const wasm = readFileSync(path.join(dir, 'convoso_leads_bg.wasm'));
const glue = readFileSync(path.join(dir, 'convoso_leads.js'));
const total = gz(wasm) + gz(glue);
console.log(`validation-only entry, gzip -9: wasm ${gz(wasm)} B (${wasm.length} B raw) + JS glue ${gz(glue)} B (${glue.length} B raw) = ${total} B; budget ${BUDGET} B`);
if (total > ceiling) {
  console.error(`size check: ${total} B is over the ceiling of ${ceiling} B`);
  process.exit(1);
}
