// convoso-leads/validate: the validators alone, from the validation-only WebAssembly module (no
// HTTP, no client), for forms that must stay small. The validators report problems in their
// results and never throw the package's error classes, so this entry leaves those to the main one.
// The same module checks the client's requests (`convoso-leads` loads it too), so an app that
// imports both entries downloads the validators once.
export {
  validatePhone,
  validateEmail,
  validateLead,
  validateUpdate,
  validateSearch,
  validateRecordings,
  leadSchema,
  updateSchema,
  searchSchema,
  recordingsSchema,
  bindLeadForm,
  fieldErrors,
} from './wasm/validate/module.js';
