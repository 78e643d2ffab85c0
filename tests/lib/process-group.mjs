// A child process started in its own process group, so that stopping it also stops what it
// started: npm's workerd bin is a Node wrapper around the real binary, xvfb-run starts Xvfb,
// drivers start browsers. A grandchild left behind holds the test's pipes open and the test
// file never ends.
import { spawn } from 'node:child_process';

/** Spawns `command args` with `options`; `output()` is what it printed, `stop()` kills the group. */
export function spawnGroup(command, args, options = {}) {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return {
    child,
    output: () => output,
    stop() {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    },
  };
}
