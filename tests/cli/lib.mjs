// The `convoso-leads` command as users get it (installed from the packed tarball by
// scripts/test/cli.sh, which also starts the sandbox), and what the tests check it against:
// the sandbox's store, read through the installed package's own search.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const { CONVOSO_CLI_PROJECT: project, SANDBOX_URL: url, SANDBOX_ORIGIN: origin, SANDBOX_TOKEN: token } = process.env;
if (!project || !url || !origin || !token) throw new Error('run through scripts/test/cli.sh');

export { url, token };
export const BIN = path.join(project, 'node_modules/.bin/convoso-leads');
const pkg = await import(pathToFileURL(path.join(project, 'node_modules/convoso-leads/dist/index.js')).href);
const client = new pkg.ConvosoClient({ authToken: token, baseUrl: url });

/** A folder removed when the test ends. */
export function workdir(t) {
  const dir = mkdtempSync(path.join(tmpdir(), 'convoso-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Runs the command; resolves to `{ status, signal, stdout, stderr }`. `onStderr` sees the
 * progress as it comes (and may kill the child: `child` is passed).
 */
export function cli(args, { env = {}, cwd, onStderr, onStart, node = [] } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...node, BIN, ...args], {
      cwd,
      env: { ...process.env, CONVOSO_TOKEN: token, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      onStderr?.(stderr, child);
    });
    onStart?.(child);
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

async function admin(method, route, body) {
  const response = await fetch(`${origin}/__sandbox/${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${route}: ${response.status}`);
  return response.json();
}
export const reset = () => admin('POST', 'reset');
export const fault = (endpoint, spec, count = 1) => admin('POST', 'faults', { endpoint, count, fault: spec });
export const clearFaults = () => admin('DELETE', 'faults');

/** Every lead of a list, read through the package's search (not the command under test). */
export async function leadsOf(listId) {
  const leads = [];
  for await (const lead of client.iterateLeads({ list_id: listId, limit: 2000 })) leads.push(lead);
  return leads;
}

/** A valid NANP number for row `i` (distinct for every i below 7,000,000). */
export const phone = (i) => `201${234 + Math.floor(i / 10000)}${String(i % 10000).padStart(4, '0')}`;

/**
 * A lead file of `n` rows; every tenth row is invalid (a short phone, a broken email or an
 * impossible date, in turn). Returns the file and the phones of the valid rows.
 */
export function leadFile(dir, n, { name = 'leads.csv', crlf = false } = {}) {
  const eol = crlf ? '\r\n' : '\n';
  const lines = ['First Name,Last Name,Phone Number,E-mail,Zip,City,Date of Birth'];
  const valid = [];
  for (let i = 0; i < n; i++) {
    const bad = i % 10 === 9 ? Math.floor(i / 10) % 3 : -1;
    const p = bad === 0 ? '20155' : phone(i);
    const email = bad === 1 ? `row${i}@` : `row${i}@example.com`;
    const dob = bad === 2 ? '1980-02-30' : '1980-02-28';
    lines.push(`Ada${i},"Lovelace, ${i}",${p},${email},90210,"Town ""${i % 7}""",${dob}`);
    if (bad < 0) valid.push(p);
  }
  const file = path.join(dir, name);
  writeFileSync(file, lines.join(eol) + eol);
  return { file, valid, invalid: n - valid.length };
}

/** Each row's last journal record (rows by spreadsheet number). */
export function journalOf(file) {
  const [header, ...records] = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const rows = new Map();
  for (const r of records) rows.set(r.row, { ...rows.get(r.row), ...r, intent: rows.get(r.row)?.intent || r.intent });
  return { header, rows, text: readFileSync(file, 'utf8') };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
