//! `POST /leads/search`: find leads by any combination of filters, one page at a time.

use alloc::string::String;

use crate::api::declare::params;
use crate::validate::lead::{DATE, DATE_OR_DATETIME, OFFSET, SEARCH_LIMIT};
use crate::wire::lenient::IntLike;

params! {
    /// Filters for `searchLeads`. Every filter is optional; the service combines the ones given.
    pub struct SearchParams {
        path: "/leads/search",
        idempotent: true,
        answer: Search,
        fields {
            /// Filter by lead ID.
            lead_id: String,
            /// Filter by list ID.
            list_id: String,
            /// Filter by assigned user ID.
            user_id: String,
            /// Filter by lead owner ID.
            owner_id: String,
            /// Filter by lead status code (e.g. `ACTIVE`).
            status: String,
            /// Pagination offset: an integer ≥ 0 (default 0). Otherwise the service answers 7231.
            offset: IntLike = optional(OFFSET),
            /// Results per page: an integer from 1 to 2000 (default 10). Otherwise the service answers 7258.
            limit: IntLike = optional(SEARCH_LIMIT),
            /// Filter by creator.
            created_by: String,
            /// Filter by email.
            email: String,
            /// Filter by last modifier.
            last_modified_by: String,
            /// Filter by first name.
            first_name: String,
            /// Filter by last name.
            last_name: String,
            /// Filter by phone number (digits only, without the country code).
            phone_number: String,
            /// Filter by alternate phone 1.
            alt_phone_1: String,
            /// Filter by alternate phone 2.
            alt_phone_2: String,
            /// Filter by street address.
            address1: String,
            /// Filter by address line 2.
            address2: String,
            /// Filter by city.
            city: String,
            /// Filter by state/province.
            state: String,
            /// Filter by province.
            province: String,
            /// Filter by postal code.
            postal_code: String,
            /// Filter by country.
            country: String,
            /// Filter by gender.
            gender: String,
            /// Filter by date of birth: `YYYY-MM-DD`.
            date_of_birth: String = optional(DATE),
            /// Filter by creation start date: `YYYY-MM-DD`.
            created_at_start_date: String = optional(DATE_OR_DATETIME),
            /// Filter by creation end date: `YYYY-MM-DD`.
            created_at_end_date: String = optional(DATE_OR_DATETIME),
            /// Filter by modification start date: `YYYY-MM-DD`. Results then come in ascending update order.
            updated_at_start_date: String = optional(DATE_OR_DATETIME),
            /// Filter by modification end date: `YYYY-MM-DD`.
            updated_at_end_date: String = optional(DATE_OR_DATETIME),
            /// Filter by company name.
            std_company_name: String,
            /// Filter by consumer number.
            std_consumer_number: String,
            /// Filter by account number.
            std_account_number: String,
            /// Filter by change start date: `YYYY-MM-DD`.
            changed_at_start_date: String = optional(DATE_OR_DATETIME),
            /// Filter by change end date: `YYYY-MM-DD`.
            changed_at_end_date: String = optional(DATE_OR_DATETIME),
            /// Filter by deletion start date: `YYYY-MM-DD`.
            deleted_at_start: String = optional(DATE_OR_DATETIME),
            /// Filter by deletion end date: `YYYY-MM-DD`.
            deleted_at_end: String = optional(DATE_OR_DATETIME),
            /// Filter by archive start date: `YYYY-MM-DD`.
            archived_at_start: String = optional(DATE_OR_DATETIME),
            /// Filter by archive end date: `YYYY-MM-DD`.
            archived_at_end: String = optional(DATE_OR_DATETIME),
            /// Filter by last call start date: `YYYY-MM-DD`.
            last_call_start_date: String = optional(DATE_OR_DATETIME),
            /// Filter by last call end date: `YYYY-MM-DD`.
            last_call_end_date: String = optional(DATE_OR_DATETIME),
        }
        ranges [
            (created_at_start_date, created_at_end_date),
            (updated_at_start_date, updated_at_end_date),
            (changed_at_start_date, changed_at_end_date),
            (deleted_at_start, deleted_at_end),
            (archived_at_start, archived_at_end),
            (last_call_start_date, last_call_end_date),
        ]
    }
}

#[cfg(feature = "client")]
pub use answer::{decode, Lead, SearchPage};

#[cfg(feature = "client")]
mod answer {
    use serde::Serialize;

    use crate::api::params::Params;
    use crate::wire::envelope::Payload;
    use crate::wire::json::Json;
    use crate::wire::page::{self, Requested};
    use crate::wire::record::record;

    record! {
        /// A lead as search returns it. Ids and documented fields are strings (the service
        /// sometimes sends numbers; they are converted); custom fields are kept as sent.
        pub struct Lead as "lead" {
            required {
                /// Unique lead ID.
                id: String,
            }
            optional {
                /// Creation timestamp, `YYYY-MM-DD HH:MM:SS` (no time zone).
                created_at: String,
                /// Last modification timestamp, `YYYY-MM-DD HH:MM:SS`.
                modified_at: String,
                /// Contact first name.
                first_name: String,
                /// Contact last name.
                last_name: String,
                /// Email address.
                email: String,
                /// Lead status code.
                status: String,
                /// Owner user ID.
                owner_id: String,
                /// Source ID.
                source_id: String,
                /// Associated list ID.
                list_id: String,
                /// Primary phone number (digits).
                phone_number: String,
                /// Country calling code of the phone numbers.
                phone_code: String,
                /// Alternate phone 1.
                alt_phone_1: String,
                /// Alternate phone 2.
                alt_phone_2: String,
                /// Street address.
                address1: String,
                /// Address line 2.
                address2: String,
                /// City.
                city: String,
                /// State/Province.
                state: String,
                /// Postal code.
                postal_code: String,
                /// Country code.
                country: String,
                /// Gender (M/F/Other).
                gender: String,
                /// Date of birth, `YYYY-MM-DD`.
                date_of_birth: String,
                /// Phone carrier name.
                carrier_name: String,
                /// Carrier type (wireless/landline/voip).
                carrier_type: String,
            }
        }
    }

    /// One page of search results.
    #[derive(Clone, Debug, PartialEq, Serialize)]
    #[cfg_attr(
        all(target_arch = "wasm32", feature = "typescript"),
        derive(tsify::Tsify)
    )]
    pub struct SearchPage<T> {
        /// The leads on this page.
        pub results: Vec<T>,
        /// Offset of the first lead on this page.
        pub offset: u64,
        /// Page size used.
        pub limit: u64,
        /// Number of matching leads in all pages, when the service reports it.
        #[serde(skip_serializing_if = "Option::is_none")]
        #[cfg_attr(all(target_arch = "wasm32", feature = "typescript"), tsify(optional))]
        pub total: Option<u64>,
    }

    /// One page; `offset` and `limit` from the request when the answer leaves them out.
    pub fn decode<J: Json>(payload: Payload<J>, params: &Params) -> Result<SearchPage<J>, String> {
        let requested = Requested {
            offset: params.count("offset"),
            limit: params.count("limit"),
            default_limit: 10,
        };
        let page = page::decode::<J, Lead>(payload, requested)?;
        Ok(SearchPage {
            results: page.items,
            offset: page.offset,
            limit: page.limit,
            total: page.total,
        })
    }
}
