//! HTTP through one function value: the caller's `fetch` option, or the runtime's global
//! `fetch` (browsers, Node, Deno, Bun, workers alike). gloo-net builds the request and reads the
//! answer; guard.js makes the call, so a caller's function can neither throw through wasm nor
//! hand it something that is not a `Response`.

use gloo_net::http::{Request as Fetch, Response};
use js_sys::{Array, Function, JsString};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

use super::guard;
use crate::client::{Request, CONTENT_TYPE};
use crate::error::Error;
use crate::wire::error_body::redact;

/// An answer: its status, its `Retry-After` header and its body, still as a JS string.
pub struct Answer {
    pub status: u16,
    pub retry_after: Option<String>,
    pub body: JsString,
}

/// How long to wait, who may cancel, and the `fetch` to call (`None`: the global one).
pub struct Limits<'a> {
    pub timeout_ms: Option<u32>,
    pub signal: Option<AbortSignal>,
    pub fetch: Option<&'a Function>,
}

/// POSTs the form and reads the whole body. Failures before an answer arrives become network,
/// timeout or abort errors; the token (in the body) never reaches any message.
pub async fn post(
    endpoint: &'static str,
    request: &Request,
    limits: Limits<'_>,
    secret: Option<&str>,
) -> Result<Answer, Error> {
    let timeout = limits.timeout_ms.map(AbortSignal::timeout_with_u32);
    let signal = match (&limits.signal, &timeout) {
        (Some(user), Some(timer)) => Some(AbortSignal::any(&Array::of2(user, timer))),
        (Some(only), None) | (None, Some(only)) => Some(only.clone()),
        (None, None) => None,
    };
    let failed = |message: String| {
        if limits.signal.as_ref().is_some_and(AbortSignal::aborted) {
            Error::Abort { endpoint }
        } else if let (Some(timer), Some(timeout_ms)) = (&timeout, limits.timeout_ms) {
            if timer.aborted() {
                Error::Timeout {
                    endpoint,
                    timeout_ms,
                }
            } else {
                network(endpoint, &message, secret)
            }
        } else {
            network(endpoint, &message, secret)
        }
    };

    let built: web_sys::Request = Fetch::post(&request.url)
        .header("Content-Type", CONTENT_TYPE)
        .abort_signal(signal.as_ref())
        .body(request.body.as_str())
        // Building fails only for a body a Request cannot take, which a form never is.
        .map_err(|_| failed(String::from("the request could not be built")))?
        .into();
    let sent = guard::fetch(limits.fetch, &built, signal.as_ref(), limits.timeout_ms);
    let response = JsFuture::from(sent)
        .await
        .map_err(|e| failed(js_message(&e, "fetch failed")))?;
    // guard.js settles only with a real `Response`.
    let response = Response::from(response.unchecked_into::<web_sys::Response>());
    let status = response.status();
    let retry_after = response.headers().get("retry-after");
    let raw: web_sys::Response = response.into();
    let text = raw.text().map_err(|e| failed(js_message(&e, UNREADABLE)))?;
    let body = JsFuture::from(text)
        .await
        .map_err(|e| failed(js_message(&e, UNREADABLE)))?;
    Ok(Answer {
        status,
        retry_after,
        body: body.dyn_into().unwrap_or_else(|_| JsString::from("")),
    })
}

fn network(endpoint: &'static str, message: &str, secret: Option<&str>) -> Error {
    Error::Network {
        endpoint,
        message: redact(message, secret),
    }
}

const UNREADABLE: &str = "the body could not be read";

/// The `message` of what a promise rejected with (guard.js turns anything thrown into an
/// `Error`), or `fallback`.
fn js_message(error: &wasm_bindgen::JsValue, fallback: &str) -> String {
    js_sys::Reflect::get(error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| fallback.to_owned())
}
