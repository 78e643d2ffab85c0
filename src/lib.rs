//! convoso-leads: a typed client for the Convoso Leads API and lead-form validation.
//!
//! The core (request types, validation, form encoding, response decoding, error mapping) is
//! plain Rust with no JavaScript in it, tested natively. `wasm` is the only layer that knows
//! about JS: it translates values and performs HTTP with `fetch`.

pub mod api;
pub mod wire;
