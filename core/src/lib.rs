//! convoso-leads-core: the Convoso Leads client without a transport.
//!
//! Request types, validation, form encoding, response decoding, retry policy and error
//! mapping, in plain Rust with no JavaScript in it, tested natively. The `convoso-leads`
//! crate is the only layer that knows about JS: it reads JS values through the traits here
//! ([`wire::json::Json`], [`validate::fields::Fields`]) and performs HTTP with `fetch`.
//!
//! Without the `client` feature the crate is validation only: the params types in [`api`] and
//! the checks in [`validate`]. That build is `no_std` on wasm32 (no `client`, no
//! `typescript`): std's panic and formatting machinery, which every panic path would otherwise
//! pull in, is half the size of the validation module. Every build names `alloc` explicitly.

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
#[cfg(feature = "client")]
pub mod text;
