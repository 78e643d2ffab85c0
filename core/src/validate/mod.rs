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

use alloc::borrow::Cow;

use serde::{Deserialize, Serialize};

pub mod codes;
mod data;
pub mod dates;
pub mod email;
pub mod fields;
pub mod lead;
pub mod numbers;
pub mod phone;
pub mod places;
mod problems;

pub use email::{check_emails, validate_email};
pub use lead::{validate_request, LeadOptions};
pub use phone::{validate_phone, Phone, PhoneOptions};

/// Why one value is invalid: a code from [`codes`] and a message for a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Invalid {
    /// The code (a Leads API code, or one from [`codes::CLIENT_RANGE`]).
    pub code: u32,
    /// What is wrong, in words a form can show.
    pub message: &'static str,
}

/// One problem with one field of a request. `index` is set for multi-value fields
/// (`email`): the position of the offending value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    all(target_arch = "wasm32", feature = "typescript"),
    derive(tsify::Tsify)
)]
pub struct FieldError {
    /// The API name of the field (`phone_number`, `email`, ...).
    pub field: Cow<'static, str>,
    /// The code (a Leads API code, or one from [`codes::CLIENT_RANGE`]).
    pub code: u32,
    /// What is wrong, in words a form can show.
    pub message: Cow<'static, str>,
    /// For multi-value fields (`email`): the position of the offending value, from 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<u32>,
}
