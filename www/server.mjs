// The demo's production server: serves the built app from dist/ and mounts the
// convoso-leads/proxy helper under /api, which adds the auth token the browser never sees.
//
//   CONVOSO_AUTH_TOKEN=… CONVOSO_UPSTREAM=http://127.0.0.1:8787/v1 node server.mjs
//
// PORT (default 5173) and HOST (default 127.0.0.1) choose where it listens.
import http from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { apiProxyFromEnv } from './api-proxy.mjs';

const port = Number(process.env.PORT ?? 5173);
const host = process.env.HOST ?? '127.0.0.1';
const api = apiProxyFromEnv(process.env);
const dist = fileURLToPath(new URL('./dist', import.meta.url));

if (!api) {
  console.error('CONVOSO_AUTH_TOKEN is not set: the proxy needs the token to add to each call.');
  process.exit(2);
}
if (!existsSync(dist)) {
  console.error('www/dist is missing: run `npm run build` in www/ first.');
  process.exit(2);
}

const assets = sirv(dist, { etag: true });

const server = http.createServer((req, res) => {
  if (req.url?.startsWith('/api/')) return api.middleware(req, res);
  assets(req, res, () => {
    res.statusCode = 404;
    res.setHeader('content-type', 'text/plain');
    res.end('Not found');
  });
});

server.listen(port, host, () => {
  console.log(`Demo app listening on http://${host}:${port}/ (API calls proxied to ${api.upstream})`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
