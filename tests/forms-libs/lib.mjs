// Helpers shared by the forms-libs tests: the form libraries (and the build tools) come from the
// repository's own install, linked into a temp project whose convoso-leads is the packed tarball.
import { mkdirSync, symlinkSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ROOT } from '../pack/lib/package.mjs';

/**
 * Links each named package from the repository's node_modules into `dir`'s. Node and tsc
 * follow a link to its real path, so the package's own dependencies resolve there too. Call it
 * after `npm install`, never before: npm would treat the links as its own to rework.
 */
export function linkFromRepo(dir, names) {
  for (const name of names) {
    const target = path.join(dir, 'node_modules', name);
    mkdirSync(path.dirname(target), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules', name), target, 'dir');
  }
}

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
