// The sandbox the stage script started (scripts/lib/sandbox.sh): where it is, and what it saw.
export function sandbox() {
  const { SANDBOX_URL: url, SANDBOX_ORIGIN: origin, SANDBOX_TOKEN: token } = process.env;
  if (!url || !origin || !token) {
    throw new Error('SANDBOX_URL, SANDBOX_ORIGIN and SANDBOX_TOKEN must be set: run scripts/test/pack.sh');
  }
  return { url, origin, token };
}

/** The sandbox's request counters. */
export async function stats() {
  const response = await fetch(`${sandbox().origin}/__sandbox/stats`);
  if (!response.ok) throw new Error(`sandbox stats: HTTP ${response.status}`);
  return response.json();
}
