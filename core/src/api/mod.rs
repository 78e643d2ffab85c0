//! One module per Leads endpoint, each holding everything about it: its parameters (name,
//! type, doc text, whether required, validation rule), its path, whether it may be retried,
//! its result type and how its answer decodes.
//!
//! Each file declares its endpoint once with `params!` (`declare.rs`), which makes the tables
//! the shared machinery walks: one reader (`wire::params`), one encoder (`wire::form`) and one
//! rule engine (`validate::lead`) serve every endpoint, so none is compiled per endpoint.
//! The params types are always compiled (validation checks them); decoding sits behind the
//! `client` feature.

pub(crate) mod declare;
pub mod delete;
pub mod insert;
pub mod recordings;
pub mod search;
pub mod update;

pub use delete::DeleteParams;
pub use insert::InsertParams;
pub use recordings::RecordingsParams;
pub use search::SearchParams;
pub use update::UpdateParams;

use crate::validate::lead::Request;
use crate::wire::params::ParamList;

/// What makes one endpoint different from another; everything else is shared. Each endpoint
/// file declares its own as `ENDPOINT`.
#[derive(Debug)]
pub struct Endpoint {
    /// The path under the base URL, as the API documents it.
    pub path: &'static str,
    /// Whether sending the call twice is harmless: only then may it be retried blindly.
    pub idempotent: bool,
    /// How its answer becomes its result.
    pub answer: Answer,
    /// Every parameter it takes.
    pub params: ParamList,
    /// The same checks the service makes, run before anything is sent.
    pub rules: &'static Request,
}

/// Which result an answer decodes to (each decoder is in its endpoint's file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Search,
    Recordings,
    Insert,
    Update,
    Delete,
}

/// A typed params struct and its endpoint (natively; the typed API shares the tables).
#[cfg(not(target_arch = "wasm32"))]
pub trait Typed: crate::validate::fields::Fields {
    const ENDPOINT: &'static Endpoint;
}

#[cfg(not(target_arch = "wasm32"))]
pub use typed::{validate_insert, validate_recordings, validate_search, validate_update};

/// The typed API's validators, with the default options.
#[cfg(not(target_arch = "wasm32"))]
mod typed {
    use alloc::vec::Vec;

    use super::{InsertParams, RecordingsParams, SearchParams, UpdateParams};
    use crate::validate::{validate_request, FieldError, LeadOptions};

    /// Validates an insert request.
    pub fn validate_insert(params: &InsertParams) -> Vec<FieldError> {
        validate_request(&super::insert::RULES, params, &LeadOptions::default())
    }

    /// Validates an update request.
    pub fn validate_update(params: &UpdateParams) -> Vec<FieldError> {
        validate_request(&super::update::RULES, params, &LeadOptions::default())
    }

    /// Validates a search request.
    pub fn validate_search(params: &SearchParams) -> Vec<FieldError> {
        validate_request(&super::search::RULES, params, &LeadOptions::default())
    }

    /// Validates a get-recordings request.
    pub fn validate_recordings(params: &RecordingsParams) -> Vec<FieldError> {
        validate_request(&super::recordings::RULES, params, &LeadOptions::default())
    }
}

#[cfg(feature = "client")]
pub use answer::{decode, Output};

#[cfg(feature = "client")]
mod answer {
    use super::{delete, insert, recordings, search, update, Answer};
    use crate::wire::envelope::Payload;
    use crate::wire::json::Json;
    use crate::wire::params::Params;

    /// The result of a call, by endpoint.
    #[derive(Debug)]
    #[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize), serde(untagged))]
    pub enum Output<J> {
        Search(search::SearchPage<J>),
        Recordings(recordings::RecordingsPage<J>),
        Insert(insert::InsertResult),
        Update(update::UpdateResult),
        Delete(delete::DeleteResult),
    }

    /// The result from a successful answer to `params`' endpoint; `Err` describes what was
    /// missing or malformed.
    pub fn decode<J: Json>(payload: Payload<J>, params: &Params) -> Result<Output<J>, String> {
        Ok(match params.endpoint.answer {
            Answer::Search => Output::Search(search::decode(payload, params)?),
            Answer::Recordings => Output::Recordings(recordings::decode(payload, params)?),
            Answer::Insert => Output::Insert(insert::decode(payload, params)?),
            Answer::Update => Output::Update(update::decode(payload, params)?),
            Answer::Delete => Output::Delete(delete::decode(payload, params)?),
        })
    }
}
