// `npm run dev`: Vite's dev server with the same proxy mounted under /api as server.mjs uses,
// so development and the production build talk to the service the same way.
import { defineConfig, type Plugin } from 'vite';
import { apiProxyFromEnv } from './api-proxy.mjs';

function convosoProxy(): Plugin {
  return {
    name: 'convoso-proxy',
    configureServer(server) {
      const api = apiProxyFromEnv(process.env);
      if (api) server.middlewares.use('/api', api.middleware);
      else server.config.logger.warn('CONVOSO_AUTH_TOKEN is not set: /api calls will fail.');
    },
  };
}

export default defineConfig({
  plugins: [convosoProxy()],
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), strictPort: true },
  build: { target: 'es2022' },
});
