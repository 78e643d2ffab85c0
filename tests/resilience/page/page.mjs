// Runs in headless Chromium (browser.test.mjs): the browser-token rule, the hostile attack and
// a retry that waits out a Retry-After, against the sandbox. Publishes `window.__result`.
import { attack, stillWorks, watchBoundary } from '../lib/hostile.mjs';

const { url, origin, token } = window.__config;

async function admin(method, path, body) {
  const response = await fetch(`${origin}/__sandbox/${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  return response.json();
}

async function tokenRule({ ConvosoClient, ConvosoValidationError }) {
  const refused = (() => {
    try {
      new ConvosoClient({ authToken: token, baseUrl: url });
      return 'constructed';
    } catch (error) {
      return {
        validation: error instanceof ConvosoValidationError,
        field: error.errors?.[0]?.field,
        message: error.message,
        showsToken: String(error).includes(token) || String(error.stack).includes(token),
      };
    }
  })();
  const withoutToken = new ConvosoClient({ baseUrl: url });
  const optedIn = new ConvosoClient({ authToken: token, baseUrl: url, dangerouslyAllowBrowser: true });
  const page = await optedIn.searchLeads({ limit: 1 });
  withoutToken.free();
  return { refused, optedInWorks: page.results.length === 1 };
}

async function retryAfter({ ConvosoClient, ConvosoAbortError }) {
  await admin('POST', 'reset');
  await admin('POST', 'faults', { endpoint: 'search', fault: { kind: 'status', status: 429, retry_after: '1' } });
  const delays = [];
  const c = new ConvosoClient({
    authToken: token,
    baseUrl: url,
    dangerouslyAllowBrowser: true,
    onRetry: (event) => delays.push(event.delayMs),
  });
  const started = performance.now();
  const page = await c.searchLeads({ limit: 1 });
  const waited = performance.now() - started;

  await admin('POST', 'faults', { endpoint: 'search', fault: { kind: 'status', status: 503, retry_after: '30' } });
  const controller = new AbortController();
  const call = c.searchLeads({ limit: 1 }, { signal: controller.signal });
  setTimeout(() => controller.abort(), 200);
  const abortStarted = performance.now();
  const aborted = await call.then(
    () => 'resolved',
    (error) => (error instanceof ConvosoAbortError ? 'ConvosoAbortError' : error.name),
  );
  const { requests } = await admin('GET', 'stats');
  return {
    found: page.results.length,
    delays,
    waited,
    aborted,
    abortTook: performance.now() - abortStarted,
    searches: requests.search,
  };
}

async function run() {
  const crossings = watchBoundary();
  const full = await import('../../../pkg/dist/index.js');
  const validate = await import('../../../pkg/dist/validate.js');
  const client = (mod) =>
    new mod.ConvosoClient({ authToken: token, baseUrl: url, maxRetries: 0, dangerouslyAllowBrowser: true });
  const result = { token: await tokenRule(full), retry: await retryAfter(full) };
  const modules = { 'convoso-leads': full, 'convoso-leads/validate': validate };
  const report = await attack(modules, { client });
  result.hostile = { ...report, stillWorks: await stillWorks(modules, { client }) };
  result.crossings = [...new Set(crossings.filter((c) => !/__wbindgen_throw/.test(c)))];
  return result;
}

run().then(
  (result) => {
    window.__result = result;
  },
  (error) => {
    window.__result = { died: `${error?.name}: ${error?.message}\n${error?.stack}` };
  },
);
