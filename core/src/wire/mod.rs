//! Machinery every endpoint shares: lenient reading of JS/JSON values, the declaration macros,
//! form encoding, and (with `client`) response decoding in both the documented and the live
//! shapes.

pub mod lenient;
pub mod params;

#[cfg(feature = "client")]
pub mod envelope;
#[cfg(feature = "client")]
pub mod error_body;
#[cfg(feature = "client")]
pub mod form;
#[cfg(feature = "client")]
pub mod json;
#[cfg(feature = "client")]
pub mod normalise;
#[cfg(feature = "client")]
pub mod page;
#[cfg(feature = "client")]
pub(crate) mod record;
#[cfg(feature = "client")]
pub mod response;
#[cfg(feature = "client")]
pub mod shape;
#[cfg(not(target_arch = "wasm32"))]
pub mod typed;
