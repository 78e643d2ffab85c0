//! Lead-form validation that predicts the Leads API's answer, with the codes it answers with.
//!
//! Everything here is plain Rust with no allocation on the single-value paths and no `regex`,
//! `serde` or `core::fmt` at run time, so that the validation-only wasm build (the
//! `convoso-leads/validate` entry) stays a few kilobytes. The rules are documented in each
//! module and summarised in `README.md` beside this file; the codes are in [`codes`].
//! Validators keep their problems as one-byte enums whose messages are the lines of one text
//! (the `problems!` macro in `problems.rs`), and make them an [`Invalid`] where a caller gets one.
//!
//! - [`phone`]: one phone number → `phone_number` + `phone_code` + E.164.
//! - [`email`]: one address, or a multi-address field split on `,` `;` and whitespace.
//! - [`dates`]: `YYYY-MM-DD` and `YYYY-MM-DD HH:MM:SS`.
//! - [`lead`]: whole insert, update, search and get-recordings requests.

pub mod codes;
mod data;
pub mod dates;
pub mod email;
pub mod fields;
#[cfg(not(target_arch = "wasm32"))]
pub mod json_schema;
pub mod lead;
pub mod numbers;
pub mod phone;
pub mod places;
mod problems;
pub(crate) mod report;

pub use email::{check_emails, validate_email};
pub use lead::{validate_request, LeadOptions};
pub use phone::{validate_phone, Phone, PhoneOptions};
pub use report::{FieldError, Invalid};
