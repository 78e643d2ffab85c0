// The bundlers a browser app may use, each run the ordinary way for this project layout
// (src/index.js, and index.html for Vite) with no plugin and no config file.
import path from 'node:path';
import { fixtures } from './consumer.mjs';
import { BIN, project, run } from './package.mjs';

export const BUNDLERS = [
  { name: 'Vite', files: fixtures({ 'index.html': 'index.html' }), build: ['vite', ['build', '--logLevel', 'warn']] },
  { name: 'webpack 5', files: {}, build: ['webpack', ['--mode', 'production', '--no-stats']] },
  {
    name: 'esbuild',
    files: {},
    build: ['esbuild', ['src/index.js', '--bundle', '--minify', '--format=esm', '--outfile=dist/main.js']],
  },
];

/** A throwaway project with `files` and the package installed, built into its dist/. */
export async function bundle(t, bundler, files) {
  const dir = await project(t, { type: 'module', files: { ...files, ...bundler.files } });
  const [tool, args] = bundler.build;
  await run(path.join(BIN, tool), args, { cwd: dir });
  return dir;
}
