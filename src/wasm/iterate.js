// `for await` over search results. The wasm side hands out one page per `next()` call and
// `undefined` after the last; async generators queue overlapping `next()` calls, so pages are
// requested one at a time and arrive in order however the caller iterates.

async function* pages(source) {
  try {
    for (;;) {
      const page = await source.next();
      if (page === undefined) return;
      yield page;
    }
  } finally {
    // Ending early (`break`, a thrown error) releases the wasm side at once.
    source.free();
  }
}

/** Every page of results. */
export function leadPages(source) {
  return pages(source);
}

/** Every lead of every page. */
export async function* leads(source) {
  for await (const page of pages(source)) yield* page.results;
}
