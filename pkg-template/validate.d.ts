// The validators and their result and request types.
export * from './wasm/validate/module.js';
