// bindLeadForm in headless Chromium, from the packed package: a page bundled by esbuild from a
// throwaway project that installed the tarball, driven by playwright-core with real typing,
// focus changes and submits. Covers when a field shows its issue (blur first, then as the
// person types, an unfinished value waiting for blur), the Constraint Validation and ARIA state,
// the phone rewritten on blur, submit blocked and allowed, the update form, and unbinding.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchChromium, serveStatic } from '../lib/chromium.mjs';
import { BIN, project, run } from '../pack/lib/package.mjs';

const PORTS = { first: 19300, last: 19349 };

// The page: two forms, the binding exposed to the test through window.forms.
const PAGE = `<!doctype html>
<html lang="en">
<body>
  <form id="insert">
    <label>List ID <input name="list_id"></label>
    <label>Phone <input name="phone_number"></label>
    <label>Email <input name="email"></label>
    <p><label>First name <input name="first_name" aria-describedby="hint"></label><span id="hint">Optional</span></p>
    <span data-error-for="first_name" id="first-error"></span>
    <input name="not_a_field" value="kept out">
    <button>Add</button>
  </form>
  <form id="update" action="submitted.html">
    <label>Lead ID <input name="lead_id"></label>
    <label>Phone <input name="phone_number"></label>
    <button>Save</button>
  </form>
  <script type="module" src="app.js"></script>
</body>
</html>`;

const APP = `import { bindLeadForm, updateSchema } from 'convoso-leads/validate';
// Every listener on a form, added and not yet removed, to prove unbind() removes all it added.
const ids = new WeakMap();
const live = new Set();
let next = 0;
const keyOf = (type, listener) => {
  if (!ids.has(listener)) ids.set(listener, ++next);
  return type + ' ' + ids.get(listener);
};
const add = EventTarget.prototype.addEventListener;
const remove = EventTarget.prototype.removeEventListener;
EventTarget.prototype.addEventListener = function (type, listener, options) {
  if (this instanceof HTMLFormElement) live.add(keyOf(type, listener));
  return add.call(this, type, listener, options);
};
EventTarget.prototype.removeEventListener = function (type, listener, options) {
  if (this instanceof HTMLFormElement) live.delete(keyOf(type, listener));
  return remove.call(this, type, listener, options);
};
window.submitted = [];
window.forms = {
  bindLeadForm,
  updateSchema,
  listeners: () => live.size,
  bindInsert: (options = {}) =>
    (window.unbindInsert = bindLeadForm(document.getElementById('insert'), { onValid: (p) => window.submitted.push(p), ...options })),
};
window.unbindInsert = window.forms.bindInsert();
window.ready = true;
`;

let browser;
let site;
let page;
const cleanups = [];

before(async () => {
  const dir = await project({ after: (cleanup) => cleanups.push(cleanup) }, { type: 'module', files: { 'src/app.js': APP, 'site/index.html': PAGE, 'site/submitted.html': '<!doctype html><title>Sent</title>' } });
  await run(path.join(BIN, 'esbuild'), ['src/app.js', '--bundle', '--format=esm', '--outfile=site/app.js', '--log-level=warning'], { cwd: dir });
  site = await serveStatic(path.join(dir, 'site'), PORTS);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
  cleanups.forEach((cleanup) => cleanup());
});

/** A fresh page with the insert form bound. */
async function open() {
  page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`${site.origin}/`);
  await page.waitForFunction(() => window.ready === true);
  return errors;
}

/** The field's validity and ARIA state, and the text of the element it is described by. */
function state(name, form = 'insert') {
  return page.evaluate(
    ([name, form]) => {
      const control = document.querySelector(`#${form} [name="${name}"]`);
      const ids = control.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
      return {
        validationMessage: control.validationMessage,
        invalid: control.getAttribute('aria-invalid'),
        described: ids.map((id) => document.getElementById(id)?.textContent ?? null),
        value: control.value,
      };
    },
    [name, form],
  );
}

const field = (name, form = 'insert') => page.locator(`#${form} [name="${name}"]`);

test('an unfinished phone waits for blur; then its message shows the browser\'s way', async () => {
  const errors = await open();
  await field('phone_number').click();
  await field('phone_number').pressSequentially('201555');
  assert.deepEqual(await state('phone_number'), { validationMessage: '', invalid: null, described: [], value: '201555' });
  await field('email').click(); // blur
  const shown = await state('phone_number');
  assert.equal(shown.validationMessage, 'Enter all 10 digits: area code and number');
  assert.equal(shown.invalid, 'true');
  assert.deepEqual(shown.described, ['Enter all 10 digits: area code and number']);
  assert.deepEqual(errors, []);
});

test('after the first blur the field updates as the person types', async () => {
  await field('phone_number').click();
  // Typing on to a full number clears the message at once.
  await field('phone_number').pressSequentially('0123');
  assert.equal((await state('phone_number')).validationMessage, '');
  assert.equal((await state('phone_number')).invalid, null);
  // A prefix no typing can fix shows at once.
  await field('phone_number').fill('');
  await field('phone_number').pressSequentially('201055');
  assert.equal((await state('phone_number')).validationMessage, 'The exchange (digits 4-6) cannot start with 0 or 1');
  await field('phone_number').fill('');
  await field('phone_number').pressSequentially('(201) 555-0123');
  assert.deepEqual((await state('phone_number')).invalid, null);
});

test('blur rewrites a valid phone to its digits', async () => {
  await field('list_id').click();
  assert.equal((await state('phone_number')).value, '2015550123');
});

test('a bad email shows a message naming the address', async () => {
  await field('email').fill('ada@example.com, bad@');
  // Never blurred yet: typing shows nothing, finished or not.
  assert.equal((await state('email')).validationMessage, '');
  await field('first_name').click();
  const email = await state('email');
  assert.equal(email.validationMessage, '“bad@” needs a domain after the @');
  assert.equal(email.invalid, 'true');
});

test('an existing [data-error-for] element is used, and aria-describedby keeps its own ids', async () => {
  await page.evaluate(() => {
    // first_name takes no rule; force an issue on it through a schema that always objects.
    window.unbindInsert();
    window.unbindInsert = window.forms.bindLeadForm(document.getElementById('insert'), {
      schema: { '~standard': { version: 1, vendor: 'test', validate: () => ({ issues: [{ message: 'Say who', path: ['first_name'] }] }) } },
    });
  });
  await field('first_name').click();
  await field('list_id').click();
  const first = await state('first_name');
  assert.deepEqual(first.described, ['Optional', 'Say who']);
  assert.equal(await page.locator('#first-error').textContent(), 'Say who');
  await page.evaluate(() => window.unbindInsert());
  assert.deepEqual((await state('first_name')).described, ['Optional'], 'unbind restores aria-describedby');
  assert.equal(await page.locator('#first-error').textContent(), '', 'and clears the message it set');
});

test('submit is blocked on an invalid form, focusing the first invalid field; onValid is not called', async () => {
  await page.close();
  await open();
  await field('phone_number').fill('12');
  await page.locator('#insert button').click();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'list_id');
  assert.equal((await state('list_id')).validationMessage, 'Enter the list ID');
  // On submit an unfinished value shows too: the person is done typing.
  assert.equal((await state('phone_number')).validationMessage, 'Enter all 10 digits: area code and number');
  assert.deepEqual(await page.evaluate(() => window.submitted), []);
  assert.equal(page.url(), `${site.origin}/`, 'the page did not navigate');
});

test('a valid submit calls onValid with the normalised request, other inputs left out', async () => {
  await field('list_id').fill(' 333 ');
  await field('phone_number').fill('+1 (201) 555-0123');
  await field('first_name').fill(' Ada ');
  await page.locator('#insert button').click();
  assert.deepEqual(await page.evaluate(() => window.submitted), [
    { list_id: '333', phone_number: '2015550123', phone_code: '1', first_name: 'Ada' },
  ]);
  for (const name of ['list_id', 'phone_number']) assert.equal((await state(name)).invalid, null, name);
});

test('normalizePhone: false leaves the phone as typed', async () => {
  await page.evaluate(() => {
    window.unbindInsert();
    window.forms.bindInsert({ normalizePhone: false });
  });
  await field('phone_number').fill('(201) 555-0123');
  await field('list_id').click();
  assert.equal((await state('phone_number')).value, '(201) 555-0123');
});

test('the update form, with updateSchema, requires lead_id; without onValid a valid form submits natively', async () => {
  await page.evaluate(() => {
    window.unbindUpdate = window.forms.bindLeadForm(document.getElementById('update'), { schema: window.forms.updateSchema });
  });
  await field('phone_number', 'update').fill('2015550123');
  await page.locator('#update button').click();
  assert.equal((await state('lead_id', 'update')).validationMessage, "Enter the lead's ID: digits only");
  assert.equal(page.url(), `${site.origin}/`);
  await field('lead_id', 'update').fill('12345');
  await Promise.all([page.waitForURL(/\/submitted\.html\?lead_id=12345&phone_number=2015550123$/), page.locator('#update button').click()]);
});

test('unbind removes every listener, element and attribute it added', async () => {
  await page.close();
  await open();
  const bound = await page.evaluate(() => window.forms.listeners());
  assert.ok(bound >= 3, `listeners on the form while bound: ${bound}`);
  await field('phone_number').fill('12');
  await field('list_id').click();
  await field('phone_number').click();
  assert.equal((await state('phone_number')).invalid, 'true');
  const made = await page.locator('#insert [id^="convoso-leads-error-"]').count();
  assert.ok(made >= 1, 'an error element was made');
  await page.evaluate(() => window.unbindInsert());
  assert.equal(await page.evaluate(() => window.forms.listeners()), 0, 'every listener removed');
  assert.equal(await page.locator('#insert [id^="convoso-leads-error-"]').count(), 0, 'the elements it made are gone');
  assert.deepEqual(await state('phone_number'), { validationMessage: '', invalid: null, described: [], value: '12' });
  assert.equal(await page.evaluate(() => document.getElementById('insert').noValidate), false, 'noValidate restored');
  // Events after unbind change nothing.
  await field('phone_number').fill('1');
  await field('list_id').click();
  assert.equal((await state('phone_number')).invalid, null);
});

test('bad arguments are a TypeError', async () => {
  const thrown = await page.evaluate(() => {
    const name = (f) => {
      try {
        f();
        return 'none';
      } catch (error) {
        return error.constructor.name;
      }
    };
    const form = document.getElementById('insert');
    return [
      name(() => window.forms.bindLeadForm(document.body)),
      name(() => window.forms.bindLeadForm(null)),
      name(() => window.forms.bindLeadForm(form, { onvalid: () => {} })),
      name(() => window.forms.bindLeadForm(form, { schema: {} })),
      name(() => window.forms.bindLeadForm(form, { onValid: 'no' })),
    ];
  });
  assert.deepEqual(thrown, ['TypeError', 'TypeError', 'TypeError', 'TypeError', 'TypeError']);
});
