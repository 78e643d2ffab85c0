// The demo app end to end, in a real browser, against the sandbox behind the app's proxy:
// create a lead through live validation, find it, play a recording, update it, delete it, and
// bulk-import a CSV with good and bad rows. The tests run in order and share one page.
// Needs APP_URL (the app server), SANDBOX_URL and SANDBOX_TOKEN: scripts/test/e2e.sh sets them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot } from './browser.mjs';

const { APP_URL, SANDBOX_URL, SANDBOX_TOKEN } = process.env;
if (!APP_URL || !SANDBOX_URL || !SANDBOX_TOKEN) {
  throw new Error('APP_URL, SANDBOX_URL and SANDBOX_TOKEN must be set: run scripts/test/e2e.sh');
}

let browser;
let page;
const pageErrors = [];
const requests = [];

before(async () => {
  ({ browser, page } = await launch());
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('request', (request) => requests.push({ url: request.url(), body: request.postData() ?? '' }));
});

after(async () => {
  await browser?.close();
});

/** Calls the sandbox directly (with the token), to check what the app did. */
async function sandbox(endpoint, params) {
  const body = new URLSearchParams({ ...params, auth_token: SANDBOX_TOKEN });
  const response = await fetch(`${SANDBOX_URL}/leads/${endpoint}`, { method: 'POST', body });
  const json = await response.json();
  return json.data ?? json;
}

async function leadsWithPhone(phone) {
  const found = await sandbox('search', { phone_number: phone, limit: '10' });
  return found.entries ?? found.results ?? [];
}

/** A valid US number (area code 415, an exchange that is not N11), random enough to be new. */
function freshPhone() {
  const exchange = 200 + Math.floor(Math.random() * 800);
  const line = String(Math.floor(Math.random() * 10_000)).padStart(4, '0');
  return `415${exchange % 100 === 11 ? exchange + 1 : exchange}${line}`;
}

/** Opens a screen on a fresh page load (a hash change alone would keep the old screen's state). */
async function go(hash) {
  await page.goto('about:blank');
  await page.goto(`${APP_URL}${hash}`);
}
const field = (name) => page.locator(`#field-${name}`);
const fieldError = (name) => page.locator(`#field-${name}-error`);
const submitButton = () => page.locator('form.lead-form button[type=submit]');

const phone = freshPhone();
let leadId;

test('new lead: an invalid phone and email show the validators\' messages, the browser\'s way, and block submit', async () => {
  await go('#/new');
  await field('list_id').fill('333');
  await field('first_name').fill('Grace');
  await field('last_name').fill('Hopper');
  await field('phone_number').fill('555-12');
  await field('email').fill('grace@');
  await field('email').blur();

  // bindLeadForm: a field shows its message once left, in the element aria-describedby names.
  assert.equal(await fieldError('phone_number').innerText(), 'Enter all 10 digits: area code and number');
  assert.equal(await fieldError('email').innerText(), '“grace@” needs a domain after the @');
  for (const name of ['phone_number', 'email']) {
    assert.equal(await field(name).getAttribute('aria-invalid'), 'true', name);
    assert.equal(await field(name).getAttribute('aria-describedby'), `field-${name}-error`, name);
    assert.equal(await field(name).evaluate((c) => c.validationMessage), await fieldError(name).innerText(), name);
  }
  // An invalid submit sends nothing and takes the person to the first field to fix.
  await submitButton().click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'field-phone_number');
  assert.equal(await page.getByTestId('new-lead-id').count(), 0);
  await screenshot(page, 'new-lead-errors');
});

test('new lead: fixing the fields clears the messages as the person types, and submit inserts the lead', async () => {
  await field('phone_number').fill(`(${phone.slice(0, 3)}) ${phone.slice(3, 6)}-${phone.slice(6)}`);
  await field('email').fill('grace.hopper@example.com');
  await field('city').fill('Arlington');
  await field('state').fill('VA');
  await field('email').blur();
  assert.equal(await fieldError('phone_number').innerText(), '');
  assert.equal(await fieldError('email').innerText(), '');
  assert.equal(await field('phone_number').getAttribute('aria-invalid'), null);
  // Left once, the phone was rewritten to Convoso's digits.
  assert.equal(await field('phone_number').inputValue(), phone);

  await submitButton().click();
  const link = page.getByTestId('new-lead-id');
  await link.waitFor();
  leadId = await link.innerText();
  assert.match(leadId, /^\d+$/);
  await screenshot(page, 'new-lead-created');

  const stored = await leadsWithPhone(phone);
  assert.equal(stored.length, 1, 'exactly one lead with the new phone');
  assert.equal(String(stored[0].id ?? stored[0].lead_id), leadId);
  assert.equal(stored[0].first_name, 'Grace');
});

test('new lead: a service error (6009 duplicate phone) is shown on the form and on its field', async () => {
  await go('#/new');
  await field('list_id').fill('333');
  await field('phone_number').fill(phone);
  await field('phone_number').blur();
  await submitButton().click();
  const banner = page.locator('.form-banner [role=alert]');
  await banner.waitFor();
  assert.match(await banner.innerText(), /6009/);
  assert.equal(await fieldError('phone_number').innerText(), 'A lead with this phone number already exists');
  await screenshot(page, 'new-lead-duplicate');
  assert.equal((await leadsWithPhone(phone)).length, 1, 'no second lead was created');
});

test('search: the new lead is found by its phone; paging and load-all cover every lead', async () => {
  await go('#/search');
  await page.locator('#filter-phone_number').fill(phone);
  await page.locator('form.filters button[type=submit]').click();
  const row = page.locator(`tr[data-lead-id="${leadId}"]`);
  await row.waitFor();
  assert.match(await row.innerText(), /Grace\s+Hopper/);
  assert.equal(await page.locator('table.leads tbody tr').count(), 1);

  await page.locator('form.filters button[type=reset]').click();
  await page.getByTestId('page-info').filter({ hasText: /^1–25 of \d+$/ }).waitFor();
  const total = Number((await page.getByTestId('page-info').innerText()).split(' of ')[1]);
  assert.ok(total > 25, `the seeded sandbox has more than one page (total ${total})`);
  await screenshot(page, 'search', { fullPage: false });

  await page.getByRole('button', { name: 'Next →' }).click();
  await page.getByTestId('page-info').filter({ hasText: `26–${Math.min(50, total)} of ${total}` }).waitFor();

  await page.getByRole('button', { name: 'Load all' }).click();
  const done = page.locator('.notice', { hasText: /^Loaded all \d+ matching leads\.$/ });
  await done.waitFor();
  assert.equal(await done.innerText(), `Loaded all ${total} matching leads.`);
  assert.equal(await page.locator('table.leads tbody tr').count(), total);
});

test('lead detail: a recording plays in the audio element', async () => {
  // A seeded lead that has recordings (found through the sandbox directly).
  const seeded = (await sandbox('search', { limit: '50' })).entries ?? [];
  let withRecording;
  for (const lead of seeded) {
    const id = String(lead.id ?? lead.lead_id);
    if (((await sandbox('get-recordings', { lead_id: id })).entries ?? []).length > 0) {
      withRecording = id;
      break;
    }
  }
  assert.ok(withRecording, 'the seeded sandbox has a lead with recordings');

  await go(`#/lead/${withRecording}`);
  const audio = page.locator('.recording-list audio').first();
  await audio.waitFor();
  const state = await audio.evaluate(async (element) => {
    if (element.readyState < 1) {
      await new Promise((resolve, reject) => {
        element.addEventListener('loadedmetadata', resolve, { once: true });
        element.addEventListener('error', () => reject(new Error(`media error ${element.error?.code}`)), { once: true });
      });
    }
    element.muted = true;
    await element.play();
    await new Promise((resolve) => setTimeout(resolve, 400));
    return {
      readyState: element.readyState,
      duration: element.duration,
      currentTime: element.currentTime,
      error: element.error ? element.error.code : null,
    };
  });
  assert.equal(state.error, null);
  assert.ok(state.readyState >= 2, `audio has data (readyState ${state.readyState})`);
  assert.ok(Number.isFinite(state.duration) && state.duration > 0, `duration ${state.duration}`);
  assert.ok(state.currentTime > 0, `playback advanced (currentTime ${state.currentTime})`);
  await audio.evaluate((element) => element.pause());
  await screenshot(page, 'lead-detail');
});

test('lead detail: an update shows up', async () => {
  await go(`#/lead/${leadId}`);
  await page.getByRole('button', { name: 'Edit' }).click();
  await field('city').fill('Springfield');
  await field('email').fill('not-an-email');
  await field('email').blur();
  assert.equal(await submitButton().isDisabled(), true, 'an invalid edit cannot be saved');
  await field('email').fill('admiral@example.com');
  await field('email').blur();
  await screenshot(page, 'lead-edit');
  await submitButton().click();
  await page.locator('.notice.success', { hasText: 'Lead updated.' }).waitFor();
  await page.locator('[data-field=city] dd', { hasText: 'Springfield' }).waitFor();
  assert.equal(await page.locator('[data-field=email] dd').innerText(), 'admiral@example.com');
  const [stored] = await leadsWithPhone(phone);
  assert.equal(stored.city, 'Springfield');
});

test('lead detail: delete asks for confirmation, then removes the lead', async () => {
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.locator('dialog.confirm');
  await dialog.waitFor();
  await screenshot(page, 'lead-delete-confirm');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.equal((await leadsWithPhone(phone)).length, 1, 'cancel keeps the lead');

  await page.getByRole('button', { name: 'Delete' }).click();
  await dialog.getByRole('button', { name: 'Delete lead' }).click();
  await page.locator('.notice.success', { hasText: `Lead ${leadId} deleted.` }).waitFor();
  assert.equal((await leadsWithPhone(phone)).length, 0);

  await go('#/search');
  await page.locator('#filter-phone_number').fill(phone);
  await page.locator('form.filters button[type=submit]').click();
  await page.locator('.empty', { hasText: 'No leads match these filters.' }).waitFor();
});

test('bulk import: good rows are inserted, bad rows are reported and not sent', async () => {
  const good = [freshPhone(), freshPhone(), freshPhone()];
  const bad = ['12345', freshPhone(), freshPhone()];
  const csv = [
    'First Name,Last Name,Phone Number,Email,List ID,Favourite colour',
    `Ada,Lovelace,${good[0]},ada@example.com,333,green`,
    `Alan,Turing,${bad[0]},alan@example.com,333,blue`,
    `"Hopper, Grace",,${good[1]},,333,`,
    `Edsger,Dijkstra,${bad[1]},edsger@,333,red`,
    `Barbara,Liskov,${bad[2]},barbara@example.com,,`,
    `Donald,Knuth,${good[2]},don@example.com,333,`,
  ].join('\n');
  await go('#/import');
  await page.locator('#csv-text').fill(csv);
  await page.getByRole('button', { name: 'Check rows' }).click();
  const summary = page.getByTestId('check-summary');
  await summary.waitFor();
  assert.match(await summary.innerText(), /^3 of 6 rows are ready/);
  assert.match(await page.locator('.notice', { hasText: 'Ignored columns' }).innerText(), /favourite_colour/);
  const rowResult = (row) => page.locator(`tr[data-row="${row}"] [data-testid=row-result]`);
  assert.equal(await rowResult(2).locator('li').getAttribute('data-code'), '6008');
  assert.equal(await rowResult(4).locator('li').getAttribute('data-code'), '6079');
  assert.match(await rowResult(5).innerText(), /List ID/);
  await screenshot(page, 'bulk-import-check');

  await page.getByRole('button', { name: 'Import 3 valid rows' }).click();
  const result = page.getByTestId('import-summary');
  await result.waitFor();
  assert.equal(await result.innerText(), '3 inserted, 3 not inserted.');
  for (const row of [1, 3, 6]) assert.match(await rowResult(row).innerText(), /^Inserted as \d+$/);
  for (const row of [2, 4, 5]) assert.ok((await rowResult(row).locator('li').count()) > 0, `row ${row} shows its errors`);
  await screenshot(page, 'bulk-import-result');

  for (const number of good) assert.equal((await leadsWithPhone(number)).length, 1, `${number} was inserted once`);
  for (const number of bad.slice(1)) assert.equal((await leadsWithPhone(number)).length, 0, `${number} was not sent`);
  const [hopper] = await leadsWithPhone(good[1]);
  assert.equal(hopper.first_name, 'Hopper, Grace', 'quoted CSV fields keep their commas');

  // Importing the same file again: the duplicate check makes the service refuse each good row.
  await page.getByRole('button', { name: 'Back to check' }).click();
  assert.match(await page.locator('.notice', { hasText: 'Ignored columns' }).innerText(), /favourite_colour/);
  await page.getByRole('button', { name: 'Import 3 valid rows' }).click();
  await page.getByTestId('import-summary').filter({ hasText: '0 inserted, 6 not inserted.' }).waitFor();
  for (const row of [1, 3, 6]) assert.match(await rowResult(row).innerText(), /6009/);
  for (const number of good) assert.equal((await leadsWithPhone(number)).length, 1, `${number} still exists once`);
});

test('bulk import: an uploaded file is read, and the default list fills rows without one', async () => {
  const number = freshPhone();
  await go('#/import');
  await page.locator('#default-list').fill('334');
  await page.locator('#csv-file').setInputFiles({
    name: 'leads.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`phone_number,first_name\n${number},Katherine\nnope,Dorothy\n`),
  });
  await page.getByTestId('check-summary').filter({ hasText: /^1 of 2 rows are ready/ }).waitFor();
  assert.equal(await page.locator('#csv-text').inputValue(), `phone_number,first_name\n${number},Katherine\nnope,Dorothy\n`);
  await page.getByRole('button', { name: 'Import 1 valid row' }).click();
  await page.getByTestId('import-summary').filter({ hasText: '1 inserted, 1 not inserted.' }).waitFor();
  const [stored] = await leadsWithPhone(number);
  assert.equal(stored.list_id, '334');
  assert.equal(stored.first_name, 'Katherine');
});

test('the page never held the token and raised no script errors', () => {
  assert.deepEqual(pageErrors, []);
  assert.ok(requests.some((r) => r.url.includes('/api/leads/')), 'the app called its proxy');
  for (const { url, body } of requests) {
    assert.ok(!url.includes(SANDBOX_TOKEN) && !body.includes(SANDBOX_TOKEN), `token sent by the page to ${url}`);
    if (url.includes('/leads/')) assert.ok(url.startsWith(`${APP_URL}api/`), `API call bypassed the proxy: ${url}`);
  }
});
