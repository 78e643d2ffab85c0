//! `POST /leads/update`: change fields of one existing lead.

use crate::wire::lenient::NumberLike;
use crate::wire::params::params;

params! {
    /// The lead to change and its new values; fields left out keep their current value.
    pub struct UpdateParams {
        /// ID of the lead to update. Required (6070 when invalid, 6071 when not found).
        lead_id: String,
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
