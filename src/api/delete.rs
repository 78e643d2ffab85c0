//! `POST /leads/delete`: remove one lead.

use crate::wire::params::params;

params! {
    /// Which lead to delete.
    pub struct DeleteParams {
        /// ID of the lead to delete. Required. An unknown ID answers 6001.
        lead_id: String,
    }
}
