//! One module per Leads endpoint: its parameters, its result, and how its answer decodes.
//!
//! The params types are always compiled (validation checks them); decoding and the HTTP
//! details sit behind the `client` feature.

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

#[cfg(feature = "client")]
pub use endpoint::Endpoint;

#[cfg(feature = "client")]
mod endpoint {
    use crate::validate::FieldError;
    use crate::wire::envelope::Payload;
    use crate::wire::form::Encode;
    use crate::wire::json::Json;
    use crate::wire::params::{FromFields, ParamNames};

    /// What makes one endpoint different from another; everything else is shared.
    pub trait Endpoint {
        /// The path under the base URL, as the API documents it.
        const PATH: &'static str;
        /// Whether sending the call twice is harmless: only then may it be retried blindly.
        const IDEMPOTENT: bool;
        type Params: Encode + ParamNames + FromFields;
        type Output<J>;

        /// The same checks the service makes, run before anything is sent.
        fn validate(params: &Self::Params) -> Vec<FieldError>;

        /// The result from a successful answer; `Err` describes what was missing or malformed.
        fn decode<J: Json>(
            payload: Payload<J>,
            params: &Self::Params,
        ) -> Result<Self::Output<J>, String>;
    }
}
