// The /api route of the demo, shared by server.mjs (production) and vite.config.ts (dev):
// convoso-leads/proxy configured from the environment, so the token never reaches the page.
import { createProxyMiddleware } from 'convoso-leads/proxy';

/** Where calls go when CONVOSO_UPSTREAM is not set: the sandbox's default address. */
const DEFAULT_UPSTREAM = 'http://127.0.0.1:8787/v1';

/**
 * The proxy middleware from CONVOSO_AUTH_TOKEN and CONVOSO_UPSTREAM, or null without a token.
 * @param {Record<string, string | undefined>} env
 */
export function apiProxyFromEnv(env) {
  const authToken = env.CONVOSO_AUTH_TOKEN;
  if (!authToken) return null;
  const upstream = env.CONVOSO_UPSTREAM ?? DEFAULT_UPSTREAM;
  return { upstream, middleware: createProxyMiddleware({ authToken, upstream }) };
}
