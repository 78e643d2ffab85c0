// convoso-leads/validate: the validators alone, from the validation-only WebAssembly module (no
// HTTP, no client), for forms that must stay small. The validators report problems in their
// results and never throw the package's error classes, so this entry leaves those to the main one.
export * from './wasm/validate/module.js';
