// Types generated from the Rust API by wasm-bindgen/tsify, and the error classes.
export * from './wasm/full/convoso_leads.js';
export * from './errors.js';
// Both modules above declare `FieldError`; the generated one is the source of truth.
export type { FieldError } from './wasm/full/convoso_leads.js';
