//! convoso-leads: a typed client for the Convoso Leads API and lead-form validation.
//!
//! The core (request types, validation, form encoding, response decoding, error mapping) is
//! plain Rust with no JavaScript in it, tested natively. `wasm` is the only layer that knows
//! about JS: it translates values and performs HTTP with `fetch`.
//!
//! Without the `client` feature the crate is validation only: the params types in [`api`] and
//! the checks in [`validate`].
//!
//! The validation-only wasm build (no `client`, no `typescript`) is `no_std`: std's panic and
//! formatting machinery, which every panic path would otherwise pull in, is half its size.
//! Its panic handler traps (`src/wasm/validate.rs`). Every build names `alloc` explicitly.

#![cfg_attr(
    all(
        target_arch = "wasm32",
        not(feature = "client"),
        not(feature = "typescript")
    ),
    no_std
)]

extern crate alloc;

pub mod api;
pub mod validate;
pub mod wire;

#[cfg(feature = "client")]
pub mod batch;
#[cfg(feature = "client")]
pub mod client;
#[cfg(feature = "client")]
pub mod error;
#[cfg(feature = "client")]
pub mod paging;
#[cfg(feature = "client")]
pub mod retry;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
