// The error classes of convoso-leads, and the one function that builds them.
//
// Every error the package raises is constructed here, through `makeError`, so there is one
// class hierarchy however many entry points the package has: `instanceof ConvosoError` works
// for errors from any of them. No error ever carries the auth token, in its message or
// anywhere else, and none has a `cause` (a foreign error could hold request details).

/** The base class: every failure of a client call is one of these. */
export class ConvosoError extends Error {
  /**
   * @param {string} message
   * @param {{ endpoint?: string }} [fields]
   */
  constructor(message, fields = {}) {
    super(message);
    /** The endpoint path the call went to, e.g. `/leads/search`. */
    this.endpoint = fields.endpoint;
  }
}

/** The service answered with a failure (`success: false`), e.g. code 6008. */
export class ConvosoApiError extends ConvosoError {
  constructor(message, fields = {}) {
    super(message, fields);
    this.code = fields.code;
    this.status = fields.status;
  }
}

/** An HTTP error status whose body is not an API answer (an HTML error page, a proxy's text). */
export class ConvosoHttpError extends ConvosoError {
  constructor(message, fields = {}) {
    super(message, fields);
    this.status = fields.status;
    /** A short excerpt of the body (the page title for HTML), with the token removed. */
    this.bodySnippet = fields.bodySnippet;
  }
}

/** No answer arrived: connection refused or dropped, DNS failure, CORS. */
export class ConvosoNetworkError extends ConvosoError {}

/** No answer within `timeoutMs`. */
export class ConvosoTimeoutError extends ConvosoError {
  constructor(message, fields = {}) {
    super(message, fields);
    this.timeoutMs = fields.timeoutMs;
  }
}

/** The caller's `AbortSignal` cancelled the call. */
export class ConvosoAbortError extends ConvosoError {}

/** A success status with a body that is not the expected JSON (truncated, malformed). */
export class ConvosoDecodeError extends ConvosoError {
  constructor(message, fields = {}) {
    super(message, fields);
    this.status = fields.status;
  }
}

/** The request failed validation and was not sent; `errors` lists every problem. */
export class ConvosoValidationError extends ConvosoError {
  constructor(message, fields = {}) {
    super(message, fields);
    this.errors = fields.errors ?? [];
  }
}

// Names and kinds live on the prototypes, spelled out, so minifiers that rename classes do
// not change them.
const KINDS = [
  [ConvosoError, 'ConvosoError', 'unknown'],
  [ConvosoApiError, 'ConvosoApiError', 'api'],
  [ConvosoHttpError, 'ConvosoHttpError', 'http'],
  [ConvosoNetworkError, 'ConvosoNetworkError', 'network'],
  [ConvosoTimeoutError, 'ConvosoTimeoutError', 'timeout'],
  [ConvosoAbortError, 'ConvosoAbortError', 'abort'],
  [ConvosoDecodeError, 'ConvosoDecodeError', 'decode'],
  [ConvosoValidationError, 'ConvosoValidationError', 'validation'],
];
const BY_KIND = new Map();
for (const [cls, name, kind] of KINDS) {
  Object.defineProperty(cls.prototype, 'name', { value: name, writable: true, configurable: true });
  Object.defineProperty(cls.prototype, 'kind', { value: kind, writable: true, configurable: true });
  BY_KIND.set(kind, cls);
}

/**
 * Builds the error of the given kind. The only way the package creates errors.
 * @param {string} kind `api`, `http`, `network`, `timeout`, `abort`, `decode` or `validation`
 * @param {{ message: string }} fields the message and the fields of that kind
 * @returns {ConvosoError}
 */
export function makeError(kind, fields) {
  const cls = BY_KIND.get(kind) ?? ConvosoError;
  return new cls(fields.message, fields);
}
