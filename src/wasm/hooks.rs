//! The logging hooks (`onRequest`, `onResponse`, `onRetry`): plain event objects built from
//! what the client knows about an attempt. No event holds a request body, a parameter or the
//! token: only the endpoint, the URL (token-redacted), counts, timings and the error object,
//! which never holds the token either.

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::prelude::*;

use super::guard;
use crate::wire::error_body::redact;

/// The event types of the hooks.
#[cfg(feature = "typescript")]
#[wasm_bindgen(typescript_custom_section)]
const HOOK_TYPES: &str = r#"
/** Passed to `onRequest` as each attempt starts. */
export interface RequestEvent {
  /** The endpoint path, e.g. `/leads/search`. */
  endpoint: string;
  /** The URL the request goes to. */
  url: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
}

/** Passed to `onResponse` as each attempt ends, with an answer or without. */
export interface ResponseEvent {
  endpoint: string;
  attempt: number;
  /** Milliseconds from sending to the answer (or the failure). */
  durationMs: number;
  /** The HTTP status, when an answer arrived. */
  status?: number;
  /** The `ConvosoError` the attempt failed with, if it failed. */
  error?: Error;
}

/** Passed to `onRetry` when a failed attempt will be followed by another. */
export interface RetryEvent {
  endpoint: string;
  /** The attempt that failed. */
  attempt: number;
  /** Milliseconds until the next attempt (the backoff, or the answer's `Retry-After`). */
  delayMs: number;
  /** An insert whose fate is unknown: the lead is searched for before it is sent again. */
  recheck: boolean;
  /** The `ConvosoError` the attempt failed with. */
  error: Error;
}
"#;

/// The hooks a client was given. A hook that throws or rejects is ignored: logging must not
/// change the outcome of a call.
#[derive(Default)]
pub struct Hooks {
    pub on_request: Option<Function>,
    pub on_response: Option<Function>,
    pub on_retry: Option<Function>,
}

impl Hooks {
    pub fn request(&self, endpoint: &str, url: &str, secret: Option<&str>, attempt: u32) {
        emit(&self.on_request, || {
            event(&[
                ("endpoint", endpoint.into()),
                ("url", redact(url, secret).into()),
                ("attempt", attempt.into()),
            ])
        });
    }

    pub fn response(
        &self,
        endpoint: &str,
        attempt: u32,
        duration_ms: f64,
        status: Option<u16>,
        error: Option<&JsValue>,
    ) {
        emit(&self.on_response, || {
            let event = event(&[
                ("endpoint", endpoint.into()),
                ("attempt", attempt.into()),
                ("durationMs", duration_ms.into()),
            ]);
            if let Some(status) = status {
                set(&event, "status", status.into());
            }
            if let Some(error) = error {
                set(&event, "error", error.clone());
            }
            event
        });
    }

    pub fn retry(
        &self,
        endpoint: &str,
        attempt: u32,
        delay_ms: u64,
        recheck: bool,
        error: &JsValue,
    ) {
        emit(&self.on_retry, || {
            event(&[
                ("endpoint", endpoint.into()),
                ("attempt", attempt.into()),
                // Delays are capped far below 2^53: exact as a JS number.
                ("delayMs", (delay_ms as f64).into()),
                ("recheck", recheck.into()),
                ("error", error.clone()),
            ])
        });
    }
}

fn emit(hook: &Option<Function>, make: impl FnOnce() -> Object) {
    if let Some(hook) = hook {
        guard::call(hook, &make());
    }
}

fn event(fields: &[(&str, JsValue)]) -> Object {
    let event = Object::new();
    for (name, value) in fields {
        set(&event, name, value.clone());
    }
    event
}

fn set(object: &Object, name: &str, value: JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(object, &name.into(), &value);
}
