// The react-hook-form example app (www/examples/react-hook-form) as a user runs it: copied into a
// temp project with the packed convoso-leads installed offline and its other dependencies (the
// ones its package.json declares, no more) linked from the repository's install; typechecked
// with its own strict tsconfig, built with `vite build`, then served by Vite's dev server with
// convoso-leads/proxy mounted, in front of the sandbox, and driven in Chromium: a bad phone is
// flagged on blur, a fixed form inserts the lead, service errors land on their fields, and the
// token never reaches the browser.
//
// SANDBOX_URL and SANDBOX_TOKEN come from scripts/test/forms-libs.sh; run alone, this file
// starts target/release/convoso-sandbox itself on port 8961. Ports: Vite on 8962-8969.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../lib/chromium.mjs';
import { tscErrors } from '../lib/tsc.mjs';
import { project, ROOT, run, tarball } from '../pack/lib/package.mjs';
import { linkFromRepo } from '../lib/link.mjs';
import { freePort } from './lib.mjs';

const EXAMPLE = path.join(ROOT, 'www/examples/react-hook-form');
const EXAMPLE_PACKAGE = JSON.parse(readFileSync(path.join(EXAMPLE, 'package.json'), 'utf8'));
const cleanups = [];
const ctx = { after: (cleanup) => cleanups.push(cleanup) };

let dir; // the temp copy of the example
let lib; // convoso-leads as installed there
let sandbox; // { url, token }

/** Starts the sandbox binary when the stage did not; stops with the test process (stdin pipe). */
async function ownSandbox() {
  const bin = path.join(process.env.CARGO_TARGET_DIR ?? path.join(ROOT, 'target'), 'release/convoso-sandbox');
  if (!existsSync(bin)) throw new Error(`no ${bin}: run scripts/test/forms-libs.sh (or cargo build -p convoso-sandbox --release)`);
  const token = `forms-libs-${randomBytes(12).toString('hex')}`;
  const child = spawn(bin, ['--port', '8961', '--token', token, '--style', 'live', '--exit-with-stdin'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  cleanups.push(() => child.kill());
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /^convoso-sandbox listening on (\S+)/m.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`convoso-sandbox exited (${code}): ${out}`)));
  });
  return { url, token };
}

before(async () => {
  sandbox = process.env.SANDBOX_URL
    ? { url: process.env.SANDBOX_URL, token: process.env.SANDBOX_TOKEN }
    : await ownSandbox();
  assert.ok(sandbox.token, 'SANDBOX_TOKEN is set with SANDBOX_URL');

  // Everything of the example but its package.json and what a build leaves behind.
  const files = {};
  dir = await project(ctx, { type: 'module', files });
  for (const entry of readdirSync(EXAMPLE)) {
    if (['package.json', 'node_modules', 'dist'].includes(entry)) continue;
    cpSync(path.join(EXAMPLE, entry), path.join(dir, entry), { recursive: true });
  }
  // Its package.json, with convoso-leads as the tarball that `project` installed.
  const pkg = structuredClone(EXAMPLE_PACKAGE);
  pkg.dependencies['convoso-leads'] = `file:${await tarball()}`;
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  // Exactly the declared dependencies: one the app uses but does not declare fails the build.
  const declared = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((name) => name !== 'convoso-leads');
  linkFromRepo(dir, declared);
  writeFileSync(path.join(dir, 'lib.mjs'), "export * from 'convoso-leads';");
  lib = await import(pathToFileURL(path.join(dir, 'lib.mjs')).href);
});
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const tool = (name) => path.join(dir, 'node_modules', name);

test('the example typechecks with tsc under its strict tsconfig (no skipLibCheck)', async () => {
  const { compilerOptions } = JSON.parse(readFileSync(path.join(dir, 'tsconfig.json'), 'utf8'));
  assert.equal(compilerOptions.strict, true);
  assert.equal(compilerOptions.exactOptionalPropertyTypes, true);
  assert.notEqual(compilerOptions.skipLibCheck, true);
  assert.deepEqual(await tscErrors(tool('typescript/bin/tsc'), ['-p', '.', '--pretty', 'false'], dir), []);
});

test('vite build bundles the page without the token variable, the proxy or Node built-ins', async () => {
  const env = { ...process.env };
  delete env.CONVOSO_AUTH_TOKEN; // the proxy hook is dev-server only: a build must not need it
  await run(process.execPath, [tool('vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: dir, env });
  const assets = path.join(dir, 'dist/assets');
  const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
  assert.ok(scripts.length > 0, 'a script was emitted');
  const html = readFileSync(path.join(dir, 'dist/index.html'), 'utf8');
  for (const name of scripts) assert.ok(html.includes(`/assets/${name}`), `index.html loads ${name}`);
  const bundle = scripts.map((name) => readFileSync(path.join(assets, name), 'utf8')).join('\n');
  assert.match(bundle, /\/api/, 'the client is pointed at the proxy path');
  assert.ok(!bundle.includes('CONVOSO_AUTH_TOKEN'), 'no reference to the token variable');
  assert.ok(!bundle.includes('is not enabled on this proxy'), 'the proxy is not in the page');
  assert.ok(!/from\s*["']node:/.test(bundle), 'no Node built-in is imported');
});

/** Runs Vite's dev server on a free port of the range; resolves once it serves the page. */
async function startDevServer(env) {
  const port = await freePort(8962, 8969);
  const child = spawn(process.execPath, [tool('vite/bin/vite.js'), '--port', String(port), '--strictPort'], {
    cwd: dir,
    env: { ...env, PORT: String(port), NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const server = { child, origin: `http://127.0.0.1:${port}`, log: '', exit: null };
  child.stdout.on('data', (chunk) => (server.log += chunk));
  child.stderr.on('data', (chunk) => (server.log += chunk));
  server.exited = new Promise((resolve) => child.once('exit', (code) => resolve((server.exit = code ?? 1))));
  const deadline = Date.now() + 30_000;
  while (server.exit === null && Date.now() < deadline) {
    try {
      if ((await fetch(server.origin)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return server;
}

async function stopDevServer(server) {
  if (server.exit === null) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

test('the dev server refuses to start without CONVOSO_AUTH_TOKEN, and says why', async () => {
  const env = { ...process.env };
  delete env.CONVOSO_AUTH_TOKEN;
  const server = await startDevServer(env);
  try {
    await Promise.race([server.exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    assert.notEqual(server.exit, null, 'it exited');
    assert.notEqual(server.exit, 0);
    assert.match(server.log, /Set CONVOSO_AUTH_TOKEN/);
  } finally {
    await stopDevServer(server);
  }
});

/** Calls the sandbox directly, with the token, to see what the app did. */
async function sandboxSearch(params) {
  const body = new URLSearchParams({ ...params, auth_token: sandbox.token });
  const json = await (await fetch(`${sandbox.url}/leads/search`, { method: 'POST', body })).json();
  const data = json.data ?? json;
  return data.entries ?? data.results ?? [];
}

/** A valid US number, area code 415 and an exchange that is not N11: new to the sandbox. */
function freshPhone() {
  const exchange = 200 + Math.floor(Math.random() * 800);
  const line = String(Math.floor(Math.random() * 10_000)).padStart(4, '0');
  return `415${exchange % 100 === 11 ? exchange + 1 : exchange}${line}`;
}

/** The message a real service error gets from `fieldErrors`, from a call made here. */
async function serviceProblem(params) {
  const client = new lib.ConvosoClient({ authToken: sandbox.token, baseUrl: sandbox.url, maxRetries: 0 });
  const error = await client.insertLead(params).then(
    () => assert.fail('the sandbox accepted it'),
    (e) => e,
  );
  assert.ok(error instanceof lib.ConvosoApiError, `a service error, not ${error?.name}`);
  return { code: error.code, problems: lib.fieldErrors(error) };
}

describe('in Chromium, through the dev server\'s proxy, against the sandbox', () => {
  let server;
  let browser;
  let page;
  const requests = [];
  const bodies = [];
  const pageErrors = [];
  const consoleErrors = [];
  const phone = freshPhone();
  const formatted = `(${phone.slice(0, 3)}) ${phone.slice(3, 6)}-${phone.slice(6)}`;
  let leadId;

  before(async () => {
    server = await startDevServer({ ...process.env, CONVOSO_AUTH_TOKEN: sandbox.token, CONVOSO_UPSTREAM: sandbox.url });
    assert.equal(server.exit, null, `the dev server runs:\n${server.log}`);
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    page.on('request', (request) => {
      const headers = request.allHeaders().then(JSON.stringify, () => null);
      requests.push({ url: request.url(), headers, body: request.postData() ?? '' });
    });
    page.on('response', (response) => {
      bodies.push(
        response.body().then(
          (body) => ({ url: response.url(), body: body.toString('latin1') }),
          () => ({ url: response.url(), body: null }),
        ),
      );
    });
    await page.goto(server.origin);
    await page.getByRole('heading', { name: 'New lead' }).waitFor();
  });
  after(async () => {
    await browser?.close();
    if (server) await stopDevServer(server);
  });

  const input = (name) => page.locator(`#${name}`);
  /** The text of the element an input's aria-describedby names ('' when it names none). */
  const description = (name) =>
    input(name).evaluate((el) => {
      const ids = el.getAttribute('aria-describedby');
      return ids ? ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : '';
    });
  const submit = () => page.getByRole('button', { name: 'Add lead' }).click();
  const outcome = () => page.getByTestId('outcome');

  test('a bad phone: nothing while typing; on blur, the schema\'s message on the field, aria-invalid', async () => {
    const bad = phone.slice(0, 8);
    const expected = lib.leadSchema['~standard'].validate({ list_id: '333', phone_number: bad }).issues;
    assert.deepEqual(expected.map((issue) => [issue.path[0], issue.code]), [['phone_number', 6008]]);

    await page.getByLabel('List ID').fill('333');
    await page.getByLabel('Phone number').fill(bad);
    assert.equal(await input('phone_number').getAttribute('aria-invalid'), null, 'mode onTouched: not while typing');
    await input('phone_number').press('Tab');

    await page.locator('#phone_number[aria-invalid="true"]').waitFor();
    assert.equal(await description('phone_number'), expected[0].message);
    assert.equal(await page.locator('#phone_number-error').innerText(), expected[0].message);
    assert.equal(await input('list_id').getAttribute('aria-invalid'), null, 'a valid field is not flagged');
    assert.equal(await input('first_name').getAttribute('aria-invalid'), null, 'an untouched field is not flagged');
  });

  test('fixed, the message goes; submitted, the lead is inserted normalised and the page says so', async () => {
    await page.getByLabel('Phone number').fill(formatted);
    await page.locator('#phone_number:not([aria-invalid])').waitFor();
    assert.equal(await description('phone_number'), '');
    assert.deepEqual(await sandboxSearch({ phone_number: phone }), [], 'the phone is new to the sandbox');

    await page.getByLabel('First name').fill('  Ada ');
    await page.getByLabel('Last name').fill('Lovelace');
    await page.getByLabel('Email').fill('ada@example.com');
    await submit();
    await outcome().filter({ hasText: /created/ }).waitFor();
    leadId = /Lead (\d+) created/.exec(await outcome().innerText())?.[1];
    assert.ok(leadId, 'the page shows the new lead\'s id');

    const found = await sandboxSearch({ phone_number: phone });
    assert.equal(found.length, 1);
    assert.equal(String(found[0].id ?? found[0].lead_id), leadId);
    assert.equal(String(found[0].list_id), '333');
    assert.equal(found[0].first_name, 'Ada', 'trimmed by the schema');
    assert.equal(found[0].last_name, 'Lovelace');
    assert.equal(found[0].email, 'ada@example.com');
    assert.equal(String(found[0].phone_number), phone, 'sent as digits');

    const inserts = requests.filter((r) => r.url === `${server.origin}/api/leads/insert`);
    assert.equal(inserts.length, 1, 'one call, to the proxy path');
    assert.deepEqual(Object.fromEntries(new URLSearchParams(inserts[0].body)), {
      list_id: '333',
      phone_number: phone,
      phone_code: '1',
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@example.com',
      check_dup: '1',
    });
    assert.equal(await page.getByLabel('Phone number').inputValue(), '', 'the form is cleared for the next lead');
    assert.equal(await page.getByLabel('List ID').inputValue(), '333', 'keeping the list');
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(pageErrors, []);
  });

  test('the same phone again: the service\'s 6009, through fieldErrors, on the phone field', async () => {
    const { code, problems } = await serviceProblem({ list_id: '333', phone_number: phone, check_dup: 1 });
    assert.equal(code, 6009);
    assert.deepEqual(problems.map((p) => p.field), ['phone_number']);

    await page.getByLabel('Phone number').fill(phone);
    await submit();
    await page.locator('#phone_number[aria-invalid="true"]').waitFor();
    assert.equal(await description('phone_number'), problems[0].message);
    assert.equal(await outcome().innerText(), '', 'no success shown');
    assert.equal((await sandboxSearch({ phone_number: phone })).length, 1, 'still one lead');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'phone_number', 'focus is on the field');
  });

  test('an unknown list: the service\'s 6002 on the list field', async () => {
    const other = freshPhone();
    const { code, problems } = await serviceProblem({ list_id: '98765', phone_number: other, check_dup: 1 });
    assert.equal(code, 6002);
    assert.deepEqual(problems.map((p) => p.field), ['list_id']);

    await page.getByLabel('List ID').fill('98765');
    await page.getByLabel('Phone number').fill(other);
    await submit();
    await page.locator('#list_id[aria-invalid="true"]').waitFor();
    assert.equal(await description('list_id'), problems[0].message);
    assert.deepEqual(await sandboxSearch({ phone_number: other }), []);
  });

  test('a service error of no field (6023, a list\'s required fields): shown for the form', async () => {
    const other = freshPhone();
    // List 335 requires first_name, last_name and email.
    const { code, problems } = await serviceProblem({ list_id: '335', phone_number: other, check_dup: 1 });
    assert.equal(code, 6023);
    assert.deepEqual(problems, []);

    await page.getByLabel('List ID').fill('335');
    await page.getByLabel('Phone number').fill(other);
    await page.getByLabel('First name').fill('');
    await page.getByLabel('Last name').fill('');
    await page.getByLabel('Email').fill('');
    await submit();
    await outcome().filter({ hasText: /Not created/ }).waitFor();
    assert.equal(await page.locator('[aria-invalid="true"]').count(), 0, 'no field is blamed');
  });

  test('the proxy forwards only inserts with the form\'s fields, and drops a token the page sends', async () => {
    const other = freshPhone();
    const answers = await page.evaluate(async (other) => {
      const post = async (endpoint, body) => {
        const response = await fetch(`/api/leads/${endpoint}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body,
        });
        return { status: response.status, json: await response.json() };
      };
      return {
        search: await post('search', 'list_id=333'),
        field: await post('insert', `list_id=333&phone_number=${other}&status=SALE`),
        token: await post('insert', `list_id=333&phone_number=${other}&auth_token=from-the-page`),
      };
    }, other);
    assert.equal(answers.search.status, 403);
    assert.equal(answers.field.status, 403);
    assert.match(answers.field.json.error, /status/);
    assert.equal(answers.token.status, 200, 'the page\'s token is dropped, the server\'s used');
    assert.equal(answers.token.json.success, true);
    assert.equal((await sandboxSearch({ phone_number: other })).length, 1);
  });

  test('the token is in no request the browser made, no answer it got, the page or the dev server\'s log', async () => {
    const seen = await Promise.all(bodies);
    assert.ok(requests.length > 5 && seen.length > 5, 'the page loaded through the dev server');
    assert.ok(requests.some((r) => r.url.endsWith('/api/leads/insert')), 'the inserts are among the requests checked');
    assert.ok(seen.some((s) => s.url.includes('NewLeadForm') && s.body?.includes('leadSchema')), 'the app\'s code is among the answers checked');
    assert.deepEqual(seen.filter((s) => s.body === null && !s.url.startsWith('data:')).map((s) => s.url), [], 'every answer was read');
    for (const request of requests) {
      const headers = await request.headers;
      assert.ok(headers, `the headers of ${request.url} were read`);
      assert.ok(!request.url.includes(sandbox.token), `not in ${request.url}`);
      assert.ok(!headers.includes(sandbox.token), `not in the headers of ${request.url}`);
      assert.ok(!request.body.includes(sandbox.token), `not in the body sent to ${request.url}`);
    }
    for (const { url, body } of seen) assert.ok(!body?.includes(sandbox.token), `not in the answer from ${url}`);
    const storage = await page.evaluate(() => [document.documentElement.outerHTML, document.cookie, JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })].join('\n'));
    assert.ok(!storage.includes(sandbox.token), 'not in the page, its cookies or storage');
    assert.ok(!requests.some((r) => r.url.startsWith(sandbox.url)), 'the browser never calls the sandbox itself');
    assert.ok(!server.log.includes(sandbox.token), 'not in the dev server\'s output');
    assert.deepEqual(pageErrors, []);
  });
});
