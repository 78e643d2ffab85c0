//! Machinery every endpoint shares: lenient reading of JS/JSON values, the params declaration
//! macro, form encoding, and (with `client`) response decoding.

#[cfg(feature = "client")]
pub mod form;
pub mod lenient;
pub(crate) mod params;
