//! `POST /leads/update`: change fields of one existing lead.

use alloc::string::String;

use crate::api::declare::params;
use crate::validate::lead::{Check, DATE};
use crate::wire::lenient::NumberLike;

params! {
    /// The lead to change and its new values; fields left out keep their current value.
    pub struct UpdateParams {
        path: "/leads/update",
        idempotent: true,
        answer: Update,
        fields {
            /// ID of the lead to update. Required (6070 when invalid, 6071 when not found).
            lead_id: String = required(LeadId, Check::LeadId),
            /// Move the lead to this list.
            list_id: String,
            /// New phone number: digits only, without the country code.
            phone_number: String = optional(Check::Phone),
            /// New country calling code.
            phone_code: String = optional(Check::PhoneCode),
            /// New status code.
            status: String,
            /// New first name.
            first_name: String,
            /// New last name.
            last_name: String,
            /// New alternate phone 1: digits only.
            alt_phone_1: String = optional(Check::Phone),
            /// New street address.
            address1: String,
            /// New address line 2.
            address2: String,
            /// New city.
            city: String,
            /// New alternate phone 2: digits only.
            alt_phone_2: String = optional(Check::Phone),
            /// New email address (6079 when invalid).
            email: String = optional(Check::Emails),
            /// Start date: `YYYY-MM-DD`.
            start_date: String = optional(DATE),
            /// New country.
            country: String = optional(Check::Country),
            /// New state.
            state: String = optional(Check::State),
            /// Company name.
            std_company_name: String,
            /// Consumer number.
            std_consumer_number: String,
            /// Account number.
            std_account_number: String,
            /// Notes (long text).
            notes: String,
            /// New postal code.
            postal_code: String = optional(Check::PostalCode),
            /// Monthly revenue: a number.
            monthly_revenue: NumberLike = optional(Check::Decimal),
            /// Title.
            title: String,
            /// Business name.
            business_name: String,
            /// DBA ("doing business as") name.
            dba: String,
            /// Industry.
            industry: String,
            /// Annual revenue: a number.
            annual_revenue: NumberLike = optional(Check::Decimal),
        }
        ranges []
    }
}

#[cfg(feature = "client")]
pub use answer::{decode, UpdateResult};

#[cfg(feature = "client")]
mod answer {
    use serde::Serialize;

    use crate::api::params::Params;
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

    /// `data.lead_id` when the answer has it; a bare `{"success": true}` means the lead that
    /// was asked for.
    pub fn decode<J: Json>(payload: Payload<J>, params: &Params) -> Result<UpdateResult, String> {
        payload
            .id(&["lead_id", "id"])
            .or_else(|| params.text("lead_id"))
            .map(|lead_id| UpdateResult { lead_id })
            .ok_or_else(|| "the answer names no lead_id".to_owned())
    }
}
