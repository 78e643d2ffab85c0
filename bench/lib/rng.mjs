// A seeded pseudo-random source, so every corpus is the same on every machine and every run:
// benchmark numbers are only comparable when they were taken over the same inputs.

/** A Weyl sequence through MurmurHash3's 32-bit finaliser: tiny, fast and well spread. */
export function rng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return ((z ^ (z >>> 16)) >>> 0) / 2 ** 32;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    /** A float in [0, 1). */
    next,
    /** An integer in [lo, hi], both included. */
    int,
    pick: (items) => items[int(0, items.length - 1)],
    digits: (n, first = '0123456789') => {
      let out = first[int(0, first.length - 1)];
      while (out.length < n) out += String(int(0, 9));
      return out;
    },
    chars: (n, alphabet) => Array.from({ length: n }, () => alphabet[int(0, alphabet.length - 1)]).join(''),
    /** One of `[weight, make]` pairs, chosen in proportion to the weights. */
    weighted: (choices) => {
      const total = choices.reduce((sum, [weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [weight, make] of choices) {
        roll -= weight;
        if (roll < 0) return make;
      }
      return choices[choices.length - 1][1];
    },
  };
}
