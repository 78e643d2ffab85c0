// Helpers shared by the forms-libs tests.
import net from 'node:net';

/** The first port of `first..last` free on 127.0.0.1 right now. */
export async function freePort(first, last) {
  for (let port = first; port <= last; port++) {
    const free = await new Promise((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${first}-${last}`);
}
