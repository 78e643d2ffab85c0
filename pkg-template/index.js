// convoso-leads: the client and the validators, both from the full WebAssembly build, so this
// entry loads one module. The error classes come from the one module every entry shares.
export * from './wasm/full/convoso_leads.js';
export * from './errors.js';
