// convoso-leads/validate: the validators alone, from the validation-only WebAssembly build (no
// HTTP, no client), for forms that must stay small. Same error classes as the main entry.
export * from './wasm/validate/convoso_leads.js';
export * from './errors.js';
