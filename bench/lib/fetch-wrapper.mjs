// The alternative to our client that a team writes by hand: POST a form with `fetch` and
// `URLSearchParams`, `JSON.parse` the answer, unwrap the live `data` envelope and throw on a
// `success: false`. No validation, no normalisation, no retries: the floor our client's
// per-call cost is compared with, and part of the "do it yourself" bundle in the size table.

export async function searchLeads(baseUrl, authToken, params) {
  const body = new URLSearchParams({ auth_token: authToken });
  for (const [name, value] of Object.entries(params)) if (value !== undefined) body.set(name, String(value));
  const response = await fetch(`${baseUrl}/leads/search`, { method: 'POST', body });
  const answer = JSON.parse(await response.text());
  if (!response.ok || answer.success === false) {
    throw new Error(`lead search failed (HTTP ${response.status}): ${answer.text ?? answer.error ?? 'no message'}`);
  }
  const page = answer.data ?? answer;
  return { results: page.entries ?? page.results ?? [], offset: page.offset, limit: page.limit, total: page.total };
}
