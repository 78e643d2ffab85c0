// The README's plain-HTML form (the ```html block under "A plain HTML form"), as a reader would
// use it: its markup served as a page, its module script bundled by esbuild against the packed
// package, driven in headless Chromium. The page's calls to /api are answered by the test in the
// live service's shapes (an HTTP 200 `data` envelope; a `code`/`text` refusal), and recorded.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium, serveStatic } from '../lib/chromium.mjs';
import { BIN, project, ROOT, run } from '../pack/lib/package.mjs';

const PORTS = { first: 19300, last: 19349 };

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const section = README.slice(README.indexOf('### A plain HTML form'));
const BLOCK = /```html\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
const SCRIPT = /<script type="module">\n([\s\S]*?)<\/script>/.exec(BLOCK)?.[1] ?? '';
const MARKUP = BLOCK.replace(/<script type="module">[\s\S]*?<\/script>/, '<script type="module" src="app.js"></script>');

let browser;
let site;
let page;
/** The bodies the page sent to /api/leads/insert, and what the test answers next. */
const sent = [];
const answers = [];
const errors = [];
const cleanups = [];

before(async () => {
  assert.match(SCRIPT, /bindLeadForm\(form/, 'the README block has its module script');
  const dir = await project(
    { after: (cleanup) => cleanups.push(cleanup) },
    { type: 'module', files: { 'src/app.js': SCRIPT, 'site/index.html': `<!doctype html>\n<html lang="en">\n<body>\n${MARKUP}</body>\n</html>\n` } },
  );
  await run(path.join(BIN, 'esbuild'), ['src/app.js', '--bundle', '--format=esm', '--outfile=site/app.js', '--log-level=warning'], { cwd: dir });
  site = await serveStatic(path.join(dir, 'site'), PORTS);
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('pageerror', (error) => errors.push(error));
  await page.route(`${site.origin}/api/**`, (route) => {
    const request = route.request();
    sent.push({ method: request.method(), path: new URL(request.url()).pathname, body: Object.fromEntries(new URLSearchParams(request.postData() ?? '')) });
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(answers.shift() ?? { success: false, code: 500, text: 'unexpected' }) });
  });
  await page.goto(`${site.origin}/`);
});

after(async () => {
  await browser?.close();
  await site?.close();
  cleanups.forEach((cleanup) => cleanup());
});

const phone = () => page.locator('[name="phone_number"]');
const output = () => page.locator('output').textContent();

test('a bad phone: its message on the field after blur, and submitting sends nothing', async () => {
  await phone().click();
  await phone().pressSequentially('(201) 155-0123');
  await page.locator('[name="email"]').click();
  const message = await phone().evaluate((input) => input.validationMessage);
  assert.match(message, /exchange/i);
  assert.equal(await phone().getAttribute('aria-invalid'), 'true');
  await page.locator('button').click();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'phone_number');
  assert.deepEqual(sent, []);
  assert.deepEqual(errors, []);
});

test('fixed and submitted: the normalised lead is sent, with no token, and the page says it was added', async () => {
  answers.push({ success: true, data: { lead_id: 4242 }, id: 1 });
  await phone().fill('');
  await phone().pressSequentially('(201) 555-0123');
  await page.locator('button').click();
  await page.waitForFunction(() => document.querySelector('output')?.textContent !== '');
  assert.equal(await output(), 'Lead 4242 added');
  assert.deepEqual(sent, [{ method: 'POST', path: '/api/leads/insert', body: { list_id: '333', phone_number: '2015550123', phone_code: '1' } }]);
  assert.equal(await phone().inputValue(), '2015550123');
  assert.deepEqual(errors, []);
});

test("the service's refusal (6009, HTTP 200) is shown through fieldErrors, in words", async () => {
  answers.push({ success: false, code: 6009, text: 'Duplicate phone' });
  await page.locator('button').click();
  await page.waitForFunction(() => document.querySelector('output')?.textContent !== 'Lead 4242 added');
  assert.equal(await output(), 'A lead with this phone number already exists');
  assert.equal(sent.length, 2);
  assert.deepEqual(errors, []);
});
