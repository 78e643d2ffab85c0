// A loopback HTTP server that answers every request with one fixed JSON body, so an HTTP round
// trip can be timed with the server's work held constant. Listens on the first free port of
// this harness's range.
import { createServer } from 'node:http';

const PORTS = { first: 19200, last: 19299 };

function listen(server, port) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

/** @returns {{ url: string, close: () => Promise<void> }} `url` is the API base (…/v1). */
export async function serveFixed(body) {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      response.end(body);
    });
  });
  for (let port = PORTS.first; port <= PORTS.last; port++) {
    try {
      await listen(server, port);
      return {
        url: `http://127.0.0.1:${port}/v1`,
        close: () => new Promise((resolve) => server.close(() => resolve())),
      };
    } catch (error) {
      if (error.code !== 'EADDRINUSE') throw error;
    }
  }
  throw new Error(`no free port in ${PORTS.first}-${PORTS.last}`);
}
