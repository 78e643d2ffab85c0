//! Turning results and errors into responses, in the style a request asked for.

mod documented;
mod live;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{Map, Value};

use crate::error::ApiError;
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

pub fn error(style: Style, err: &ApiError) -> Response {
    let (status, body) = match style {
        Style::Documented => documented::error(err),
        Style::Live => live::error(err),
    };
    (status, Json(body)).into_response()
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
