//! `POST /leads/delete`: remove one lead.

use alloc::string::String;

use crate::api::declare::params;
use crate::validate::lead::Check;

params! {
    /// Which lead to delete.
    pub struct DeleteParams {
        path: "/leads/delete",
        idempotent: true,
        answer: Delete,
        fields {
            /// ID of the lead to delete. Required. An unknown ID answers 6001.
            lead_id: String = required(LeadId, Check::LeadId),
        }
        ranges []
    }
}

#[cfg(feature = "client")]
pub use answer::{decode, DeleteResult};

#[cfg(feature = "client")]
mod answer {
    use serde::Serialize;

    use crate::api::params::Params;
    use crate::wire::envelope::Payload;
    use crate::wire::json::Json;

    /// Confirmation that the lead is gone.
    #[derive(Clone, Debug, PartialEq, Serialize)]
    #[cfg_attr(
        all(target_arch = "wasm32", feature = "typescript"),
        derive(tsify::Tsify)
    )]
    pub struct DeleteResult {
        /// Always `true`: a failed delete rejects instead.
        #[cfg_attr(
            all(target_arch = "wasm32", feature = "typescript"),
            tsify(type = "true")
        )]
        pub success: bool,
    }

    /// Reaching here means the answer was not a failure; its body carries nothing else.
    pub fn decode<J: Json>(_: Payload<J>, _: &Params) -> Result<DeleteResult, String> {
        Ok(DeleteResult { success: true })
    }
}
