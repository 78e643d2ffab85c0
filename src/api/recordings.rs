//! `POST /leads/get-recordings`: the call recordings of one lead.

use crate::wire::lenient::IntLike;
use crate::wire::params::params;

params! {
    /// Which lead's recordings to fetch, and which page of them.
    pub struct RecordingsParams {
        /// ID of the lead. Required.
        lead_id: String,
        /// Only recordings starting at or after this time: `YYYY-MM-DD HH:MM:SS`.
        start_time: String,
        /// Only recordings up to this time: `YYYY-MM-DD HH:MM:SS`.
        end_time: String,
        /// Pagination offset: an integer ≥ 0 (default 0). Otherwise the service answers 7231.
        offset: IntLike,
        /// Results per page: an integer from 1 to 100 (default 10).
        limit: IntLike,
    }
}
