// A strict TypeScript consumer of the packed package: every client method, every result field,
// every validator and every error class, written the way a user would. Never run, only
// compiled (tests/types/types.test.mjs): with `tsc --noEmit --strict`, once as an ES module and
// once as CommonJS. Each `// @ts-expect-error` line marks a deliberate mistake the types must
// reject; the test also compiles a copy without those directives and expects exactly those
// lines to fail.
import {
  ConvosoAbortError,
  ConvosoApiError,
  ConvosoClient,
  ConvosoDecodeError,
  ConvosoError,
  ConvosoHttpError,
  ConvosoNetworkError,
  ConvosoTimeoutError,
  ConvosoValidationError,
  validateEmail,
  validateLead,
  validatePhone,
  validateRecordings,
  validateSearch,
  validateUpdate,
  type Lead,
  type Recording,
} from 'convoso-leads';
import * as validation from 'convoso-leads/validate';
import { createProxyHandler, type ProxyHandler } from 'convoso-leads/proxy';

export async function everyMethod(authToken: string): Promise<string[]> {
  const client = new ConvosoClient({ authToken, baseUrl: 'http://127.0.0.1:8787/v1', timeoutMs: 5_000, validate: true });
  const seen: string[] = [];

  const page = await client.searchLeads({ list_id: '333', status: 'ACTIVE', offset: 0, limit: 100 });
  const leads: Lead[] = page.results;
  const offset: number = page.offset;
  const limit: number = page.limit;
  const total: number | undefined = page.total;
  for (const lead of leads) {
    const id: string = lead.id;
    const firstName: string | null | undefined = lead.first_name;
    const custom: unknown = lead['field_1'];
    seen.push(id, String(firstName), String(custom));
  }
  seen.push(`${offset} ${limit} ${total ?? '?'}`);

  const recordings = await client.getRecordings({
    lead_id: '12345',
    start_time: '2026-03-01 08:00:00',
    end_time: '2026-03-03 17:00:00',
    offset: 0,
    limit: 10,
  });
  const entries: Recording[] = recordings.entries;
  for (const recording of entries) {
    const seconds: number | null | undefined = recording.seconds;
    seen.push(recording.recording_id, String(recording.lead_id), String(recording.url), String(seconds));
    seen.push(String(recording.start_time), String(recording.end_time));
  }

  const inserted = await client.insertLead({ list_id: '333', phone_number: '2015550123', first_name: 'John' });
  const leadId: string = inserted.lead_id;
  const updated = await client.updateLead({ lead_id: leadId, status: 'COMPLETED' });
  const updatedId: string = updated.lead_id;
  const deleted = await client.deleteLead({ lead_id: updatedId });
  const success: true = deleted.success;
  seen.push(String(success));

  // Per-call options: cancellation, a timeout, validation switched off for one call.
  const controller = new AbortController();
  await client.searchLeads({ phone_number: '2015550123' }, { signal: controller.signal, timeoutMs: 1_000, validate: false });

  // @ts-expect-error list ids are strings
  await client.searchLeads({ list_id: 333 });
  // @ts-expect-error limit takes an integer (or a string of digits), not a word
  await client.searchLeads({ limit: 'ten' });
  // @ts-expect-error there is no such method
  await client.searchLead({ list_id: '333' });
  // @ts-expect-error a lead id is always a string
  const numericId: number = inserted.lead_id;
  // @ts-expect-error a page holds leads, not strings
  const names: string[] = page.results;
  // @ts-expect-error the client has no `token` option (it is `authToken`)
  new ConvosoClient({ token: authToken });
  // Any fetch-shaped function: the global one, a wrapper, a test double.
  new ConvosoClient({ authToken, fetch });
  new ConvosoClient({ authToken, fetch: async (request: Request) => new Response(await request.text()) });
  // @ts-expect-error `fetch` is a function taking a Request, not a URL string
  new ConvosoClient({ authToken, fetch: 'https://proxy.example' });
  seen.push(String(numericId), String(names));
  return seen;
}

/** Every error class, each with the fields only it has. */
export function describe(error: unknown): string {
  if (error instanceof ConvosoValidationError) {
    return error.errors.map((problem) => `${problem.field} ${problem.code} ${problem.message} ${problem.index ?? ''}`).join('; ');
  }
  if (error instanceof ConvosoApiError) return `${error.code ?? 'no code'} ${error.status} ${error.endpoint ?? ''} ${error.message}`;
  if (error instanceof ConvosoHttpError) return `${error.status} ${error.bodySnippet}`;
  if (error instanceof ConvosoTimeoutError) return `timed out after ${error.timeoutMs} ms`;
  if (error instanceof ConvosoDecodeError) return `undecodable answer, HTTP ${error.status}`;
  if (error instanceof ConvosoNetworkError || error instanceof ConvosoAbortError) return error.name;
  if (error instanceof ConvosoError) return `${error.kind}: ${error.message}`;
  return String(error);
}

export function everyValidator(): string[] {
  const out: string[] = [];
  const phone = validatePhone('(201) 555-0123');
  if (phone.valid) {
    out.push(phone.phone_number, phone.phone_code, phone.e164);
  } else {
    out.push(`${phone.code} ${phone.message}`);
  }
  // @ts-expect-error a phone result must be narrowed on `valid` before reading `e164`
  out.push(phone.e164);

  const email = validateEmail('a@b.com; c@d.org');
  if (email.valid) out.push(...email.emails);
  else out.push(...email.errors.map((problem) => `${problem.index} ${problem.address} ${problem.code} ${problem.message}`));

  for (const result of [
    validateLead({ list_id: '333', phone_number: '12' }),
    validateSearch({ limit: 2001 }),
    validateUpdate({ lead_id: '12345', email: 'nobody@' }),
    validateRecordings({ lead_id: '12345', limit: 10 }),
  ]) {
    if (!result.valid) out.push(...result.errors.map((problem) => `${problem.field} ${problem.code}`));
  }

  // The validation-only entry: the same validators, and nothing else.
  const small = validation.validatePhone('201-155-0123');
  if (!small.valid) out.push(String(small.code));
  // @ts-expect-error the validation entry carries no error classes (its validators never throw them)
  out.push(validation.ConvosoValidationError.name);
  // @ts-expect-error validatePhone takes the number to check
  validation.validatePhone();
  // @ts-expect-error the validation entry has no client
  new validation.ConvosoClient({});
  return out;
}

export const proxy: ProxyHandler = createProxyHandler({ authToken: 'held by the server', endpoints: ['search', 'insert'] });
// @ts-expect-error the proxy forwards only the five Leads endpoints
createProxyHandler({ authToken: 'held by the server', endpoints: ['leads/search'] });
