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
mod endpoint;
pub mod insert;
pub mod params;
pub mod recordings;
pub mod search;
pub mod update;

pub use delete::DeleteParams;
pub use insert::InsertParams;
pub use params::Params;
pub use recordings::RecordingsParams;
pub use search::SearchParams;
pub use update::UpdateParams;

#[cfg(not(target_arch = "wasm32"))]
pub use endpoint::Typed;
pub use endpoint::{Answer, Endpoint};

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
    use super::endpoint::Answer;
    use super::params::Params;
    use super::{delete, insert, recordings, search, update};
    use crate::wire::envelope::Payload;
    use crate::wire::json::Json;

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
