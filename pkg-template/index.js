// convoso-leads: the client, and the validators of the validation module it checks requests with
// (the one `convoso-leads/validate` loads: an app importing both entries ships it once). The
// error classes come from the one module every entry shares.
export * from './wasm/full/convoso_leads.js';
export * from './errors.js';
