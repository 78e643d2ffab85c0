// The validators and their result and request types, and the error classes.
export * from './wasm/validate/module.js';
export * from './errors.js';
// Both modules above declare `FieldError`; the generated one is the source of truth.
export type { FieldError } from './wasm/validate/module.js';
