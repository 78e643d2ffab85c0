// Types for `convoso-leads/proxy`, the server-side helper that keeps the auth token out of web pages.

/** The Leads API endpoints the proxy can forward, named as in their paths (`/v1/leads/<name>`). */
export type ProxyEndpoint = 'search' | 'get-recordings' | 'insert' | 'update' | 'delete';

// Optional members say `| undefined` as well: under `exactOptionalPropertyTypes` a consumer may
// pass `process.env.X` (string | undefined) or Node's `http.IncomingMessage` (whose `method` and
// `url` are `string | undefined`), and the implementation treats undefined as absent.

export interface ProxyOptions {
  /** The Convoso auth token. It stays on the server: the proxy adds it to each forwarded form body. */
  authToken: string;
  /** The service's base URL. Default `https://api.convoso.com/v1`. */
  upstream?: string | undefined;
  /** Endpoints to forward; others get 403. Default: all five. */
  endpoints?: readonly ProxyEndpoint[] | undefined;
  /**
   * Optional per-endpoint field allow-lists. A request to a listed endpoint carrying any other
   * field is refused with 403 (naming the fields); endpoints left out accept every field.
   * `auth_token` never needs listing: the browser's is always dropped. An endpoint present with
   * the value `undefined` is refused (TypeError): leave it out instead.
   */
  allowFields?: Partial<Record<ProxyEndpoint, readonly string[]>> | undefined;
  /** Largest accepted request body; larger ones get 413. Default 64 KiB. */
  maxBodyBytes?: number | undefined;
  /** How long to wait for the service before answering 504. Default 30 000 ms. */
  timeoutMs?: number | undefined;
  /** The fetch used to reach the service. Default `globalThis.fetch`. */
  fetch?: ((input: string, init: RequestInit) => Promise<Response>) | undefined;
}

/**
 * Answers one browser request. Requests whose path ends in `/leads/<endpoint>` are forwarded
 * (POST with an `application/x-www-form-urlencoded` body only: 405/415 otherwise); the service's
 * status, body, `content-type` and `retry-after` come back unchanged. Other paths get 404.
 */
export type ProxyHandler = (request: Request) => Promise<Response>;

/** Builds the fetch-style handler (Node 20+, Deno, Bun, workers, `export default { fetch }`). */
export function createProxyHandler(options: ProxyOptions): ProxyHandler;

/** The parts of Node's `http.IncomingMessage` the adapter uses. */
export interface NodeLikeRequest extends AsyncIterable<Uint8Array | string> {
  /** Missing means GET. */
  method?: string | undefined;
  /** Only its path is read; missing means `/`. */
  url?: string | undefined;
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  resume(): unknown;
}

/** The parts of Node's `http.ServerResponse` the adapter uses. */
export interface NodeLikeResponse {
  statusCode: number;
  readonly headersSent: boolean;
  readonly writableFinished: boolean;
  readonly destroyed: boolean;
  setHeader(name: string, value: string): unknown;
  write(chunk: Uint8Array): boolean;
  end(chunk?: string): unknown;
  on(event: 'close' | 'drain', listener: () => void): unknown;
  off(event: 'close' | 'drain', listener: () => void): unknown;
}

/** A Node `http` request listener that is also Express/Connect-style middleware. */
export type NodeProxyHandler = (
  req: NodeLikeRequest,
  res: NodeLikeResponse,
  next?: (error?: unknown) => void,
) => void;

/**
 * Adapts a handler to Node's `http` server and Express-style middleware. Mount it before any
 * body parser: it reads the raw body itself. Unexpected failures go to `next(error)` when given,
 * else answer 500.
 */
export function toNodeHandler(handler: ProxyHandler): NodeProxyHandler;

/** `toNodeHandler(createProxyHandler(options))`. */
export function createProxyMiddleware(options: ProxyOptions): NodeProxyHandler;
