// convoso-leads/validate: the validators alone, from the validation-only WebAssembly module (no
// HTTP, no client), for forms that must stay small. Same error classes as the main entry.
export * from './wasm/validate/module.js';
export * from './errors.js';
