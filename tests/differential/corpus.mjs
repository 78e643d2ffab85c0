// A deterministic corpus of North American phone numbers as people type them: valid and
// invalid digits, in many formats, with the junk forms the validators decide on.

/** Mulberry32: a small seeded PRNG, so every run compares the same corpus. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FORMATS = [
  (a, e, l) => `${a}${e}${l}`,
  (a, e, l) => `${a}-${e}-${l}`,
  (a, e, l) => `${a}.${e}.${l}`,
  (a, e, l) => `(${a}) ${e}-${l}`,
  (a, e, l) => `(${a})${e}-${l}`,
  (a, e, l) => `${a} ${e} ${l}`,
  (a, e, l) => `1${a}${e}${l}`,
  (a, e, l) => `1-${a}-${e}-${l}`,
  (a, e, l) => `1 (${a}) ${e}-${l}`,
  (a, e, l) => `+1 ${a} ${e} ${l}`,
  (a, e, l) => `+1-${a}-${e}-${l}`,
  (a, e, l) => `+1 (${a}) ${e}-${l}`,
  (a, e, l) => `+1${a}${e}${l}`,
  (a, e, l) => `${a}/${e}-${l}`,
  (a, e, l) => `${a}\u00a0${e}\u00a0${l}`,
  (a, e, l) => `${a}\u2013${e}\u2013${l}`,
  (a, e, l) => toFullWidth(`${a}${e}${l}`),
  (a, e, l) => toFullWidth(`+1 ${a} ${e} ${l}`),
];

const JUNK = [
  (a, e, l) => `${a}-${e}-${l} x123`,
  (a, e, l) => `${a}-${e}-${l} ext. 45`,
  (a, e, l) => `${a}-${e}-${l} #12`,
  (a, e, l) => `${a}-${e}-${l}x`,
  (a, e, l) => `call ${a} ${e} ${l} now`,
  (a, e, l) => `${a}-${e}-${l} now`,
  (a, e, l) => `++1 ${a} ${e} ${l}`,
  (a, e, l) => `1+${a}${e}${l}`,
  (a, e, l) => `${a}-${e}-${l.slice(0, 3)}`,
  (a, e, l) => `${a}-${e}-${l}9`,
  (a, e, l) => `2${a}${e}${l}`,
  (a, e, l) => `0${a}${e}${l}`,
  (a, e, l) => `${e}-${l}`,
  (a, e, l) => `${a}*${e}*${l}`,
  (a, e, l) => `${a}_${e}_${l}`,
];

const VANITY = ['1-800-FLOWERS', '1-800-GOT-JUNK', '888-4-PIZZA-NOW', '1 800 CONTACTS', '(800) MATTRES'];

function toFullWidth(s) {
  return s.replace(/[0-9+]/g, (c) => String.fromCharCode(c === '+' ? 0xff0b : 0xff10 + Number(c)));
}

const pad = (n, w) => String(n).padStart(w, '0');

/** `count` digit triples: mostly structurally valid NANP numbers, the rest broken. */
function numbers(random, count) {
  const out = [];
  const digit = (lo = 0) => lo + Math.floor(random() * (10 - lo));
  for (let i = 0; i < count; i++) {
    const kind = random();
    let area = `${digit(2)}${digit()}${digit()}`;
    let exchange = `${digit(2)}${digit()}${digit()}`;
    if (kind < 0.05) area = `${digit(2)}11`; // N11 area code
    else if (kind < 0.1) exchange = `${digit(2)}11`; // N11 exchange
    else if (kind < 0.15) area = `${digit() < 5 ? 0 : 1}${digit()}${digit()}`;
    else if (kind < 0.2) exchange = `${digit() < 5 ? 0 : 1}${digit()}${digit()}`;
    else if (kind < 0.25) area = '555';
    const line = pad(Math.floor(random() * 10000), 4);
    out.push([area, exchange, line]);
  }
  return out;
}

/** The corpus: `[input, description]` pairs. */
export function corpus(seed = 4, count = 3000) {
  const random = rng(seed);
  const items = [];
  for (const [a, e, l] of numbers(random, count)) {
    const format = FORMATS[Math.floor(random() * FORMATS.length)];
    items.push(format(a, e, l));
    if (random() < 0.3) items.push(JUNK[Math.floor(random() * JUNK.length)](a, e, l));
  }
  items.push(...VANITY);
  // The Leads API documentation's own examples.
  items.push('5551234567', '5559876543', '5551234568', '8181234560');
  return items;
}
