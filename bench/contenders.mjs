// Every implementation the benchmark compares, declared once. Each is a tiny ES module that
// exports `check(input) → boolean` (or, for the size-only bundle, the functions a user would
// ship). The same module text is imported for the timings and bundled for the size table, so
// what is timed is what is weighed. Ours import the built package through its exports map.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { usCaMetadataModule } from './lib/libphonenumber-us-ca.mjs';
import { packageEntry, RESULTS_DIR, ROOT } from './lib/paths.mjs';

export const CONTENDERS_DIR = path.join(RESULTS_DIR, 'contenders');
const FETCH_WRAPPER = path.relative(CONTENDERS_DIR, path.join(ROOT, 'bench/lib/fetch-wrapper.mjs'));

const ours = (subpath, fn) => () =>
  `import { ${fn} } from ${JSON.stringify(packageEntry(subpath))};\nexport const check = (s) => ${fn}(s).valid;\n`;

/** `ours: true` entries are weighed from the package itself (scripts/size.mjs), not re-bundled. */
export const PHONE = [
  { id: 'ours-phone', label: 'convoso-leads/validate `validatePhone`', ours: true, module: ours('./validate', 'validatePhone') },
  {
    id: 'libphonenumber-default',
    label: 'libphonenumber-js `isValidPhoneNumber` (default metadata)',
    module: () => `import { isValidPhoneNumber } from 'libphonenumber-js';\nexport const check = (s) => isValidPhoneNumber(s, 'US');\n`,
  },
  {
    id: 'libphonenumber-us-ca',
    label: 'libphonenumber-js `isValidPhoneNumber` (US/CA metadata)',
    module: () =>
      `import { isValidPhoneNumber } from 'libphonenumber-js/core';\nimport metadata from './metadata.us-ca.mjs';\n` +
      `export const check = (s) => isValidPhoneNumber(s, 'US', metadata);\n`,
  },
  {
    id: 'validator-mobile',
    label: "validator `isMobilePhone(s, 'en-US')`",
    // This module of validator's also exports its locale list, so the function sits on `default`.
    module: () =>
      `import mobile from 'validator/lib/isMobilePhone.js';\nconst isMobilePhone = mobile.default;\n` +
      `export const check = (s) => isMobilePhone(s, 'en-US');\n`,
  },
];

export const EMAIL = [
  { id: 'ours-email', label: 'convoso-leads/validate `validateEmail`', ours: true, module: ours('./validate', 'validateEmail') },
  {
    id: 'validator-email',
    label: 'validator `isEmail`',
    module: () => `import isEmail from 'validator/lib/isEmail.js';\nexport const check = (s) => isEmail(s);\n`,
  },
  {
    id: 'zod-email',
    // The namespace import zod's documentation recommends, which lets bundlers drop the rest.
    label: 'zod `z.email()`',
    module: () => `import * as z from 'zod';\nconst schema = z.email();\nexport const check = (s) => schema.safeParse(s).success;\n`,
  },
  {
    id: 'zod-mini-email',
    label: 'zod/mini `z.email()`',
    module: () =>
      `import * as z from 'zod/mini';\nconst schema = z.email();\nexport const check = (s) => schema.safeParse(s).success;\n`,
  },
];

/** What a team ships instead of our full client. */
export const SIZE_ONLY = [
  {
    id: 'diy-client',
    label: 'hand-written fetch wrapper + libphonenumber-js (default) + validator `isEmail`',
    module: () =>
      `export { searchLeads } from ${JSON.stringify(FETCH_WRAPPER.split(path.sep).join('/'))};\n` +
      `export { isValidPhoneNumber } from 'libphonenumber-js';\nexport { default as isEmail } from 'validator/lib/isEmail.js';\n`,
  },
];

/**
 * Writes every contender's module, the US/CA metadata they share, and a package.json whose
 * exports map lists the non-ours ones, so scripts/size.mjs weighs them exactly as it weighs
 * our package. Returns each contender's module URL by id.
 */
export function writeContenders() {
  rmSync(CONTENDERS_DIR, { recursive: true, force: true });
  mkdirSync(CONTENDERS_DIR, { recursive: true });
  writeFileSync(path.join(CONTENDERS_DIR, 'metadata.us-ca.mjs'), usCaMetadataModule());
  const all = [...PHONE, ...EMAIL, ...SIZE_ONLY];
  const exports = {};
  const urls = {};
  for (const { id, ours: isOurs, module } of all) {
    const file = path.join(CONTENDERS_DIR, `${id}.mjs`);
    writeFileSync(file, module());
    urls[id] = pathToFileURL(file).href;
    if (!isOurs) exports[`./${id}`] = { import: { default: `./${id}.mjs` } };
  }
  const manifest = { name: 'contenders', private: true, type: 'module', exports };
  writeFileSync(path.join(CONTENDERS_DIR, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return urls;
}

export const byId = (id) => [...PHONE, ...EMAIL, ...SIZE_ONLY].find((c) => c.id === id);
