//! Turning results and errors into responses, in the style a request asked for.

mod documented;
mod live;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{Map, Value};

use crate::error::{ApiError, Class};
use crate::store::columns::{Shown, COLUMNS};
use crate::store::{Lead, Page, Recording};
use crate::style::Style;

/// What an endpoint produced.
#[derive(Debug)]
pub enum Reply {
    Search(Page<Lead>),
    Recordings(Page<Recording>),
    Inserted(i64),
    Updated(i64),
    Deleted,
}

/// Where the recordings' audio is served from, e.g. `http://127.0.0.1:8787/recordings`.
#[derive(Clone, Debug)]
pub struct RecordingBase(pub String);

impl RecordingBase {
    pub fn url(&self, recording_id: &str) -> String {
        format!("{}/{recording_id}.wav", self.0)
    }
}

pub fn reply(style: Style, reply: &Reply, base: &RecordingBase) -> Response {
    let body = match style {
        Style::Documented => documented::reply(reply, base),
        Style::Live => live::reply(reply, base),
    };
    (StatusCode::OK, Json(body)).into_response()
}

/// An error in `style`. Auth failures answer 401 and request errors their own status in both
/// styles; numbered errors answer `business` (200 unless `--business-error-status` says
/// otherwise), as the live service and leads-api.md's examples do.
pub fn error(style: Style, business: StatusCode, err: &ApiError) -> Response {
    let status = match err.class {
        Class::Auth => StatusCode::UNAUTHORIZED,
        Class::Business => business,
        Class::Http(status) => status,
    };
    (status, Json(error_body(style, err))).into_response()
}

/// The JSON body of an error in `style`.
pub fn error_body(style: Style, err: &ApiError) -> Value {
    match style {
        Style::Documented => documented::error(err),
        Style::Live => live::error(err),
    }
}

/// A lead's columns up to `shown`, each as a string; unset ones are left out, or `null` when
/// `nulls` is set. Custom fields come along with the live and admin views.
pub fn lead_object(lead: &Lead, shown: Shown, nulls: bool) -> Map<String, Value> {
    let mut object = Map::new();
    object.insert("id".into(), Value::String(lead.id.to_string()));
    for column in COLUMNS.iter().filter(|c| c.shown <= shown) {
        match lead.get(column.name) {
            Some(value) => {
                object.insert(column.name.into(), Value::String(value.into()));
            }
            None if nulls => {
                object.insert(column.name.into(), Value::Null);
            }
            None => {}
        }
    }
    if shown >= Shown::Live {
        for (name, value) in &lead.custom {
            object.insert(name.clone(), Value::String(value.clone()));
        }
    }
    object
}
