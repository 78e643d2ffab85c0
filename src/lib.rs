//! convoso-leads: the JavaScript bindings of [`convoso_leads_core`], compiled to WebAssembly.
//!
//! Everything that is not JavaScript (request types, validation, encoding, decoding, retry
//! policy, errors) lives in the core crate and is re-exported here under the same paths.
//! `wasm` is the only layer that knows about JS: it translates values, performs HTTP with
//! `fetch` and exposes the client (`wasm::client`) and the validation-only module
//! (`wasm::validate`, its own small ABI).
//!
//! The validation-only wasm build (no `client`, no `typescript`) is `no_std`; its panic
//! handler traps (`src/wasm/validate.rs`).

#![cfg_attr(
    all(
        target_arch = "wasm32",
        not(feature = "client"),
        not(feature = "typescript")
    ),
    no_std
)]

extern crate alloc;

pub use convoso_leads_core::{api, validate, wire};
#[cfg(feature = "client")]
pub use convoso_leads_core::{batch, client, error, paging, retry, text};

#[cfg(target_arch = "wasm32")]
pub mod wasm;
