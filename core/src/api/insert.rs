//! `POST /leads/insert`: add a lead to a list (or update a matching one with `update_if_found`).
//!
//! Not idempotent: sending the same insert twice can create two leads.

use alloc::string::String;

use crate::wire::lenient::{FlagLike, IntLike, NumberLike};
use crate::wire::params::params;

params! {
    /// A new lead. `list_id` and `phone_number` are required (6007 when either is missing).
    pub struct InsertParams {
        required {
            /// List ID to add the lead to. Required (6007 when missing; 6002 when no such list).
            list_id,
            /// Primary phone number: digits only, without the country code. Required (6007 when
            /// missing; 6008 when invalid; 6009 when it already exists, depending on `check_dup`).
            phone_number,
        }
        optional {
            /// Country calling code of the phone numbers (default `1`).
            phone_code: String,
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
            alt_phone_1: String,
            /// Alternate phone 2: digits only.
            alt_phone_2: String,
            /// Email address; several may be separated by `,` or `;` (6079 when invalid).
            email: String,
            /// Street address.
            address1: String,
            /// Address line 2.
            address2: String,
            /// City.
            city: String,
            /// State/Province.
            state: String,
            /// Province.
            province: String,
            /// Postal code.
            postal_code: String,
            /// Country code.
            country: String,
            /// Gender (M/F/Other).
            gender: String,
            /// Date of birth: `YYYY-MM-DD`.
            date_of_birth: String,
            /// Add the lead to the queue hopper for immediate dialing.
            hopper: FlagLike,
            /// Hopper priority: an integer from 0 (lowest) to 99 (highest, the default).
            hopper_priority: IntLike,
            /// Minutes before the lead expires from the hopper: an integer, at most 300.
            hopper_expires_in: IntLike,
            /// Update the lead instead when a duplicate is found.
            update_if_found: FlagLike,
            /// Duplicate check level: 0 none, 1 current list, 2 all lists, 3 all lists and archive,
            /// 4 complete.
            check_dup: IntLike,
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
            /// Token to fetch the lead's phone from Blue Ink Digital.
            blueinkdigital_token: String,
            /// Reject the lead by carrier type: any of `MOBILE`, `VOIP`, `LANDLINE`, comma-separated.
            reject_by_carrier_type: String,
            /// With `update_if_found`: the campaign ID to search for a duplicate within (an integer).
            search_campaign_id: IntLike,
            /// With `update_if_found`: the list ID to search for a duplicate within (an integer; takes
            /// priority over `search_campaign_id`).
            search_list_id: IntLike,
            /// With `update_if_found`: which duplicate to update, by last called time: `ASC` or `DESC`.
            update_order_by_last_called_time: String,
            /// Lead ID (an integer).
            lead_id: IntLike,
        }
    }
}

#[cfg(feature = "client")]
pub use answer::{Insert, InsertResult};

#[cfg(feature = "client")]
mod answer {
    use serde::Serialize;

    use super::InsertParams;
    use crate::api::Endpoint;
    use crate::validate::FieldError;
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

    /// `POST /leads/insert`.
    pub struct Insert;

    impl Endpoint for Insert {
        const PATH: &'static str = "/leads/insert";
        const IDEMPOTENT: bool = false;
        type Params = InsertParams;
        type Output<J> = InsertResult;

        fn validate(params: &InsertParams) -> Vec<FieldError> {
            crate::validate::validate_insert(params)
        }

        /// `data.lead_id` (live and documented), else a top-level `lead_id` or `id`.
        fn decode<J: Json>(payload: Payload<J>, _: &InsertParams) -> Result<InsertResult, String> {
            payload
                .id(&["lead_id", "id"])
                .map(|lead_id| InsertResult { lead_id })
                .ok_or_else(|| "the answer names no lead_id".to_owned())
        }
    }
}
