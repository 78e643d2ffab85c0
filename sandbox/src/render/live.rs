//! The shapes the live service is observed to send (observed-behaviour.md): a `data`
//! envelope, numbers as strings in some places and as numbers in others, extra lead fields,
//! and numbered errors as HTTP 200 `{"success":false,"code":…,"text":…}`. Auth failures
//! answer 401 with code 5001.

use serde_json::{json, Value};

use super::{lead_object, RecordingBase, Reply};
use crate::error::ApiError;
use crate::store::columns::Shown;
use crate::store::Recording;

pub fn reply(reply: &Reply, base: &RecordingBase) -> Value {
    match reply {
        // Lead search sends its counters as strings ("offset":"0", "total":"12250").
        Reply::Search(page) => json!({
            "success": true,
            "data": {
                "offset": page.offset.to_string(),
                "limit": page.limit.to_string(),
                "total": page.total.to_string(),
                "entries": page
                    .entries
                    .iter()
                    .map(|lead| Value::Object(lead_object(lead, Shown::Live, true)))
                    .collect::<Vec<_>>(),
            },
        }),
        // Recordings send them as numbers.
        Reply::Recordings(page) => json!({
            "success": true,
            "data": {
                "offset": page.offset,
                "limit": page.limit,
                "total": page.total,
                "entries": page.entries.iter().map(|r| recording(r, base)).collect::<Vec<_>>(),
            },
        }),
        // `lead_id` is seen both as a number and as a string: insert sends a number,
        // update a string, and `id` the other way round.
        Reply::Inserted(id) => json!({
            "success": true,
            "data": { "lead_id": id },
            "id": id.to_string(),
        }),
        Reply::Updated(id) => json!({
            "success": true,
            "data": { "lead_id": id.to_string() },
            "id": id,
        }),
        Reply::Deleted => json!({ "success": true }),
    }
}

/// A recording whose end was never logged has `end_time: ""` and `seconds: null`.
fn recording(rec: &Recording, base: &RecordingBase) -> Value {
    json!({
        "recording_id": rec.recording_id,
        "lead_id": rec.lead_id.to_string(),
        "start_time": rec.start_time,
        "end_time": rec.end_time.as_deref().unwrap_or(""),
        "seconds": rec.seconds,
        "url": base.url(&rec.recording_id),
    })
}

pub fn error(err: &ApiError) -> Value {
    json!({ "success": false, "code": err.code, "text": err.live_text })
}
