// The `convoso-leads` command from the packed tarball, against the sandbox: help and usage,
// validation reports, hostile files, import with faults, crashes and interrupts, export.
// After every import the sandbox's store is read through the package's own search: it must
// hold exactly the valid rows, each phone once.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, test } from 'node:test';
import { BIN, cli, fault, journalOf, leadFile, leadsOf, phone, reset, sleep, token, url, workdir } from './lib.mjs';

const LIST = '334';
const OTHER_LIST = '17257';
const RSS_HOOK = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/max-rss.mjs');
beforeEach(() => reset());

const importArgs = (file, ...more) => ['import', file, '--list-id', LIST, '--base-url', url, ...more];

/** Asserts the list holds exactly `phones`, each once. */
async function assertStored(phones, list = LIST) {
  const stored = (await leadsOf(list)).map((l) => l.phone_number).sort();
  assert.equal(stored.length, phones.length, `the list holds ${stored.length} leads, expected ${phones.length}`);
  assert.deepEqual(stored, [...phones].sort(), 'exactly the valid rows, each phone once');
}

/** Asserts the journal gives every data row a final verdict. */
function assertJournal(file, rows, invalid) {
  const { header, rows: journaled, text } = journalOf(`${file}.journal`);
  assert.equal(header.list_id, LIST);
  assert.ok(!text.includes(token), 'the journal never holds the token');
  const statuses = {};
  for (let row = 2; row <= rows + 1; row++) {
    const status = journaled.get(row)?.status;
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
  assert.deepEqual(statuses, { inserted: rows - invalid, invalid }, 'every row is inserted or invalid in the journal');
}

/** Runs the same import until no outcome is unknown (exit 3 means: run again). */
async function importUntilSettled(file, ...more) {
  let run;
  for (let attempt = 0; attempt < 4; attempt++) {
    run = await cli(importArgs(file, ...more));
    if (run.status !== 3) return run;
  }
  return run;
}

test('help: the command, each command, and usage errors exit 2', async () => {
  const main = await cli(['--help']);
  assert.equal(main.status, 0);
  assert.equal(execFileSync(BIN, ['--help'], { encoding: 'utf8' }), main.stdout, 'the bin runs as a program, through its shebang');
  for (const word of ['validate', 'import', 'export', 'CONVOSO_TOKEN', 'Exit status']) assert.match(main.stdout, new RegExp(word));
  const help = await cli(['import', '--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--check-dup 0-4\s+the service's duplicate check \(default 1: the list\)/);
  assert.match((await cli(['export', '--help'])).stdout, /--created-at-start-date VALUE/);
  for (const args of [[], ['frobnicate'], ['import', 'x.csv'], ['import', 'x.csv', '--list-id', '1', '--bogus'], ['validate'], ['import', 'x.csv', '--list-id', '1', '--concurrency', '99']]) {
    const run = await cli(args);
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
  }
  const flag = await cli(['import', 'x.csv', '--list-id', '1', '--token', 'secret-on-the-command-line']);
  assert.equal(flag.status, 2);
  assert.match(flag.stderr, /CONVOSO_TOKEN environment variable only/);
  const missing = await cli(['export', '--base-url', url], { env: { CONVOSO_TOKEN: '' } });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /CONVOSO_TOKEN/);
});

test('validate: a report per invalid row in table, json and csv; aliases, --map and unknown columns', async (t) => {
  const dir = workdir(t);
  const { file } = leadFile(dir, 30);
  const table = await cli(['validate', file]);
  assert.equal(table.status, 1);
  assert.match(table.stdout, /^row\s+field\s+code\s+message$/m);
  assert.match(table.stdout, /^11\s+phone_number\s+6008\s/m);
  assert.match(table.stderr, /30 rows, 27 valid, 3 invalid/);
  const json = JSON.parse((await cli(['validate', file, '--format', 'json'])).stdout);
  assert.deepEqual([json.rows, json.valid, json.invalid], [30, 27, 3]);
  assert.deepEqual(json.errors.map((e) => [e.row, e.field, e.code]), [[11, 'phone_number', 6008], [21, 'email', 6079], [31, 'date_of_birth', 9002]]);
  const csv = (await cli(['validate', file, '--format', 'csv'])).stdout.split('\r\n');
  assert.equal(csv[0], 'row,field,code,message');
  assert.equal(csv.filter(Boolean).length, 4);

  const custom = path.join(dir, 'custom.csv');
  writeFileSync(custom, 'Mobile;Correo;Shoe size\n2015550123;ada@example.com;42\n2015550124;nope;43\n');
  const mapped = await cli(['validate', custom, '--map', 'Correo=email', '--format', 'json']);
  assert.equal(mapped.status, 1);
  assert.deepEqual(JSON.parse(mapped.stdout).errors.map((e) => [e.row, e.field, e.code]), [[3, 'email', 6079]]);
  assert.match(mapped.stderr, /column 3 "Shoe size": not an insert field, ignored; use --map/);
  const bad = await cli(['validate', custom, '--map', 'Correo=e_mail']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /"e_mail" is not an insert field/);
});

test('hostile files: ragged rows, a 10 MB field, invalid UTF-8, empty, header only', async (t) => {
  const dir = workdir(t);
  const write = (name, content) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
  };
  const ragged = await cli(['validate', write('ragged.csv', 'phone,email\n2015550123\n2015550124,a@b.co,extra\n2015550125,a@b.co\n'), '--format', 'json']);
  assert.equal(ragged.status, 1);
  assert.deepEqual(JSON.parse(ragged.stdout).errors.map((e) => [e.row, e.code]), [[2, 'csv_ragged'], [3, 'csv_ragged']]);

  const huge = await cli(['validate', write('huge.csv', `phone,first_name\n2015550123,"${'x'.repeat(10 * 1024 * 1024)}"\n2015550124,Ada\n`), '--format', 'json']);
  assert.equal(huge.status, 1);
  assert.deepEqual(JSON.parse(huge.stdout).errors, [{ row: 2, field: 'first_name', code: 'csv_too_long', message: 'is longer than 64 KiB' }]);

  const latin = write('latin.csv', Buffer.concat([Buffer.from('phone,first_name\n2015550123,Ada\n2015550124,Ren'), Buffer.from([0xe9]), Buffer.from('e\n')]));
  const utf8 = await cli(['validate', latin]);
  assert.equal(utf8.status, 2);
  assert.match(utf8.stderr, /record 3 \(line 3\) is not valid UTF-8.*--encoding windows-1252/);
  const cp1252 = await cli(['validate', latin, '--encoding', 'windows-1252']);
  assert.equal(cp1252.status, 0, cp1252.stderr);

  const empty = await cli(['validate', write('empty.csv', '')]);
  assert.equal(empty.status, 2);
  assert.match(empty.stderr, /empty/);
  const headerOnly = await cli(['validate', write('header.csv', 'phone,email\n')]);
  assert.equal(headerOnly.status, 0);
  assert.match(headerOnly.stderr, /0 rows/);
  const missing = await cli(['validate', path.join(dir, 'nope.csv')]);
  assert.equal(missing.status, 2);
});

test('200,000 rows are streamed: validate and a dry run stay under 200 MB', async (t) => {
  const dir = workdir(t);
  const { file } = leadFile(dir, 200_000);
  for (const args of [['validate', file, '--format', 'csv'], importArgs(file, '--dry-run')]) {
    const started = performance.now();
    const run = await cli(args, { node: ['--import', RSS_HOOK] });
    assert.equal(run.status, 1, run.stderr.slice(-500));
    const rss = Number(/max-rss (\d+)/.exec(run.stderr)?.[1]);
    console.log(`${args[0]} 200,000 rows: ${((performance.now() - started) / 1000).toFixed(1)} s, peak RSS ${(rss / 1024).toFixed(0)} MB`);
    assert.ok(rss > 0 && rss < 200 * 1024, `peak RSS ${rss} KiB`);
  }
});

test('5,000 rows under 500s, 429s, drops before and after the work, and delays: exactly the valid rows', async (t) => {
  const dir = workdir(t);
  const { file, valid, invalid } = leadFile(dir, 5000, { crlf: true });
  for (let round = 0; round < 8; round++) {
    await fault('insert', { kind: 'status', status: 500 }, 2);
    await fault('insert', { kind: 'status', status: 429, retry_after: '1' }, 2);
    await fault('insert', { kind: 'drop' }, 2);
    await fault('insert', { kind: 'drop_after' }, 2);
    await fault('insert', { kind: 'delay', ms: 200 }, 4);
  }
  const first = await cli(importArgs(file, '--concurrency', '8'));
  assert.equal(first.status, 3, `unknown outcomes are left for the next run: ${first.stdout.slice(-400)}`);
  assert.match(first.stdout, /unknown/);
  const last = await importUntilSettled(file, '--concurrency', '8');
  assert.equal(last.status, 1, last.stdout.slice(-400));
  assert.match(last.stdout, /found already there/);
  assert.ok(!(first.stdout + first.stderr + last.stdout + last.stderr).includes(token), 'no output holds the token');
  await assertStored(valid);
  assertJournal(file, 5000, invalid);
});

test('killed with SIGKILL mid-import, then run again: exactly the valid rows', async (t) => {
  const dir = workdir(t);
  const { file, valid, invalid } = leadFile(dir, 5000);
  await fault('insert', { kind: 'delay', ms: 2 }, 100_000);
  const killed = await cli(importArgs(file, '--concurrency', '4'), {
    onStart: (child) => {
      const timer = setInterval(() => {
        let intents = 0;
        try {
          intents = (readFileSync(`${file}.journal`, 'utf8').match(/"intent"/g) ?? []).length;
        } catch {}
        if (intents >= 1500) {
          clearInterval(timer);
          child.kill('SIGKILL');
        }
      }, 20);
    },
  });
  assert.equal(killed.signal, 'SIGKILL');
  const before = (await leadsOf(LIST)).length;
  assert.ok(before > 0 && before < valid.length, `killed part way (${before} stored)`);
  const resumed = await importUntilSettled(file, '--concurrency', '4');
  assert.equal(resumed.status, 1, resumed.stdout.slice(-400));
  assert.match(resumed.stdout, /skipped \(settled by an earlier run\)/);
  await assertStored(valid);
  assertJournal(file, 5000, invalid);
});

test('Ctrl-C stops sending, waits for the rows in flight, exits 130; the next run finishes', async (t) => {
  const dir = workdir(t);
  const { file, valid, invalid } = leadFile(dir, 5000);
  await fault('insert', { kind: 'delay', ms: 3 }, 100_000);
  let sent = false;
  const interrupted = await cli(importArgs(file, '--concurrency', '4'), {
    onStderr: (text, child) => {
      if (!sent && /import: \d{3,}\//.test(text)) {
        sent = true;
        child.kill('SIGINT');
      }
    },
  });
  assert.equal(interrupted.status, 130, interrupted.stderr.slice(-400));
  assert.match(interrupted.stderr, /interrupted: no new rows are sent/);
  assert.match(interrupted.stdout, /not sent \(interrupted/);
  const { rows } = journalOf(`${file}.journal`);
  const settledBefore = [...rows.values()].filter((r) => r.status === 'inserted').length;
  assert.equal((await leadsOf(LIST)).length, settledBefore, 'every row sent before the interrupt has its outcome written');
  const resumed = await importUntilSettled(file, '--concurrency', '4');
  assert.equal(resumed.status, 1);
  await assertStored(valid);
  assertJournal(file, 5000, invalid);
});

test('progress: a bar with rows/s and ETA on a terminal, plain lines otherwise', async (t) => {
  const dir = workdir(t);
  const { file } = leadFile(dir, 300);
  await fault('insert', { kind: 'delay', ms: 5 }, 1000);
  // `script` gives the command a pseudo-terminal, as an interactive shell would.
  const shell = [BIN, ...importArgs(file, '--concurrency', '1')].map((a) => `'${a}'`).join(' ');
  const tty = await new Promise((resolve) => {
    const child = spawn('script', ['-qfec', `${process.execPath} ${shell}`, '/dev/null'], { env: { ...process.env, CONVOSO_TOKEN: token } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (status) => resolve({ status, out }));
  });
  assert.equal(tty.status, 1, tty.out.slice(-300));
  assert.match(tty.out, /\rimport \[#*-*\] \d+\/270 rows \(\d+%\), \d+ rows\/s ETA \d+s/);
  assert.match(tty.out, /\rimport \[#{24}\] 270\/270 rows \(100%\)/);
  await reset();
  const piped = await cli(importArgs(file, '--journal', path.join(dir, 'other.journal')));
  assert.ok(!piped.stderr.includes('\r'), 'no redrawing when stderr is not a terminal');
  assert.match(piped.stderr, /^import: 270\/270 rows \(100%\), \d+ rows\/s$/m);
});

test('an edited file or other options are refused for resume', async (t) => {
  const dir = workdir(t);
  const { file } = leadFile(dir, 20);
  assert.equal((await cli(importArgs(file))).status, 1);
  const other = await cli(['import', file, '--list-id', OTHER_LIST, '--base-url', url]);
  assert.equal(other.status, 2);
  assert.match(other.stderr, /journal of an import into list 334/);
  writeFileSync(file, readFileSync(file, 'utf8').replace('Ada3,', 'Eve3,'));
  const edited = await cli(importArgs(file));
  assert.equal(edited.status, 2);
  assert.match(edited.stderr, /row 5 of .* changed since/);
});

test('export -> import into another list gives the same leads; formula cells round-trip', async (t) => {
  const dir = workdir(t);
  const source = path.join(dir, 'source.csv');
  // The names as stored; the source file holds them guarded, as an export writes them.
  const tricky = ['=1+1', '+cmd', "'=quoted", '-5', '@sum', "'plain"];
  const guarded = (name) => (/^'*[=+\-@\t\r]/.test(name) ? `'${name}` : name);
  writeFileSync(
    source,
    ['first_name,last_name,phone_number,email,city,postal_code', ...tricky.map((name, i) => `"${guarded(name)}",Doe${i},${phone(900 + i)},d${i}@example.com,"Town, ${i}",9021${i}`)].join('\n'),
  );
  assert.equal((await cli(importArgs(source))).status, 0);
  const exported = path.join(dir, 'export.csv');
  const out = await cli(['export', '--list-id', LIST, '--base-url', url, '--out', exported]);
  assert.equal(out.status, 0, out.stderr);
  const text = readFileSync(exported, 'utf8');
  assert.match(text, /^id,/);
  assert.match(text, /,'=1\+1,/);
  assert.match(text, /,''=quoted,/);
  assert.match(text, /,'plain,/);
  assert.match(text, /,'\+cmd,/);
  assert.ok(!/,=/.test(text), 'no cell starts a formula');

  const back = await cli(['import', exported, '--list-id', OTHER_LIST, '--base-url', url]);
  assert.equal(back.status, 0, back.stdout + back.stderr);
  assert.match(back.stderr, /column 1 "id": ignored \(a stored lead's own field/);
  assert.equal(back.stderr.match(/column 1 "id"/g).length, 1, 'each column is reported once');
  const fields = ['first_name', 'last_name', 'phone_number', 'email', 'city', 'postal_code'];
  const pick = (leads) => leads.map((l) => fields.map((f) => l[f])).sort((a, b) => a[2].localeCompare(b[2]));
  assert.deepEqual(pick(await leadsOf(OTHER_LIST)), pick(await leadsOf(LIST)));
  assert.deepEqual((await leadsOf(OTHER_LIST)).map((l) => l.first_name).sort(), [...tricky].sort());

  const jsonl = await cli(['export', '--list-id', LIST, '--base-url', url, '--format', 'jsonl']);
  const leads = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(leads.length, tricky.length);
  assert.ok(leads.every((l) => l.list_id === LIST && typeof l.id === 'string'));
});

test('an unreachable or refusing service is a clear error, and rows stay unsent', async (t) => {
  const dir = workdir(t);
  const { file } = leadFile(dir, 10);
  const wrongToken = await cli(importArgs(file), { env: { CONVOSO_TOKEN: 'not-the-token-7f3a' } });
  assert.equal(wrongToken.status, 2, wrongToken.stdout + wrongToken.stderr);
  assert.match(wrongToken.stderr, /refused the import \(HTTP 401/);
  assert.ok(!(wrongToken.stdout + wrongToken.stderr).includes('not-the-token-7f3a'));
  assert.equal((await leadsOf(LIST)).length, 0);
  const fixed = await importUntilSettled(file);
  assert.equal(fixed.status, 1, 'a refused row is sent again once the token is right');
  assert.equal((await leadsOf(LIST)).length, 9);
});
