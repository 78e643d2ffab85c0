// `npm run dev`: Vite's dev server with the same proxy mounted under /api as server.mjs uses,
// so development and the production build talk to the service the same way.
import { defineConfig, type Plugin } from 'vite';
import { createProxyMiddleware } from 'convoso-leads/proxy';

function convosoProxy(): Plugin {
  return {
    name: 'convoso-proxy',
    configureServer(server) {
      const authToken = process.env.CONVOSO_AUTH_TOKEN;
      if (!authToken) {
        server.config.logger.warn('CONVOSO_AUTH_TOKEN is not set: /api calls will fail.');
        return;
      }
      const upstream = process.env.CONVOSO_UPSTREAM ?? 'http://127.0.0.1:8787/v1';
      server.middlewares.use('/api', createProxyMiddleware({ authToken, upstream }));
    },
  };
}

export default defineConfig({
  plugins: [convosoProxy()],
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), strictPort: true },
  build: { target: 'es2022' },
});
