// The packed package installed into throwaway Node projects: `import` from an ES module project
// and `require` from a CommonJS one, each with no set-up call, against the sandbox.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkScenario, fixtures, observeSandbox, scenarioConfig } from './lib/consumer.mjs';
import { project, run } from './lib/package.mjs';

const CONSUMERS = [
  { name: 'Node ESM (import)', type: 'module', script: 'node-esm.mjs', loads: /\/dist\/(index|validate)\.js$/ },
  { name: 'Node CommonJS (require)', type: 'commonjs', script: 'node-cjs.cjs', loads: /\/dist\/(index|validate)\.cjs$/ },
];

for (const consumer of CONSUMERS) {
  test(consumer.name, async (t) => {
    const dir = await project(t, {
      type: consumer.type,
      files: fixtures({ [consumer.script]: consumer.script, 'scenario.mjs': 'scenario.mjs' }),
    });
    const config = scenarioConfig();
    const { result, seen } = await observeSandbox(() =>
      run(process.execPath, [consumer.script], {
        cwd: dir,
        env: { ...process.env, SCENARIO_CONFIG: JSON.stringify(config) },
      }),
    );
    const report = JSON.parse(result.stdout);

    await t.test(`resolves the ${consumer.type === 'module' ? 'ESM' : 'CommonJS'} build from its own node_modules`, () => {
      for (const file of report.resolved) {
        assert.ok(file.includes(`${dir}/node_modules/convoso-leads/`), file);
        assert.match(file, consumer.loads);
      }
    });
    await checkScenario(t, { report, config, seen });
  });
}
