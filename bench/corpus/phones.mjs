// ~10,000 phone strings as lead forms and CSV imports deliver them: North American numbers
// (US and Canada) in many writings, a few international ones, and garbage. Seeded, so every
// run validates the same inputs.
import { rng } from '../lib/rng.mjs';

export const PHONE_SEED = 0x0c0450;
export const PHONE_COUNT = 10_000;

// Assigned area codes from both countries, so the valid share does not hinge on one plan's
// metadata. Canada: 204 236 250 289 306 343 403 416 418 438 450 506 514 519 587 604 613 647
// 705 709 778 780 807 819 867 902 905.
const AREA_CODES = [
  '201', '202', '205', '206', '212', '213', '214', '215', '303', '305', '310', '312', '313', '314',
  '404', '407', '408', '415', '469', '503', '512', '602', '617', '646', '650', '702', '703', '713',
  '718', '720', '773', '801', '813', '818', '832', '845', '904', '917', '949', '972',
  '204', '236', '250', '289', '306', '343', '403', '416', '418', '438', '450', '506', '514', '519',
  '587', '604', '613', '647', '705', '709', '778', '780', '807', '819', '867', '902', '905',
];

/** The ways people write one ten-digit number (a = area code, e = exchange, s = subscriber). */
const WRITINGS = [
  (a, e, s) => `(${a}) ${e}-${s}`,
  (a, e, s) => `${a}-${e}-${s}`,
  (a, e, s) => `${a}.${e}.${s}`,
  (a, e, s) => `${a} ${e} ${s}`,
  (a, e, s) => `${a}${e}${s}`,
  (a, e, s) => `1${a}${e}${s}`,
  (a, e, s) => `+1${a}${e}${s}`,
  (a, e, s) => `+1 ${a} ${e} ${s}`,
  (a, e, s) => `+1 (${a}) ${e}-${s}`,
  (a, e, s) => `1-${a}-${e}-${s}`,
  (a, e, s) => `1 (${a}) ${e}-${s}`,
  (a, e, s) => ` ${a}-${e}-${s} `,
  (a, e, s) => `(${a})${e}-${s}`,
  (a, e, s) => `${a}/${e}-${s}`,
];

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function nanp(r) {
  // Exchanges N11 are service codes; 555-01XX is the fictional range. Both appear in real data.
  const exchange = r.weighted([
    [90, () => r.digits(3, '23456789')],
    [5, () => `${r.int(2, 9)}11`],
    [5, () => '555'],
  ])();
  return [r.pick(AREA_CODES), exchange, r.digits(4)];
}

/** Numbers that break exactly one rule, the mistakes a validator exists to catch. */
const NEAR_MISSES = [
  (r) => `${r.int(0, 1)}${r.digits(2)}-${r.digits(3, '23456789')}-${r.digits(4)}`, // area code 0XX/1XX
  (r) => `${r.int(2, 9)}11-${r.digits(3, '23456789')}-${r.digits(4)}`, // N11 area code
  (r) => `${r.pick(AREA_CODES)}-${r.int(0, 1)}${r.digits(2)}-${r.digits(4)}`, // exchange 0XX/1XX
  (r) => `${r.pick(AREA_CODES)}-${r.digits(3, '23456789')}-${r.digits(3)}`, // nine digits
  (r) => `${r.pick(AREA_CODES)}${r.digits(8)}`, // eleven digits, no leading 1
  (r) => `2${r.digits(11)}`, // far too long
  (r) => r.digits(r.int(1, 6)), // far too short
  (r) => `${r.pick(AREA_CODES)}-${r.digits(3, '23456789')}-${r.digits(4)}x${r.digits(r.int(2, 5))}`, // extension
  (r) => `${r.pick(AREA_CODES)}-${r.digits(3, '23456789')}-${r.digits(4)} ext. ${r.digits(3)}`,
  (r) => `1-800-${r.chars(7, LETTERS)}`, // vanity
  (r) => `++1 ${r.pick(AREA_CODES)} ${r.digits(3, '23456789')} ${r.digits(4)}`,
  (r) => `call ${r.pick(AREA_CODES)} ${r.digits(3, '23456789')} ${r.digits(4)} now`,
  // Full-width digits, as some input methods produce them.
  (r) =>
    `${r.pick(AREA_CODES)}${r.digits(3, '23456789')}${r.digits(4)}`.replace(/\d/g, (d) =>
      String.fromCharCode(0xff10 + Number(d)),
    ),
];

/** Other countries: valid E.164 numbers the NANP-only validators must turn away. */
const INTERNATIONAL = [
  (r) => `+44 20 7${r.digits(3)} ${r.digits(4)}`,
  (r) => `+33 1 ${r.digits(2)} ${r.digits(2)} ${r.digits(2)} ${r.digits(2)}`,
  (r) => `+49 30 ${r.digits(8)}`,
  (r) => `+52 55 ${r.digits(4)} ${r.digits(4)}`,
  (r) => `+61 2 ${r.digits(4)} ${r.digits(4)}`,
];

const GARBAGE = [
  () => '',
  () => '   ',
  () => 'n/a',
  () => 'none',
  () => '-',
  (r) => r.chars(r.int(3, 20), 'abcdefghijklmnopqrstuvwxyz @.-'),
  (r) => `${r.digits(3)}-${r.chars(4, LETTERS)}`,
  (r) => `${r.chars(2, '()+-. ')}${r.digits(r.int(3, 14))}${r.chars(2, '()+-. #*')}`,
  (r) => `${r.digits(5)}@${r.digits(5)}`,
  (r) => '☎ '.concat(r.digits(10)),
];

export function phoneCorpus(count = PHONE_COUNT, seed = PHONE_SEED) {
  const r = rng(seed);
  const make = (choices) => r.pick(choices)(r);
  const kinds = [
    [70, () => r.pick(WRITINGS)(...nanp(r))],
    [15, () => make(NEAR_MISSES)],
    [5, () => make(INTERNATIONAL)],
    [10, () => make(GARBAGE)],
  ];
  return Array.from({ length: count }, () => r.weighted(kinds)());
}
