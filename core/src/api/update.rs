//! `POST /leads/update`: change fields of one existing lead.

use alloc::string::String;

use crate::wire::lenient::NumberLike;
use crate::wire::params::params;

params! {
    /// The lead to change and its new values; fields left out keep their current value.
    pub struct UpdateParams {
        required {
            /// ID of the lead to update. Required (6070 when invalid, 6071 when not found).
            lead_id,
        }
        optional {
            /// Move the lead to this list.
            list_id: String,
            /// New phone number: digits only, without the country code.
            phone_number: String,
            /// New country calling code.
            phone_code: String,
            /// New status code.
            status: String,
            /// New first name.
            first_name: String,
            /// New last name.
            last_name: String,
            /// New email address (6079 when invalid).
            email: String,
            /// New street address.
            address1: String,
            /// New address line 2.
            address2: String,
            /// New city.
            city: String,
            /// New state.
            state: String,
            /// New postal code.
            postal_code: String,
            /// New country.
            country: String,
            /// New alternate phone 1: digits only.
            alt_phone_1: String,
            /// New alternate phone 2: digits only.
            alt_phone_2: String,
            /// Company name.
            std_company_name: String,
            /// Consumer number.
            std_consumer_number: String,
            /// Account number.
            std_account_number: String,
            /// Notes (long text).
            notes: String,
            /// Monthly revenue: a number.
            monthly_revenue: NumberLike,
            /// Annual revenue: a number.
            annual_revenue: NumberLike,
            /// Title.
            title: String,
            /// Business name.
            business_name: String,
            /// DBA ("doing business as") name.
            dba: String,
            /// Industry.
            industry: String,
            /// Start date: `YYYY-MM-DD`.
            start_date: String,
        }
    }
}

#[cfg(feature = "client")]
pub use answer::{Update, UpdateResult};

#[cfg(feature = "client")]
mod answer {
    use serde::Serialize;

    use super::UpdateParams;
    use crate::api::Endpoint;
    use crate::validate::FieldError;
    use crate::wire::envelope::Payload;
    use crate::wire::json::Json;

    /// The lead an update changed.
    #[derive(Clone, Debug, PartialEq, Serialize)]
    #[cfg_attr(
        all(target_arch = "wasm32", feature = "typescript"),
        derive(tsify::Tsify)
    )]
    pub struct UpdateResult {
        /// ID of the lead, always as a string.
        pub lead_id: String,
    }

    /// `POST /leads/update`.
    pub struct Update;

    impl Endpoint for Update {
        const PATH: &'static str = "/leads/update";
        const IDEMPOTENT: bool = true;
        type Params = UpdateParams;
        type Output<J> = UpdateResult;

        fn validate(params: &UpdateParams) -> Vec<FieldError> {
            crate::validate::validate_update(params)
        }

        /// `data.lead_id` when the answer has it; a bare `{"success": true}` means the lead
        /// that was asked for.
        fn decode<J: Json>(
            payload: Payload<J>,
            params: &UpdateParams,
        ) -> Result<UpdateResult, String> {
            payload
                .id(&["lead_id", "id"])
                .or_else(|| params.lead_id.clone())
                .map(|lead_id| UpdateResult { lead_id })
                .ok_or_else(|| "the answer names no lead_id".to_owned())
        }
    }
}
