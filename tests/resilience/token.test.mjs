// The browser-token rule in Node: a token is fine where there is no web page, refused where
// `window` and `document` exist (as under jsdom or in a page), unless the caller opts in.
// browser.test.mjs checks the same in Chromium.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { failure, pkg, sandbox } from './lib/harness.mjs';

const { ConvosoClient, ConvosoValidationError } = pkg;

afterEach(() => {
  delete globalThis.window;
  delete globalThis.document;
});

test('a client with a token is made where there is no web page', () => {
  new ConvosoClient({ authToken: sandbox().token }).free();
});

test('with window and document present, a token is refused without dangerouslyAllowBrowser', async () => {
  globalThis.window = globalThis;
  globalThis.document = {};
  const error = await failure(() => new ConvosoClient({ authToken: sandbox().token, baseUrl: sandbox().url }));
  assert.ok(error instanceof ConvosoValidationError, error.name);
  assert.equal(error.errors[0].field, 'options.authToken');
  assert.match(error.message, /dangerouslyAllowBrowser/);
  assert.ok(!String(error).includes(sandbox().token));

  new ConvosoClient({ baseUrl: '/api/convoso' }).free();
  new ConvosoClient({ authToken: '' }).free();
  const allowed = new ConvosoClient({ authToken: sandbox().token, baseUrl: sandbox().url, dangerouslyAllowBrowser: true });
  assert.equal((await allowed.searchLeads({ limit: 1 })).results.length, 1);
  const stillRefused = await failure(() => new ConvosoClient({ authToken: 'x', dangerouslyAllowBrowser: false }));
  assert.ok(stillRefused instanceof ConvosoValidationError);
});

test('only window and document together mean a web page', () => {
  globalThis.window = globalThis;
  new ConvosoClient({ authToken: 'x' }).free();
  delete globalThis.window;
  globalThis.document = {};
  new ConvosoClient({ authToken: 'x' }).free();
});
