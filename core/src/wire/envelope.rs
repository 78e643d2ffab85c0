//! The two answer shapes: documented (fields at the top level, failures as
//! `{"success": false, "error": "…"}`) and live (`{"success": true, "data": {…}}`, failures as
//! `{"success": false, "code": 6008, "text": "…"}`).

use super::json::{Json, Kind};
use super::lenient::{float_as_int, parse_flag, parse_int};
use super::normalise::id_text;

/// A successful answer: the `data` envelope when there is one, and the top level (the
/// documented shape, and live fields such as insert's top-level `id`).
pub struct Payload<J: Json> {
    pub data: Option<J>,
    pub root: J,
}

/// What a failed answer said.
#[derive(Debug, PartialEq)]
pub struct Failure {
    pub code: Option<i64>,
    pub message: Option<String>,
}

/// Splits a parsed answer into success and failure. `None` when it is not a JSON object at all.
pub fn open<J: Json>(mut root: J) -> Option<Result<Payload<J>, Failure>> {
    if root.kind() != Kind::Object {
        return None;
    }
    if failed(&root) {
        return Some(Err(Failure {
            code: root.get(&J::key("code")).as_ref().and_then(code),
            message: message(&root),
        }));
    }
    let data = root
        .take(&J::key("data"))
        .filter(|d| d.kind() != Kind::Null);
    Some(Ok(Payload { data, root }))
}

impl<J: Json> Payload<J> {
    /// A field from the envelope first, then the top level.
    pub fn get(&self, key: &J::Key) -> Option<J> {
        self.data
            .as_ref()
            .and_then(|d| d.get(key))
            .or_else(|| self.root.get(key))
    }

    /// Like [`Payload::get`], but the value may be moved out (for the big lists).
    pub fn take(&mut self, key: &J::Key) -> Option<J> {
        self.data
            .as_mut()
            .and_then(|d| d.take(key))
            .or_else(|| self.root.take(key))
    }
}

/// `success` false in any spelling; or, without `success`, an `error` message or a non-2xx
/// `code` with a `text` (the shapes the service uses for auth failures).
fn failed<J: Json>(root: &J) -> bool {
    if let Some(success) = root.get(&J::key("success")) {
        return match success.kind() {
            Kind::Bool => success.as_bool() == Some(false),
            Kind::Number => success.as_f64() == Some(0.0),
            Kind::String => success.as_string().as_deref().and_then(parse_flag) == Some(false),
            _ => false,
        };
    }
    let has_text = |key: &str| {
        root.get(&J::key(key))
            .and_then(|v| v.as_string())
            .is_some_and(|s| !s.trim().is_empty())
    };
    let non_2xx = root
        .get(&J::key("code"))
        .as_ref()
        .and_then(code)
        .is_some_and(|c| !(200..300).contains(&c));
    has_text("error") || (non_2xx && has_text("text"))
}

/// A code as a number or a numeric string.
fn code<J: Json>(value: &J) -> Option<i64> {
    match value.kind() {
        Kind::Number => value.as_f64().and_then(float_as_int),
        Kind::String => value.as_string().as_deref().and_then(parse_int),
        _ => None,
    }
}

/// The message from `text` (live) or `error` (documented), whichever is a non-empty string;
/// live answers sometimes put a code in `error`, so numbers are read too.
fn message<J: Json>(root: &J) -> Option<String> {
    ["text", "error", "message"].iter().find_map(|key| {
        let value = root.get(&J::key(key))?;
        let text = match value.kind() {
            Kind::String => value.as_string(),
            Kind::Number => id_text(&value),
            _ => None,
        }?;
        let trimmed = text.trim();
        (!trimmed.is_empty()).then(|| trimmed.to_owned())
    })
}

impl<J: Json> Payload<J> {
    /// The first of `keys` that holds an id (string or number), looking in the envelope first.
    pub fn id(&self, keys: &[&str]) -> Option<String> {
        keys.iter()
            .find_map(|key| self.get(&J::key(key)).as_ref().and_then(id_text))
            .filter(|id| !id.is_empty())
    }
}
