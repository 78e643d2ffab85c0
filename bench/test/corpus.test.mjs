import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRequire } from 'node:module';

import { emailCorpus } from '../corpus/emails.mjs';
import { phoneCorpus } from '../corpus/phones.mjs';
import { searchBody } from '../corpus/search-body.mjs';
import { usCaMetadata } from '../lib/libphonenumber-us-ca.mjs';
import { rng } from '../lib/rng.mjs';

const require = createRequire(import.meta.url);

test('the generator is deterministic per seed and stays in range', () => {
  const [a, b, c] = [rng(42), rng(42), rng(43)];
  const draws = (r) => Array.from({ length: 1000 }, () => r.int(3, 7));
  const first = draws(a);
  assert.deepEqual(first, draws(b));
  assert.notDeepEqual(first, draws(c));
  assert.ok(first.every((n) => n >= 3 && n <= 7));
  assert.deepEqual(new Set(first), new Set([3, 4, 5, 6, 7]));
});

test('the corpora are the same on every run, with the intended size and mix', () => {
  const phones = phoneCorpus();
  assert.equal(phones.length, 10_000);
  assert.deepEqual(phoneCorpus(), phones);
  // Mostly plausible NANP numbers, but enough junk that a validator's reject path is timed too.
  const tenDigits = phones.filter((p) => /^\D*1?\D*[2-9]\d{2}\D*[2-9]\d{2}\D*\d{4}\D*$/.test(p)).length;
  assert.ok(tenDigits > 6000 && tenDigits < 9000, `${tenDigits} NANP-looking phones`);

  const emails = emailCorpus();
  assert.equal(emails.length, 10_000);
  assert.deepEqual(emailCorpus(), emails);
  const plausible = emails.filter((e) => /^[^@\s]+@[^@\s]+\.[a-z]+$/.test(e)).length;
  assert.ok(plausible > 7000 && plausible < 9900, `${plausible} plausible emails`);
});

test('the search answer has the live shape: data envelope, numbers as strings, custom fields', () => {
  const body = searchBody(50);
  assert.equal(body, searchBody(50));
  const { success, data } = JSON.parse(body);
  assert.equal(success, true);
  assert.deepEqual([data.offset, data.limit, data.total], ['0', '50', '12250']);
  assert.equal(data.entries.length, 50);
  assert.equal(typeof data.entries[0].id, 'string');
  assert.ok('field_1' in data.entries[0] && 'called_count' in data.entries[0]);
});

test('the US/CA metadata keeps North America and nothing else', () => {
  const { isValidPhoneNumber } = require('libphonenumber-js/core');
  const metadata = usCaMetadata();
  assert.deepEqual(Object.keys(metadata.countries).sort(), ['CA', 'US']);
  assert.equal(isValidPhoneNumber('(212) 736-5000', 'US', metadata), true);
  assert.equal(isValidPhoneNumber('+1 416 555 0199', 'US', metadata), true);
  assert.equal(isValidPhoneNumber('+44 20 7946 0958', 'US', metadata), false);
  assert.ok(JSON.stringify(metadata).length * 10 < JSON.stringify(require('libphonenumber-js/metadata.min.json')).length);
});
