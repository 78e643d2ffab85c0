// The sandbox inside test runners, as the README shows: a Vitest project that starts it in
// global set-up, and a Playwright project whose webServer runs the command (in Debian's
// Chromium). The runners are the repository's own installs linked into each project: an
// offline install from the registry is not possible, and the point is the sandbox packages,
// which are installed from their tarballs.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, symlinkSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { answers, FIXTURES, goneWithin, project, ROOT, run, takenPort, tarballs } from './lib/install.mjs';

/** The fixture folder's files, for project(). */
function files(folder) {
  const dir = path.join(FIXTURES, folder);
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]));
}

/** Links the repository's install of `name` into the project. */
function link(dir, name) {
  mkdirSync(path.dirname(path.join(dir, 'node_modules', name)), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules', name), path.join(dir, 'node_modules', name));
}

test('Vitest: global set-up starts the sandbox, the specs use it, teardown stops it', async (t) => {
  const { main, platform, client } = tarballs();
  const dir = await project(t, { files: files('vitest'), packages: [main, platform, client] });
  link(dir, 'vitest');
  const env = { ...process.env, CI: '1' };
  delete env.CONVOSO_SANDBOX_BINARY;
  await run(path.join(ROOT, 'node_modules/.bin/vitest'), ['run', '--reporter=json', '--outputFile=report.json'], { cwd: dir, env });
  const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'));
  assert.deepEqual(
    [report.numTotalTests, report.numPassedTests, report.numFailedTests, report.numPendingTests],
    [2, 2, 0, 0],
    JSON.stringify(report.testResults?.map((r) => r.message)),
  );
  const pid = Number(readFileSync(path.join(dir, 'sandbox.pid'), 'utf8'));
  assert.ok(pid > 0);
  assert.ok(await goneWithin(pid, 5_000), 'teardown stopped the sandbox');
});

test('Playwright: webServer runs convoso-leads-sandbox; specs drive it from Chromium', async (t) => {
  const { main, platform, client } = tarballs();
  const dir = await project(t, { files: files('playwright'), packages: [main, platform, client] });
  link(dir, '@playwright/test');
  // A port that was free a moment ago: webServer needs a fixed one.
  const free = await takenPort();
  await free.close();
  const env = { ...process.env, SANDBOX_PORT: String(free.port), CI: '1' };
  delete env.CONVOSO_SANDBOX_BINARY;
  const result = await run(path.join(ROOT, 'node_modules/.bin/playwright'), ['test', '--reporter=json', '--workers=1'], {
    cwd: dir,
    env,
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error) => error);
  const report = JSON.parse(result.stdout);
  assert.deepEqual(
    { expected: report.stats.expected, unexpected: report.stats.unexpected, skipped: report.stats.skipped, flaky: report.stats.flaky },
    { expected: 2, unexpected: 0, skipped: 0, flaky: 0 },
    JSON.stringify(report.errors ?? report.suites, null, 1).slice(0, 4000),
  );
  assert.equal(await answers(`http://127.0.0.1:${free.port}`), false, 'Playwright stopped the sandbox');
});
