//! `POST /leads/delete`: remove one lead.

use alloc::string::String;

use crate::wire::params::params;

params! {
    /// Which lead to delete.
    pub struct DeleteParams {
        required {
            /// ID of the lead to delete. Required. An unknown ID answers 6001.
            lead_id,
        }
        optional {
        }
    }
}

#[cfg(feature = "client")]
pub use answer::{Delete, DeleteResult};

#[cfg(feature = "client")]
mod answer {
    use serde::Serialize;

    use super::DeleteParams;
    use crate::api::Endpoint;
    use crate::validate::fields::{AsValue, Fields, Value};
    use crate::validate::lead::{validate_request, Check, LeadOptions, Need, Request, Rule};
    use crate::validate::FieldError;
    use crate::wire::envelope::Payload;
    use crate::wire::json::Json;

    /// The same rule update and get-recordings apply to their `lead_id`.
    static RULES: Request = Request {
        names: "lead_id ",
        rules: &[Rule {
            check: Check::LeadId,
            need: Need::LeadId,
        }],
        ranges: "",
    };

    impl Fields for DeleteParams {
        fn value(&self, name: &str) -> Value<'_> {
            match name {
                "lead_id" => self.lead_id.as_value(),
                _ => Value::Absent,
            }
        }
    }

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

    /// `POST /leads/delete`.
    pub struct Delete;

    impl Endpoint for Delete {
        const PATH: &'static str = "/leads/delete";
        const IDEMPOTENT: bool = true;
        type Params = DeleteParams;
        type Output<J> = DeleteResult;

        fn validate(params: &DeleteParams) -> Vec<FieldError> {
            validate_request(&RULES, params, &LeadOptions::default())
        }

        /// Reaching here means the answer was not a failure; its body carries nothing else.
        fn decode<J: Json>(_: Payload<J>, _: &DeleteParams) -> Result<DeleteResult, String> {
            Ok(DeleteResult { success: true })
        }
    }
}
