// `npm run dev`: Vite's dev server, with convoso-leads/proxy mounted under /api (the hook below is
// the README's, verbatim). The page's ConvosoClient has no token: the proxy reads
// CONVOSO_AUTH_TOKEN here, in Node, adds it to each forwarded call, and forwards to
// CONVOSO_UPSTREAM (unset: the Convoso service; a local sandbox: http://127.0.0.1:8787/v1).
import react from '@vitejs/plugin-react';
import { createProxyMiddleware } from 'convoso-leads/proxy';
import { defineConfig, type Plugin } from 'vite';

function convosoProxy(): Plugin {
  return {
    name: 'convoso-proxy',
    apply: 'serve', // the dev server only: a production build needs its own backend route
    configureServer(server) {
      // From the shell, not import.meta.env: a VITE_ variable would be bundled into the page.
      const authToken = process.env.CONVOSO_AUTH_TOKEN;
      if (!authToken) throw new Error('Set CONVOSO_AUTH_TOKEN (server-side only: never with a VITE_ prefix)');
      const proxy = createProxyMiddleware({
        authToken,
        upstream: process.env.CONVOSO_UPSTREAM, // undefined: https://api.convoso.com/v1
        // Only what the page does: insert, with the form's fields. Anything else gets 403.
        endpoints: ['insert'],
        allowFields: { insert: ['list_id', 'phone_number', 'phone_code', 'first_name', 'last_name', 'email', 'check_dup'] },
      });
      server.middlewares.use('/api', proxy);
    },
  };
}

export default defineConfig({
  plugins: [react(), convosoProxy()],
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), strictPort: true },
  build: { target: 'es2022' },
});
