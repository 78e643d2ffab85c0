// @ts-check
// ES module entry: the CommonJS implementation's exports, so both share one copy.
export { startSandbox, sandboxBinary, SandboxStartError } from './index.cjs';
