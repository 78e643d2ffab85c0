//! convoso-sandbox: a local server that behaves like the Convoso Leads API.
//!
//! It serves the five lead endpoints of leads-api.md under `/v1/leads/`, in the documented
//! shapes or the live service's (`--style`), with seeded data, fault injection and an admin
//! API under `/__sandbox/`. It shares no code with the `convoso-leads` library on purpose: it
//! is a second, independent reading of the spec, so each can catch the other's mistakes.
//!
//! ```no_run
//! # async fn demo() -> Result<(), convoso_sandbox::StartError> {
//! let sandbox = convoso_sandbox::serve(convoso_sandbox::Config::default()).await?;
//! println!("{}", sandbox.base_url()); // http://127.0.0.1:PORT/v1
//! sandbox.shutdown().await;
//! # Ok(()) }
//! ```

mod admin;
mod app;
mod audio;
mod blueink;
mod carrier;
mod catalog;
mod config;
mod endpoint;
mod endpoints;
mod error;
mod faults;
mod multipart;
mod params;
mod parse_errors;
mod render;
mod seed;
mod server;
mod stats;
mod store;
mod style;
mod validate;

pub use catalog::CatalogFile;
pub use config::{Config, DEFAULT_MAX_BODY_BYTES, DEFAULT_SEED};
pub use server::{serve, Running, StartError};
pub use style::Style;
