//! `POST /leads/insert`: add a lead to a list (or update a matching one with `update_if_found`).
//!
//! Not idempotent: sending the same insert twice can create two leads.

use alloc::string::String;

use crate::api::declare::params;
use crate::validate::lead::{
    Check, CARRIER_TYPES, CHECK_DUP, DATE, HOPPER_EXPIRES_IN, HOPPER_PRIORITY, ID, ORDER,
};
use crate::wire::lenient::{IntLike, NumberLike};

params! {
    /// A new lead. `list_id` and `phone_number` are required (6007 when either is missing).
    pub struct InsertParams {
        path: "/leads/insert",
        idempotent: false,
        answer: Insert,
        fields {
            /// List ID to add the lead to. Required (6007 when missing; 6002 when no such list).
            list_id: String = required(List, Check::Any),
            /// Primary phone number: digits only, without the country code. Required (6007 when
            /// missing; 6008 when invalid; 6009 when it already exists, depending on `check_dup`).
            phone_number: String = required(Phone, Check::Phone),
            /// Country calling code of the phone numbers (default `1`).
            phone_code: String = optional(Check::PhoneCode),
            /// Lead status code.
            status: String,
            /// Creator identifier.
            created_by: String,
            /// Last modifier identifier.
            last_modified_by: String,
            /// Owner user ID (6006 when no such user).
            owner_id: String,
            /// First name.
            first_name: String,
            /// Last name.
            last_name: String,
            /// Alternate phone 1: digits only.
            alt_phone_1: String = optional(Check::Phone),
            /// Alternate phone 2: digits only.
            alt_phone_2: String = optional(Check::Phone),
            /// Email address; several may be separated by `,` or `;` (6079 when invalid).
            email: String = optional(Check::Emails),
            /// Street address.
            address1: String,
            /// Address line 2.
            address2: String,
            /// City.
            city: String,
            /// Date of birth: `YYYY-MM-DD`.
            date_of_birth: String = optional(DATE),
            /// Province.
            province: String,
            /// Start date: `YYYY-MM-DD`.
            start_date: String = optional(DATE),
            /// Country code.
            country: String = optional(Check::Country),
            /// Gender (M/F/Other).
            gender: String,
            /// State/Province.
            state: String = optional(Check::State),
            /// Add the lead to the queue hopper for immediate dialing.
            hopper: FlagLike,
            /// Postal code.
            postal_code: String = optional(Check::PostalCode),
            /// Duplicate check level: 0 none, 1 current list, 2 all lists, 3 all lists and archive,
            /// 4 complete.
            check_dup: IntLike = optional(CHECK_DUP),
            /// Update the lead instead when a duplicate is found.
            update_if_found: FlagLike,
            /// Hopper priority: an integer from 0 (lowest) to 99 (highest, the default).
            hopper_priority: IntLike = optional(HOPPER_PRIORITY),
            /// Check list duplicates.
            check_dup_list: FlagLike,
            /// Check archived duplicates.
            check_dup_archive: FlagLike,
            /// Check the DNC list.
            check_dnc: FlagLike,
            /// Check wireless carriers.
            check_wireless: FlagLike,
            /// Filter by phone code.
            filter_phone_code: FlagLike,
            /// Company name.
            std_company_name: String,
            /// Consumer number.
            std_consumer_number: String,
            /// Account number.
            std_account_number: String,
            /// Notes (long text).
            notes: String,
            /// Minutes before the lead expires from the hopper: an integer, at most 300.
            hopper_expires_in: IntLike = optional(HOPPER_EXPIRES_IN),
            /// Reject the lead by carrier type: any of `MOBILE`, `VOIP`, `LANDLINE`, comma-separated.
            reject_by_carrier_type: String = optional(CARRIER_TYPES),
            /// Title.
            title: String,
            /// Business name.
            business_name: String,
            /// DBA ("doing business as") name.
            dba: String,
            /// Industry.
            industry: String,
            /// Monthly revenue: a number.
            monthly_revenue: NumberLike = optional(Check::Decimal),
            /// Token to fetch the lead's phone from Blue Ink Digital.
            blueinkdigital_token: String,
            /// Annual revenue: a number.
            annual_revenue: NumberLike = optional(Check::Decimal),
            /// With `update_if_found`: the campaign ID to search for a duplicate within (an integer).
            search_campaign_id: IntLike = optional(ID),
            /// With `update_if_found`: the list ID to search for a duplicate within (an integer; takes
            /// priority over `search_campaign_id`).
            search_list_id: IntLike = optional(ID),
            /// With `update_if_found`: which duplicate to update, by last called time: `ASC` or `DESC`.
            update_order_by_last_called_time: String = optional(ORDER),
            /// Lead ID (an integer).
            lead_id: IntLike = optional(ID),
        }
        ranges []
    }
}

#[cfg(feature = "client")]
pub use answer::{decode, InsertResult};

#[cfg(feature = "client")]
mod answer {
    use serde::Serialize;

    use crate::api::params::Params;
    use crate::wire::envelope::Payload;
    use crate::wire::json::Json;

    /// The lead an insert created (or updated, with `update_if_found`).
    #[derive(Clone, Debug, PartialEq, Serialize)]
    #[cfg_attr(
        all(target_arch = "wasm32", feature = "typescript"),
        derive(tsify::Tsify)
    )]
    pub struct InsertResult {
        /// ID of the lead, always as a string.
        pub lead_id: String,
    }

    /// `data.lead_id` (live and documented), else a top-level `lead_id` or `id`.
    pub fn decode<J: Json>(payload: Payload<J>, _: &Params) -> Result<InsertResult, String> {
        payload
            .id(&["lead_id", "id"])
            .map(|lead_id| InsertResult { lead_id })
            .ok_or_else(|| "the answer names no lead_id".to_owned())
    }
}
