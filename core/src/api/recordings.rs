//! `POST /leads/get-recordings`: the call recordings of one lead.

use alloc::string::String;

use crate::wire::lenient::IntLike;
use crate::wire::params::params;

params! {
    /// Which lead's recordings to fetch, and which page of them.
    pub struct RecordingsParams {
        required {
            /// ID of the lead. Required.
            lead_id,
        }
        optional {
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
}

#[cfg(feature = "client")]
pub use answer::{Recording, Recordings, RecordingsPage};

#[cfg(feature = "client")]
mod answer {
    use serde::Serialize;

    use super::RecordingsParams;
    use crate::api::Endpoint;
    use crate::validate::FieldError;
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

    /// `POST /leads/get-recordings`.
    pub struct Recordings;

    impl Endpoint for Recordings {
        const PATH: &'static str = "/leads/get-recordings";
        const IDEMPOTENT: bool = true;
        type Params = RecordingsParams;
        type Output<J> = RecordingsPage<J>;

        fn validate(params: &RecordingsParams) -> Vec<FieldError> {
            crate::validate::validate_recordings(params)
        }

        fn decode<J: Json>(
            payload: Payload<J>,
            params: &RecordingsParams,
        ) -> Result<RecordingsPage<J>, String> {
            let requested = Requested {
                offset: params.offset.as_ref(),
                limit: params.limit.as_ref(),
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
}
