// Types of convoso-leads-sandbox (ESM and, copied to index.d.cts at build, CommonJS).
// index.cjs is checked against them with `tsc --checkJs`.

declare global {
  // As @types/node declares it, for projects whose `lib` predates `esnext.disposable`.
  interface SymbolConstructor {
    readonly asyncDispose: unique symbol;
  }
}

/** Answer shapes: leads-api.md's (`documented`) or the live service's (`live`). */
export type SandboxStyle = 'documented' | 'live';

/** An endpoint a fault applies to, or `'*'` for any. */
export type SandboxEndpoint = 'search' | 'get-recordings' | 'insert' | 'update' | 'delete';

export interface SandboxOptions {
  /** Answer shapes. Default `'documented'`. */
  style?: SandboxStyle;
  /** Generated leads added to the example lead 12345. Default 25. */
  seed?: number;
  /** Accepted `auth_token` values; the first is `sandbox.token`. Default `['dev-token']`. */
  tokens?: string[];
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Keep the data in this SQLite file instead of in memory. */
  db?: string;
  /** Browser origins allowed by CORS. Default: any origin. */
  corsOrigins?: string[];
  /** HTTP status of numbered errors (6xxx/7xxx). Default 200, as the live service. */
  businessErrorStatus?: number;
  /** A JSON file with extra users, campaigns, lists, DNC numbers and phone codes. */
  config?: string;
  /** Path of a `convoso-sandbox` binary to run instead of the platform package's. */
  binary?: string;
  /** How long to wait for the sandbox to listen. Default 15000 ms. */
  startTimeoutMs?: number;
}

interface FaultTarget {
  /** Default `'*'`: the next matching request of any endpoint. */
  endpoint?: SandboxEndpoint | '*';
  /** How many matching requests get the fault. Default 1. */
  count?: number;
}

/** Answer with this status (200–599), an optional `Retry-After` and an optional body. */
export interface StatusFault extends FaultTarget {
  kind: 'status';
  status: number;
  /** Seconds, or an HTTP date. */
  retryAfter?: number | string;
  /** Replaces the default JSON error body. */
  body?: string;
}
/** Wait, then answer normally (at most 120000 ms). */
export interface DelayFault extends FaultTarget {
  kind: 'delay';
  ms: number;
}
/** An HTML error page, as a gateway sends (default status 502). */
export interface HtmlFault extends FaultTarget {
  kind: 'html';
  status?: number;
}
/** HTTP 200 with a JSON body cut off mid-value. */
export interface TruncatedJsonFault extends FaultTarget {
  kind: 'truncated_json';
}
/** Close the connection without answering; the request is not carried out. */
export interface DropFault extends FaultTarget {
  kind: 'drop';
}
/** Carry the request out (an insert is committed), then close the connection unanswered. */
export interface DropAfterFault extends FaultTarget {
  kind: 'drop_after';
}

export type SandboxFault =
  | StatusFault
  | DelayFault
  | HtmlFault
  | TruncatedJsonFault
  | DropFault
  | DropAfterFault;

export interface SandboxStats {
  /** Requests that reached each endpoint (counted before faults and auth). */
  requests: Record<SandboxEndpoint | 'total', number>;
  /** Leads not deleted. */
  leads: number;
}

export interface Sandbox {
  /** `http://127.0.0.1:PORT/v1`: the client's `baseUrl`. */
  readonly baseUrl: string;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly port: number;
  /** The first accepted token. */
  readonly token: string;
  /** The sandbox process's id. */
  readonly pid: number;
  /** Back to the seeded state: data, counters and queued faults. */
  reset(): Promise<void>;
  stats(): Promise<SandboxStats>;
  /** Queues a fault; resolves to how many fault entries are queued now. */
  fault(spec: SandboxFault): Promise<{ queued: number }>;
  /** Clears every queued fault. */
  clearFaults(): Promise<void>;
  /** Stops the sandbox and waits until its process has exited. Safe to call twice. */
  stop(): Promise<void>;
  /** `stop()`, for `await using`. */
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * Starts a sandbox and resolves once it listens. Rejects with a `SandboxStartError` when the
 * binary is missing, a flag is refused or the port is taken. The sandbox exits with the Node
 * process that started it, even one killed with SIGKILL.
 */
export function startSandbox(options?: SandboxOptions): Promise<Sandbox>;

/** Path of the binary `startSandbox` runs (the platform package's, or an override). */
export function sandboxBinary(): string;

export class SandboxStartError extends Error {
  /** `'binary'` (none found or not runnable), `'exited'` (refused to start), `'timeout'`. */
  readonly reason: 'binary' | 'exited' | 'timeout';
}
