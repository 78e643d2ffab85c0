#!/usr/bin/env node
// Renders one run's results as BENCHMARKS.md. Re-render without re-running:
//   node bench/report.mjs bench/results/latest.json > BENCHMARKS.md
import { readFileSync } from 'node:fs';

import { SIZE_ONLY } from './contenders.mjs';
import { bytes, ms, perSecond, ratio, shares } from './targets.mjs';

const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

function throughputSection(title, group, oursId, fn, labels) {
  const ours = group.throughput[oursId].perSecond.median;
  const rows = Object.entries(group.throughput).map(([id, r]) => [
    labels[id],
    perSecond(r.perSecond.median),
    `${perSecond(r.perSecond.min)} – ${perSecond(r.perSecond.max)}`,
    id === oursId ? '—' : ratio(ours / r.perSecond.median),
    `${r.accepted.toLocaleString('en-US')} / ${r.inputs.toLocaleString('en-US')}`,
  ]);
  const first = Object.entries(group.firstCall).map(([id, r]) => [
    labels[id],
    ms(r.importMs),
    ms(r.firstCallMs),
    ms(r.secondCallMs),
    `\`${JSON.stringify(r.sample)}\` → ${r.verdict}`,
  ]);
  const anyFirst = Object.values(group.firstCall)[0];
  return [
    `## ${title}`,
    '',
    table(['implementation', 'median', 'min – max over rounds', 'ours is', 'accepted'], rows),
    '',
    `Fixed cost of one call of ours (\`${fn}('')\`, turned away at once): ${group.callFloor.nsPerCall.toFixed(0)} ns.`,
    `Where our calls spend their time (V8 sampling profiler, self time): ${shares(group.profile, group.profile.length)}.`,
    '',
    `First call after import, each in a fresh Node process (median of ${anyFirst.processes} processes):`,
    '',
    table(['implementation', 'import', 'first call', 'second call', 'input → verdict'], first),
  ].join('\n');
}

function sizeSection({ ours, alternatives }, labels) {
  const oursRows = ours.map((r) => [
    `scenario \`${r.scenario}\` (ours): \`${r.app.replace(/\s+/g, ' ')}\``,
    `**${bytes(r.totalGzip)}**`,
    `${bytes(r.totalGzip - r.jsGzip)} WebAssembly + ${bytes(r.jsGzip)} JS`,
  ]);
  const altRows = alternatives.map((r) => [labels[r.entry] ?? r.entry, bytes(r.totalGzip), '']);
  return [
    '## Size (gzip -9 of what a browser downloads)',
    '',
    'Each app (our scenarios from `bench/budget.json`, each alternative) bundled and minified by esbuild',
    'for the browser, everything it imports included; our WebAssembly travels inside the JavaScript',
    '(inlined), so the bundle is the whole download.',
    '',
    table(['bundle', 'gzip -9', 'of which'], [...oursRows, ...altRows]),
  ].join('\n');
}

function decodeSection(decode) {
  const [ours, floor] = [decode.ours.ms, decode['JSON.parse'].ms];
  return [
    '## Response decoding',
    '',
    `A ${decode.leads.toLocaleString('en-US')}-lead search answer in the live shape (\`data\` envelope, every`,
    `number a string, custom fields; ${bytes(decode.bodyBytes)} of JSON). Method: ${decode.method}.`,
    '',
    table(
      ['', 'median', 'min', 'max', 'ratio of medians'],
      [
        ['ours (decode and normalise)', ms(ours.median), ms(ours.min), ms(ours.max), ratio(ours.median / floor.median)],
        ['`JSON.parse` (the floor)', ms(floor.median), ms(floor.min), ms(floor.max), '1.00×'],
      ],
    ),
    ...(decode.direct
      ? []
      : [
          '',
          'The package exports no decode function, so the time includes one loopback round trip on',
          'both sides; a direct decode export would time decoding alone.',
        ]),
  ].join('\n');
}

function overheadSection(overhead) {
  const [ours, unchecked, floor] = [overhead.ours.ms, overhead['ours, validate: false'].ms, overhead.fetch.ms];
  return [
    '## Per-call overhead against the sandbox (loopback)',
    '',
    `\`searchLeads(${JSON.stringify(overhead.params)})\` (${overhead.results} leads per answer), ${ours.n} calls each,`,
    'interleaved call by call with the order alternating. The sandbox serves the same answer to all.',
    '',
    table(
      ['', 'median', 'p99', 'min'],
      [
        ['ours: `client.searchLeads`', ms(ours.median), ms(ours.p99), ms(ours.min)],
        ['ours with `validate: false`', ms(unchecked.median), ms(unchecked.p99), ms(unchecked.min)],
        ['hand-written `fetch` + `URLSearchParams` + `JSON.parse`', ms(floor.median), ms(floor.p99), ms(floor.min)],
        ['ratio ours / fetch', ratio(ours.median / floor.median), ratio(ours.p99 / floor.p99), ratio(ours.min / floor.min)],
      ],
    ),
  ].join('\n');
}

export function renderReport(results) {
  const { meta } = results;
  const m = meta.machine;
  const labels = { ...meta.labels, ...Object.fromEntries(SIZE_ONLY.map(({ id, label }) => [id, label])) };
  const { phones, emails } = meta.corpora;
  return `${[
    '# Benchmarks',
    '',
    `Written by \`${meta.command}\` — do not edit by hand; run it again. Raw numbers: \`bench/latest.json\`.`,
    '',
    `- **Date:** ${meta.date} (run took ${meta.seconds} s), commit \`${meta.commit}\`${meta.uncommitted ? ' plus uncommitted changes' : ''}`,
    `- **Machine:** ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}; ${m.rustc ?? 'rustc unknown'}`,
    `- **Load average at the start** (1, 5, 15 min): ${m.loadAverage.join(', ')} — other work on the machine lowers every`,
    '  throughput figure; the ratios, measured side by side in one process, are steadier than the absolute numbers.',
    `- **Command:** \`${meta.command}\``,
    '',
    '## Targets',
    '',
    table(
      ['target', 'status', 'measured', 'what stands in the way'],
      results.targets.map((t) => [t.label, t.met ? 'met' : '**not met**', t.figure, t.met ? '' : t.obstacle]),
    ),
    '',
    sizeSection(results.size, labels),
    '',
    throughputSection('Phone validation', results.phone, 'ours-phone', 'validatePhone', labels),
    '',
    throughputSection('Email validation', results.email, 'ours-email', 'validateEmail', labels),
    '',
    decodeSection(results.decode),
    '',
    overheadSection(results.overhead),
    '',
    '## How it is measured',
    '',
    `- Corpora are generated from fixed seeds, the same on every run: ${phones.count.toLocaleString('en-US')} phone strings`,
    '  (US/CA numbers in 14 writings, near misses such as N11 codes, extensions, vanity letters and',
    `  full-width digits, foreign numbers, garbage) and ${emails.count.toLocaleString('en-US')} emails (ordinary addresses, RFC 5321`,
    '  limits, common mistakes, quoted/IP-literal/internationalised ones). The "accepted" counts',
    '  differ where the libraries\' rules differ.',
    '- Throughput: all implementations in one process, each round running every one in a rotating',
    '  order over the whole corpus (repeated until a round lasts ≥ 40 ms), 3 warm-up rounds then 15',
    '  counted; the median round is reported.',
    '- libphonenumber-js with US/CA metadata: the package\'s default ("min") metadata filtered to the',
    '  US and CA entries under calling code 1 (no non-geographic plans), passed to the functions of',
    '  `libphonenumber-js/core`; its own generator needs a download of Google\'s XML. Default country `US`.',
    '- First call: a fresh `node` per sample importing only that implementation, so import and first',
    '  call include loading, compiling and (ours) instantiating the WebAssembly.',
    '- Throughput is reported here, never asserted in tests. The size targets and the ceilings CI',
    '  enforces (a scenario may shrink, never grow past its ceiling) are both in `bench/budget.json`;',
    '  `scripts/test/budget.sh` checks the ceilings (`scripts/budget.mjs`).',
  ].join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? 'bench/results/latest.json';
  process.stdout.write(renderReport(JSON.parse(readFileSync(file, 'utf8'))));
}
