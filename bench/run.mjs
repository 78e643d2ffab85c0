#!/usr/bin/env node
// Runs every measurement once, in one process where they compare side by side, and writes the
// raw results (bench/results/<date>.json and latest.json) and BENCHMARKS.md. Run through
// scripts/bench.sh, which builds the package and starts the sandbox first.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { EMAIL, PHONE, writeContenders } from './contenders.mjs';
import { EMAIL_COUNT, EMAIL_SEED, emailCorpus } from './corpus/emails.mjs';
import { PHONE_COUNT, PHONE_SEED, phoneCorpus } from './corpus/phones.mjs';
import { SEARCH_LEADS, SEARCH_SEED, searchBody } from './corpus/search-body.mjs';
import { packageEntry, RESULTS_DIR, ROOT } from './lib/paths.mjs';
import { decoding } from './measure/decode.mjs';
import { importTimes } from './measure/import.mjs';
import { overhead } from './measure/overhead.mjs';
import { sizes } from './measure/size.mjs';
import { callFloor, firstCall, profileOurs, validationThroughput } from './measure/validation.mjs';
import { renderReport } from './report.mjs';
import { judge } from './targets.mjs';

const log = (message) => console.error(`bench: ${message}`);
// Not Cargo.lock: cargo rewrites a stale one during the build, which changes no source.
const BUILD_INPUTS = ['Cargo.toml', 'core', 'src', 'pkg-template', 'scripts', 'bench/*.mjs', 'bench/lib', 'bench/measure', 'bench/corpus'];

function tool(command, args) {
  try {
    return execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    rustc: tool('rustc', ['--version']),
    // Other work on the machine skews throughput; the report states how busy it was.
    loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
  };
}

async function main() {
  const started = new Date();
  const host = machine();
  // A run over uncommitted sources measures something no commit holds: the report says so.
  const uncommitted = Boolean(tool('git', ['status', '--porcelain', '--', ...BUILD_INPUTS]));
  const urls = writeContenders();
  const client = await import(packageEntry('.'));

  log('size');
  const size = await sizes();

  log('phone validation');
  const phones = phoneCorpus();
  const phone = {
    throughput: await validationThroughput(PHONE, urls, phones),
    firstCall: await firstCall(PHONE, urls, '(201) 555-0123'),
    callFloor: await callFloor(PHONE.find((c) => c.ours), urls),
    profile: await profileOurs(PHONE.find((c) => c.ours), urls, phones),
  };

  log('email validation');
  const emails = emailCorpus();
  const email = {
    throughput: await validationThroughput(EMAIL, urls, emails),
    firstCall: await firstCall(EMAIL, urls, 'jane.doe@example.com'),
    callFloor: await callFloor(EMAIL.find((c) => c.ours), urls),
    profile: await profileOurs(EMAIL.find((c) => c.ours), urls, emails),
  };

  log('response decoding');
  const decode = await decoding(client, searchBody(), SEARCH_LEADS);

  log('import time, fresh processes');
  const imports = await importTimes();

  log('per-call overhead against the sandbox');
  const perCall = await overhead(client);

  const results = {
    meta: {
      date: started.toISOString(),
      seconds: Math.round((Date.now() - started) / 1000),
      command: process.env.BENCH_COMMAND ?? 'scripts/bench.sh',
      commit: tool('git', ['rev-parse', '--short', 'HEAD']),
      uncommitted,
      machine: host,
      corpora: {
        phones: { count: PHONE_COUNT, seed: PHONE_SEED },
        emails: { count: EMAIL_COUNT, seed: EMAIL_SEED },
        search: { leads: SEARCH_LEADS, seed: SEARCH_SEED },
      },
      labels: Object.fromEntries([...PHONE, ...EMAIL].map(({ id, label }) => [id, label])),
    },
    size,
    imports,
    phone,
    email,
    decode,
    overhead: perCall,
  };
  results.targets = judge(results);

  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  writeFileSync(path.join(RESULTS_DIR, `${results.meta.date.replace(/[:.]/g, '-')}.json`), json);
  writeFileSync(path.join(RESULTS_DIR, 'latest.json'), json);
  writeFileSync(path.join(ROOT, 'bench/latest.json'), json);
  writeFileSync(path.join(ROOT, 'BENCHMARKS.md'), renderReport(results));
  for (const t of results.targets) log(`${t.met ? 'met    ' : 'NOT met'} ${t.label}: ${t.figure}`);
  log(`done in ${results.meta.seconds} s: BENCHMARKS.md, bench/latest.json`);
}

await main();
