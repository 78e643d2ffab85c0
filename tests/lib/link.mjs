// The libraries a test project uses besides convoso-leads (form libraries, build tools, type
// packages) come from the repository's own install, linked into the temp project whose
// convoso-leads is the packed tarball.
import { mkdirSync, symlinkSync } from 'node:fs';
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
