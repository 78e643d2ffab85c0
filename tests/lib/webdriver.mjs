// Just enough W3C WebDriver over HTTP to open a page and read a value it publishes: for the
// browsers playwright-core cannot drive here (Debian's Firefox ESR through geckodriver, WebKitGTK
// through WebKitWebDriver).
import { setTimeout as sleep } from 'node:timers/promises';
import { spawnGroup } from './process-group.mjs';

/** Starts `command args` (a driver listening on `port`) and waits until it answers /status. */
export async function startDriver(command, args, port) {
  const driver = spawnGroup(command, args);
  const url = `http://127.0.0.1:${port}`;
  for (const started = Date.now(); Date.now() - started < 30_000; await sleep(100)) {
    if (driver.child.exitCode !== null) break;
    if (await fetch(`${url}/status`).then((r) => r.ok, () => false)) return { url, stop: driver.stop };
  }
  driver.stop();
  throw new Error(`${command} did not start: ${driver.output()}`);
}

async function command(url, method, body) {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`WebDriver ${method} ${url}: ${JSON.stringify(answer.value)}`);
  return answer.value;
}

/**
 * A browser session with `capabilities`. `read(page, name)` opens `page` and waits up to
 * `timeoutMs` for its `window[name]` to be set, and returns it; `close()` ends the session.
 * One session serves every page: geckodriver drops the connection of a session just deleted.
 */
export async function openSession(driverUrl, capabilities) {
  const { sessionId, capabilities: actual } = await command(`${driverUrl}/session`, 'POST', { capabilities: { alwaysMatch: capabilities } });
  const session = `${driverUrl}/session/${sessionId}`;
  return {
    browser: `${actual.browserName} ${actual.browserVersion}`,
    async read(page, name, timeoutMs = 60_000) {
      await command(`${session}/url`, 'POST', { url: page });
      for (const started = Date.now(); Date.now() - started < timeoutMs; await sleep(200)) {
        const value = await command(`${session}/execute/sync`, 'POST', { script: `return window[${JSON.stringify(name)}] ?? null;`, args: [] });
        if (value !== null) return value;
      }
      throw new Error(`${page}: window.${name} not set within ${timeoutMs} ms`);
    },
    close: () => command(session, 'DELETE').catch(() => {}),
  };
}
