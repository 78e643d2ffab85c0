/** One problem with one field of a request (the same shape the validators return). */
interface FieldError {
  /** The API name of the field, e.g. `phone_number`; `params` when the whole object is unusable. */
  field: string;
  /** The code the Leads API answers with, or a client-side code (9000-9099). */
  code: number;
  /** What is wrong, in words a form can show. */
  message: string;
  /** For multi-value fields (`email`): the position of the offending value, from 0. */
  index?: number;
}

/** What kind of failure an error is; each kind has its own class. */
export type ConvosoErrorKind =
  | 'api'
  | 'http'
  | 'network'
  | 'timeout'
  | 'abort'
  | 'decode'
  | 'validation';

/** The base class: every failure of a client call is one of these. Never holds the auth token. */
export declare class ConvosoError extends Error {
  constructor(message: string, fields?: { endpoint?: string });
  readonly kind: ConvosoErrorKind | 'unknown';
  /** The endpoint path the call went to, e.g. `/leads/search`. */
  endpoint?: string;
}

/** The service answered with a failure (`success: false`), e.g. code 6008. */
export declare class ConvosoApiError extends ConvosoError {
  constructor(message: string, fields?: { endpoint?: string; code?: number; status?: number });
  readonly kind: 'api';
  /** The service's error code, when it gave one (e.g. 6008, 5001). */
  code?: number;
  /** The HTTP status (usually 200: the service reports failures with 200). */
  status: number;
}

/** An HTTP error status whose body is not an API answer (an HTML error page, a proxy's text). */
export declare class ConvosoHttpError extends ConvosoError {
  constructor(message: string, fields?: { endpoint?: string; status?: number; bodySnippet?: string });
  readonly kind: 'http';
  status: number;
  /** A short excerpt of the body (the page title for HTML), with the token removed. */
  bodySnippet: string;
}

/** No answer arrived: connection refused or dropped, DNS failure, CORS. */
export declare class ConvosoNetworkError extends ConvosoError {
  readonly kind: 'network';
}

/** No answer within `timeoutMs`. */
export declare class ConvosoTimeoutError extends ConvosoError {
  constructor(message: string, fields?: { endpoint?: string; timeoutMs?: number });
  readonly kind: 'timeout';
  timeoutMs: number;
}

/** The caller's `AbortSignal` cancelled the call. */
export declare class ConvosoAbortError extends ConvosoError {
  readonly kind: 'abort';
}

/** A success status with a body that is not the expected JSON (truncated, malformed). */
export declare class ConvosoDecodeError extends ConvosoError {
  constructor(message: string, fields?: { endpoint?: string; status?: number });
  readonly kind: 'decode';
  status: number;
}

/** The request failed validation and was not sent; `errors` lists every problem. */
export declare class ConvosoValidationError extends ConvosoError {
  constructor(message: string, fields?: { endpoint?: string; errors?: FieldError[] });
  readonly kind: 'validation';
  errors: FieldError[];
}

/** Builds the error of the given kind: the only way the package creates errors. */
export declare function makeError(
  kind: ConvosoErrorKind,
  fields: { message: string } & Record<string, unknown>,
): ConvosoError;
