// ~10,000 single email addresses as lead forms deliver them: ordinary addresses in their usual
// shapes, the edge cases RFC 5321 limits decide, and common mistakes. Seeded.
import { rng } from '../lib/rng.mjs';

export const EMAIL_SEED = 0xe3a11;
export const EMAIL_COUNT = 10_000;

const FIRST = ['john', 'jane', 'maria', 'wei', 'ahmed', 'olga', 'luis', 'priya', 'sam', 'kate', 'noah', 'li'];
const LAST = ['doe', 'smith', 'garcia', 'chen', 'khan', 'ivanova', 'lopez', 'patel', 'brown', 'nguyen'];
const DOMAINS = [
  'gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'aol.com', 'comcast.net',
  'example.com', 'acme-insurance.com', 'mail.example.org', 'sales.eu.example.co.uk', 'shaw.ca',
];
const LOWER = 'abcdefghijklmnopqrstuvwxyz';

function local(r) {
  const first = r.pick(FIRST);
  const last = r.pick(LAST);
  return r.pick([
    () => `${first}.${last}`,
    () => `${first}${last}${r.int(1, 99)}`,
    () => `${first[0]}${last}`,
    () => `${first}_${last}`,
    () => `${first}+leads${r.int(1, 9)}`,
    () => `${first}-${last}`,
    () => `${first.toUpperCase()}.${last}`,
  ])();
}

// Weighted: most real addresses are ordinary; the limits are there but rare.
const VALID = [
  [60, (r) => `${local(r)}@${r.pick(DOMAINS)}`],
  [30, (r) => `${local(r)}@${r.chars(r.int(3, 12), LOWER)}.${r.pick(['com', 'net', 'org', 'io', 'us', 'ca'])}`],
  [4, (r) => `${r.chars(64, LOWER)}@${r.pick(DOMAINS)}`], // longest local part
  [3, (r) => `${local(r)}@${r.chars(63, LOWER)}.com`], // longest label
  [3, (r) => `${local(r)}@${r.int(1, 9)}${r.chars(5, LOWER)}.com`],
];

const INVALID = [
  (r) => `${local(r)}${r.pick(DOMAINS)}`, // no @
  (r) => `${local(r)}@@${r.pick(DOMAINS)}`,
  (r) => `${local(r)}@${r.chars(6, LOWER)}`, // no dot in the domain
  (r) => `.${local(r)}@${r.pick(DOMAINS)}`,
  (r) => `${local(r)}.@${r.pick(DOMAINS)}`,
  (r) => `${r.pick(FIRST)}..${r.pick(LAST)}@${r.pick(DOMAINS)}`,
  (r) => `${local(r)}@${r.pick(DOMAINS)}.`,
  (r) => `${local(r)}@-${r.chars(6, LOWER)}.com`,
  (r) => `${local(r)}@${r.chars(6, LOWER)}-.com`,
  (r) => `${r.chars(65, LOWER)}@${r.pick(DOMAINS)}`, // local part too long
  (r) => `${local(r)}@${r.chars(64, LOWER)}.com`, // label too long
  (r) => `${local(r)}@${Array.from({ length: 5 }, () => r.chars(60, LOWER)).join('.')}.com`, // > 254
  (r) => `${r.pick(FIRST)} ${r.pick(LAST)} <${local(r)}@${r.pick(DOMAINS)}>`, // display name
  (r) => `${local(r)}@${r.pick(DOMAINS)},`,
  (r) => `${r.pick(FIRST)} ${r.pick(LAST)}@${r.pick(DOMAINS)}`,
  () => '',
  () => 'n/a',
  () => '@example.com',
  (r) => `${local(r)}@`,
];

/** Addresses whose verdict is a policy each library states differently. */
const POLICY = [
  (r) => `"${r.pick(FIRST)} ${r.pick(LAST)}"@${r.pick(DOMAINS)}`, // quoted local part
  (r) => `${local(r)}@[192.168.${r.int(0, 255)}.${r.int(1, 254)}]`, // IP literal
  (r) => `${local(r)}@localhost`,
  (r) => `jürgen.${r.pick(LAST)}@${r.pick(DOMAINS)}`, // internationalised local part
  (r) => `${local(r)}@bücher.de`, // internationalised domain
  (r) => `${local(r)}@xn--bcher-kva.de`,
];

export function emailCorpus(count = EMAIL_COUNT, seed = EMAIL_SEED) {
  const r = rng(seed);
  const kinds = [
    [75, () => r.weighted(VALID)(r)],
    [20, () => r.pick(INVALID)(r)],
    [5, () => r.pick(POLICY)(r)],
  ];
  return Array.from({ length: count }, () => r.weighted(kinds)());
}
