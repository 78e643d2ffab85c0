//! The shapes of leads-api.md.
//!
//! Errors are `{"success":false,"error":…}` as its "Error Handling" table shows, plus the
//! numeric `code`: the spec lists a code per error but its error example has nowhere to put
//! it, and a client needs it to tell 6008 from 6009. The HTTP status is the same as in the
//! live style (`render::error`).

use serde_json::{json, Value};

use super::{lead_object, RecordingBase, Reply};
use crate::error::ApiError;
use crate::store::columns::Shown;
use crate::store::Recording;

pub fn reply(reply: &Reply, base: &RecordingBase) -> Value {
    match reply {
        // The response example has no `success`; the "Lead not found" row has it. Both fit this.
        Reply::Search(page) => json!({
            "success": true,
            "results": page
                .entries
                .iter()
                .map(|lead| Value::Object(lead_object(lead, Shown::Documented, false)))
                .collect::<Vec<_>>(),
            "offset": page.offset,
            "limit": page.limit,
        }),
        Reply::Recordings(page) => json!({
            "entries": page.entries.iter().map(|r| recording(r, base)).collect::<Vec<_>>(),
        }),
        Reply::Inserted(id) => json!({
            "success": true,
            "data": { "lead_id": id.to_string() },
            "id": id.to_string(),
        }),
        Reply::Updated(id) => json!({ "success": true, "data": { "lead_id": id.to_string() } }),
        Reply::Deleted => json!({ "success": true }),
    }
}

/// A recording whose end was never logged has `end_time` and `seconds` null.
fn recording(rec: &Recording, base: &RecordingBase) -> Value {
    json!({
        "recording_id": rec.recording_id,
        "lead_id": rec.lead_id.to_string(),
        "start_time": rec.start_time,
        "end_time": rec.end_time,
        "seconds": rec.seconds,
        "url": base.url(&rec.recording_id),
    })
}

pub fn error(err: &ApiError) -> Value {
    json!({ "success": false, "error": err.documented_text, "code": err.code })
}
