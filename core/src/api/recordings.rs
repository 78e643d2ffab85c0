//! `POST /leads/get-recordings`: the call recordings of one lead.

use alloc::string::String;

use crate::api::declare::params;
use crate::validate::lead::{Check, DATETIME, OFFSET, RECORDINGS_LIMIT};
use crate::wire::lenient::IntLike;

params! {
    /// Which lead's recordings to fetch, and which page of them.
    pub struct RecordingsParams {
        path: "/leads/get-recordings",
        idempotent: true,
        answer: Recordings,
        fields {
            /// ID of the lead. Required.
            lead_id: String = required(LeadId, Check::LeadId),
            /// Only recordings starting at or after this time: `YYYY-MM-DD HH:MM:SS`.
            start_time: String = optional(DATETIME),
            /// Only recordings up to this time: `YYYY-MM-DD HH:MM:SS`.
            end_time: String = optional(DATETIME),
            /// Pagination offset: an integer ≥ 0 (default 0). Otherwise the service answers 7231.
            offset: IntLike = optional(OFFSET),
            /// Results per page: an integer from 1 to 100 (default 10).
            limit: IntLike = optional(RECORDINGS_LIMIT),
        }
        ranges [
            (start_time, end_time),
        ]
    }
}

#[cfg(feature = "client")]
pub use answer::{decode, Recording, RecordingsPage};

#[cfg(feature = "client")]
mod answer {
    use serde::Serialize;

    use crate::api::params::Params;
    use crate::wire::envelope::Payload;
    use crate::wire::json::Json;
    use crate::wire::page::{self, Requested};
    use crate::wire::record::record;

    record! {
        /// One call recording of a lead.
        pub struct Recording as "recording" {
            required {
                /// Unique recording ID.
                recording_id: String,
            }
            optional {
                /// Associated lead ID.
                lead_id: String,
                /// Recording start time, `YYYY-MM-DD HH:MM:SS`.
                start_time: String,
                /// Recording end time, `YYYY-MM-DD HH:MM:SS` (the service may send `""`).
                end_time: String,
                /// Duration in seconds; `null` when the service has none.
                seconds: f64,
                /// Recording download/playback URL.
                url: String,
            }
        }
    }

    /// One page of a lead's recordings.
    #[derive(Clone, Debug, PartialEq, Serialize)]
    #[cfg_attr(
        all(target_arch = "wasm32", feature = "typescript"),
        derive(tsify::Tsify)
    )]
    pub struct RecordingsPage<T> {
        /// The recordings on this page.
        pub entries: Vec<T>,
        /// Offset of the first recording on this page.
        pub offset: u64,
        /// Page size used.
        pub limit: u64,
        /// Number of recordings in all pages, when the service reports it.
        #[serde(skip_serializing_if = "Option::is_none")]
        #[cfg_attr(all(target_arch = "wasm32", feature = "typescript"), tsify(optional))]
        pub total: Option<u64>,
    }

    /// One page; `offset` and `limit` from the request when the answer leaves them out.
    pub fn decode<J: Json>(
        payload: Payload<J>,
        params: &Params,
    ) -> Result<RecordingsPage<J>, String> {
        let requested = Requested {
            offset: params.count("offset"),
            limit: params.count("limit"),
            default_limit: 10,
        };
        let page = page::decode::<J, Recording>(payload, requested)?;
        Ok(RecordingsPage {
            entries: page.items,
            offset: page.offset,
            limit: page.limit,
            total: page.total,
        })
    }
}
