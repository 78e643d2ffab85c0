// What every runtime leg shares: a project with the packed package and the checks fixture, the
// config the checks read, and the assertions on the report (each check a subtest, and a leg
// that ran no check fails).
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { project } from '../../pack/lib/package.mjs';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
// Every check runChecks makes (fixtures/checks.mjs): a leg must report each, passed.
export const CHECKS = 11;

/** The live-style sandbox scripts/test/runtimes.sh started. */
function sandbox() {
  const { SANDBOX_URL: baseUrl, SANDBOX_ORIGIN: origin, SANDBOX_TOKEN: authToken } = process.env;
  if (!baseUrl || !origin || !authToken) throw new Error('run scripts/test/runtimes.sh (SANDBOX_URL … unset)');
  return { baseUrl, origin, authToken };
}

/** A valid number no other run uses: 415 + [2-9]XX (not N11) + XXXX. */
function freshPhone() {
  let exchange = randomInt(200, 1000);
  if (exchange % 100 === 11) exchange += 1;
  return `415${exchange}${String(randomInt(0, 10_000)).padStart(4, '0')}`;
}

/** A project holding the package, the checks, `files` (fixture names by their name there) and config.json. */
export async function legProject(t, files) {
  const all = { 'checks.mjs': 'checks.mjs', ...files };
  const dir = await project(t, {
    type: 'module',
    files: Object.fromEntries(Object.entries(all).map(([as, name]) => [as, readFileSync(path.join(FIXTURES, name), 'utf8')])),
  });
  const config = { ...sandbox(), listId: '333', phone: freshPhone() };
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
  return dir;
}

/** Each check of a leg's report as a subtest; returns how many passed. */
export async function assertChecks(t, leg, checks) {
  assert.ok(Array.isArray(checks) && checks.length > 0, `${leg} ran no check`);
  for (const check of checks) {
    await t.test(`${leg}: ${check.name}`, () => assert.ok(check.ok, check.detail));
  }
  assert.equal(checks.length, CHECKS, `${leg} ran every check`);
  const passed = checks.filter((c) => c.ok).length;
  t.diagnostic(`${leg}: ${passed} of ${checks.length} checks passed`);
  return passed;
}

/** A loopback port free right now (for a driver or a workerd socket the test starts). */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}
