// The one client the app uses. It holds no token: every call goes to this app's own server
// under /api, whose convoso-leads/proxy adds the token on the way to the service.
import {
  ConvosoClient,
  ConvosoApiError,
  ConvosoValidationError,
  ConvosoError,
  type FieldError,
  type InsertOutcome,
  type InsertParams,
  type Lead,
  type UpdateParams,
  type ValidationResult,
} from 'convoso-leads';

export type { FieldError, Lead, Recording } from 'convoso-leads';

export const client = new ConvosoClient({ baseUrl: new URL('api', document.baseURI).href });

/** Form and CSV values: field name to text, empty fields left out. */
export type Values = Record<string, string>;

/**
 * Form values as an insert. The two required fields are always present, empty when not filled
 * in: the validators report an empty one exactly as a missing one (6007).
 */
export function insertParams(values: Values): InsertParams {
  return { ...values, list_id: values.list_id ?? '', phone_number: values.phone_number ?? '' };
}

/** Form values as an update of lead `leadId`. */
export function updateParams(leadId: string, values: Values): UpdateParams {
  return { ...values, lead_id: leadId };
}

/** A one-line explanation of a failed call, with the service's code when there is one. */
export function describeError(error: unknown): string {
  if (error instanceof ConvosoApiError) {
    const { code, message } = error;
    return code === undefined || message.includes(String(code)) ? message : `${message} (code ${code})`;
  }
  if (error instanceof ConvosoValidationError) {
    return error.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  }
  if (error instanceof ConvosoError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** Field-level errors carried by a failure, for showing next to the fields. */
export function fieldErrors(error: unknown): FieldError[] {
  return error instanceof ConvosoValidationError ? error.errors : [];
}

/** Text for showing a field value (numbers may arrive as strings or numbers; both shown alike). */
export function show(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The problems a validator found (none when valid). */
export function problems(result: ValidationResult): FieldError[] {
  return result.valid ? [] : result.errors;
}

export interface Page {
  leads: Lead[];
  /** Matching leads in all, when the service says. */
  total: number | undefined;
}

/** One page of search results. */
export async function searchPage(params: Values, signal?: AbortSignal): Promise<Page> {
  const result = await client.searchLeads(params, { signal });
  return { leads: result.results, total: result.total };
}

const LOAD_ALL_PAGE = 500;

/**
 * Every lead matching `filters`, through the package's page iterator (it keeps going past short
 * pages while the service reports more, and stops with an error at the service's offset cap),
 * reporting progress as pages arrive.
 */
export async function loadAll(
  filters: Values,
  onProgress: (loaded: number, total: number | undefined) => void,
  signal: AbortSignal,
): Promise<Lead[]> {
  const leads: Lead[] = [];
  for await (const page of client.iterateLeadPages({ ...filters, limit: LOAD_ALL_PAGE }, { signal })) {
    leads.push(...page.results);
    onProgress(leads.length, page.total);
  }
  return leads;
}

/** What happened to one row of a bulk import. */
export type Outcome =
  | { status: 'inserted'; leadId: string }
  | { status: 'invalid'; errors: FieldError[] }
  | { status: 'rejected'; message: string }
  | { status: 'failed'; message: string }
  | { status: 'not-attempted' };

export interface InsertManyOptions {
  concurrency: number;
  onProgress(done: number, total: number): void;
  signal: AbortSignal;
}

/** The package's outcome of one row, in the app's words. */
function outcomeOf(outcome: InsertOutcome): Outcome {
  switch (outcome.status) {
    case 'inserted':
      return { status: 'inserted', leadId: outcome.lead_id };
    case 'invalid':
      return { status: 'invalid', errors: outcome.errors };
    case 'rejected':
      return { status: 'rejected', message: describeError(outcome.error) };
    case 'failed':
      return { status: 'failed', message: describeError(outcome.error) };
    case 'cancelled':
    case 'skipped': // the demo never skips rows
      return { status: 'not-attempted' };
  }
}

/**
 * Inserts every row with the package's batch insert (validated first, bounded concurrency);
 * one outcome per row, in row order.
 */
export async function insertMany(rows: Values[], options: InsertManyOptions): Promise<Outcome[]> {
  const outcomes = await client.insertLeads(rows.map(insertParams), {
    concurrency: options.concurrency,
    onProgress: ({ done, total }) => options.onProgress(done, total),
    signal: options.signal,
  });
  return outcomes.map(outcomeOf);
}
