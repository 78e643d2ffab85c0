//! What the validators report: why one value is invalid, and one problem with one field of a
//! request.

use alloc::borrow::Cow;

use serde::{Deserialize, Serialize};

/// Why one value is invalid: a code from [`super::codes`] and a message for a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Invalid {
    /// The code (a Leads API code, or one from [`super::codes::CLIENT_RANGE`]). Every code
    /// fits 16 bits; with the flag below it shares one word, which keeps the wasm small.
    pub code: u16,
    /// What is wrong, in words a form can show.
    pub message: &'static str,
    /// The input is merely unfinished (too few digits so far, no domain yet): it may still
    /// become valid as the person goes on typing, so a form can wait for them to leave the field.
    pub incomplete: bool,
}

impl Invalid {
    /// A problem that more typing cannot fix.
    pub const fn new(code: u32, message: &'static str) -> Invalid {
        Invalid {
            code: code as u16,
            message,
            incomplete: false,
        }
    }
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
    /// The code (a Leads API code, or one from [`super::codes::CLIENT_RANGE`]).
    pub code: u32,
    /// What is wrong, in words a form can show.
    pub message: Cow<'static, str>,
    /// For multi-value fields (`email`): the position of the offending value, from 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<u32>,
    /// The value is merely unfinished (see [`Invalid::incomplete`]).
    #[serde(default, skip_serializing_if = "core::ops::Not::not")]
    #[cfg_attr(all(target_arch = "wasm32", feature = "typescript"), tsify(optional))]
    pub incomplete: bool,
}
