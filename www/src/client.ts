// The one client the app uses. It holds no token: every call goes to this app's own server
// under /api, whose convoso-leads/proxy adds the token on the way to the service.
import { ConvosoClient, ConvosoApiError, ConvosoValidationError, ConvosoError } from 'convoso-leads';

export const client = new ConvosoClient({ baseUrl: new URL('api', document.baseURI).href });

/** Lead fields as the service returns them; extra custom fields are kept and shown too. */
export type Lead = Record<string, unknown>;

/** Form and CSV values: field name to text, empty fields left out. */
export type Values = Record<string, string>;

/** A one-line explanation of a failed call, with the service's code when there is one. */
export function describeError(error: unknown): string {
  if (error instanceof ConvosoApiError) return `Error ${error.code}: ${error.message}`;
  if (error instanceof ConvosoValidationError) {
    return error.errors.map((e: FieldError) => `${e.field}: ${e.message}`).join('; ');
  }
  if (error instanceof ConvosoError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

export interface FieldError {
  field: string;
  code: number | string;
  message: string;
}

/** Field-level errors carried by a failure, for showing next to the fields. */
export function fieldErrors(error: unknown): FieldError[] {
  return error instanceof ConvosoValidationError ? error.errors : [];
}

/** A lead's id as a string, whichever of `id`/`lead_id` the answer used. */
export function leadId(lead: Lead): string {
  const id = lead.id ?? lead.lead_id;
  return id === undefined || id === null ? '' : String(id);
}

/** Text for showing a field value (numbers may arrive as strings or numbers; both shown alike). */
export function show(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** What the package's validators return, in both of their shapes. */
type Validation =
  | { valid: true }
  | { valid: false; errors: FieldError[] }
  | { valid: false; code: number | string; message: string };

/** The problems in a validation result, as field errors (`field` for single-value checks). */
export function problems(result: Validation, field = ''): FieldError[] {
  if (result.valid) return [];
  return 'errors' in result ? result.errors : [{ field, code: result.code, message: result.message }];
}

export interface Page {
  leads: Lead[];
  /** Matching leads in all, when the service says. */
  total: number | undefined;
}

/** One page of search results. */
export async function searchPage(params: Values): Promise<Page> {
  const result = await client.searchLeads(params);
  return { leads: result.entries, total: result.total === undefined ? undefined : Number(result.total) };
}

const LOAD_ALL_PAGE = 500;

/** Every lead matching `filters`, page after page, reporting progress as pages arrive. */
export async function loadAll(
  filters: Values,
  onProgress: (loaded: number, total: number | undefined) => void,
  signal: AbortSignal,
): Promise<Lead[]> {
  const leads: Lead[] = [];
  for (;;) {
    signal.throwIfAborted();
    const page = await searchPage({ ...filters, offset: String(leads.length), limit: String(LOAD_ALL_PAGE) });
    leads.push(...page.leads);
    onProgress(leads.length, page.total);
    const more = page.total === undefined ? page.leads.length === LOAD_ALL_PAGE : leads.length < page.total;
    if (!more || page.leads.length === 0) return leads;
  }
}

/** What happened to one row of a bulk import. */
export type Outcome =
  | { status: 'inserted'; leadId: string }
  | { status: 'invalid'; errors: FieldError[] }
  | { status: 'rejected'; message: string }
  | { status: 'not-attempted' };

export interface InsertManyOptions {
  concurrency: number;
  onProgress(done: number, total: number): void;
  signal: AbortSignal;
}

/** Inserts every row with bounded concurrency; one outcome per row, in row order. */
export async function insertMany(rows: Values[], options: InsertManyOptions): Promise<Outcome[]> {
  const outcomes: Outcome[] = rows.map(() => ({ status: 'not-attempted' }));
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let index = next++; index < rows.length && !options.signal.aborted; index = next++) {
      try {
        const { lead_id } = await client.insertLead(rows[index] ?? {});
        outcomes[index] = { status: 'inserted', leadId: String(lead_id) };
      } catch (error) {
        const errors = fieldErrors(error);
        outcomes[index] = errors.length > 0 ? { status: 'invalid', errors } : { status: 'rejected', message: describeError(error) };
      }
      options.onProgress(++done, rows.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, rows.length) }, worker));
  return outcomes;
}
