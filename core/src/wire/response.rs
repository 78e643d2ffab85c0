//! From an HTTP status and body to either the answer's payload or a typed [`Error`]: the one
//! place that decides between API, HTTP and decode errors.

use super::envelope::{self, Failure, Payload};
use super::error_body::{looks_like_json, redact, snippet};
use super::json::Json;
use crate::error::{describe, Error};
use crate::text::text;

/// How much of a body error handling looks at (titles of HTML pages sit near the top).
const PREFIX_CHARS: usize = 2048;

/// What arrived, and the token to keep out of any message made from it.
pub struct Received<'a, J: Json> {
    pub endpoint: &'static str,
    pub status: u16,
    pub body: &'a J::Text,
    pub secret: Option<&'a str>,
}

pub fn read<J: Json>(received: Received<'_, J>) -> Result<Payload<J>, Error> {
    let Received {
        endpoint,
        status,
        body,
        secret,
    } = received;
    let success_status = (200..300).contains(&status);
    let http_error = || Error::Http {
        endpoint,
        status,
        snippet: snippet(&J::snippet(body, PREFIX_CHARS), secret),
    };

    let Some(root) = J::parse(body) else {
        if !success_status {
            return Err(http_error());
        }
        let prefix = J::snippet(body, PREFIX_CHARS);
        let message = if looks_like_json(&prefix) {
            "the JSON body is truncated or malformed".to_owned()
        } else if prefix.trim().is_empty() {
            "the body is empty".to_owned()
        } else {
            text!("expected JSON, got: ", snippet(&prefix, secret))
        };
        return Err(Error::Decode {
            endpoint,
            status,
            message,
        });
    };

    match envelope::open(root) {
        Some(Err(Failure { code, message })) => Err(Error::Api {
            endpoint,
            status,
            code,
            message: message
                .map(|m| redact(&m, secret))
                .or_else(|| code.and_then(describe).map(str::to_owned))
                .unwrap_or_else(|| "the service reported a failure without a message".to_owned()),
        }),
        Some(Ok(payload)) if success_status => Ok(payload),
        Some(Ok(_)) => Err(http_error()),
        None if success_status => Err(Error::Decode {
            endpoint,
            status,
            message: "expected a JSON object".to_owned(),
        }),
        None => Err(http_error()),
    }
}
