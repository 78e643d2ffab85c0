//! The attempt loop every call goes through: send, and after a failure ask the retry policy
//! ([`crate::retry`]) whether and when to send again; wait (abortably) and tell the hooks.

use crate::text::find;
use std::future::Future;

use js_sys::{Date, Math};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

use super::errors::to_js;
use super::hooks::Hooks;
use super::recheck::{Checked, Recheck};
use crate::error::Error;
use crate::retry::{parse_retry_after, Decision, InsertRetry, Outcome, Policy, Retries, Safety};

#[wasm_bindgen(module = "/src/wasm/wait.js")]
extern "C" {
    fn wait(ms: f64, signal: Option<AbortSignal>) -> js_sys::Promise;
}

/// How one call may be retried, who may cancel it, and who hears about its attempts.
pub struct Retry<'a> {
    pub policy: Policy,
    pub safety: Safety,
    pub signal: Option<&'a AbortSignal>,
    pub hooks: &'a Hooks,
    /// The token, to keep it out of the URLs the hooks see.
    pub secret: Option<&'a str>,
}

/// A failed attempt: its error, and the `Retry-After` its answer carried.
pub struct Failure {
    pub error: Error,
    pub retry_after: Option<String>,
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure {
            error,
            retry_after: None,
        }
    }
}

/// One attempt's answer: its HTTP status and the call's result.
pub type Attempt = Result<(u16, JsValue), Failure>;

/// Runs `attempt` (given each attempt's time limit) until it succeeds or the policy stops.
/// With `recheck` (inserts with [`InsertRetry::Recheck`]), an attempt whose fate is unknown is
/// followed by a search for the lead rather than a blind second send.
pub async fn run<F, Fut>(
    endpoint: &'static str,
    url: &str,
    retry: &Retry<'_>,
    mut recheck: Option<Recheck>,
    mut attempt: F,
) -> Result<JsValue, Error>
where
    F: FnMut(Option<u32>) -> Fut,
    Fut: Future<Output = Attempt>,
{
    let mut retries = Retries::new(retry.policy, retry.safety, now());
    if let Some(check) = recheck.as_mut() {
        check.take_snapshot().await;
    }
    let mut number = 1;
    loop {
        if retry.signal.is_some_and(AbortSignal::aborted) {
            return Err(Error::Abort { endpoint });
        }
        let timeout = retries.attempt_timeout(now()).map(clamp);
        let failure = match observed(endpoint, url, retry, number, attempt(timeout)).await {
            Ok(value) => return Ok(value),
            Err(failure) => failure,
        };
        let now_ms = now();
        let asked = failure
            .retry_after
            .as_deref()
            .and_then(|value| parse_retry_after(value, now_ms, http_date));
        let decision = retries.after(Outcome::of(&failure.error), asked, now_ms, Math::random());
        let (delay_ms, rechecking) = match decision {
            Decision::Stop(_) => return Err(failure.error),
            Decision::Retry { delay_ms, .. } => (delay_ms, false),
            Decision::Recheck { delay_ms, .. } => (delay_ms, true),
        };
        if retry.hooks.on_retry.is_some() {
            let error = to_js(&failure.error);
            retry
                .hooks
                .retry(endpoint, number, delay_ms, rechecking, &error);
        }
        pause(endpoint, delay_ms, retry.signal).await?;
        if rechecking {
            match recheck.as_ref() {
                Some(check) => match check.look().await {
                    Checked::Found(result) => return Ok(result),
                    Checked::Absent => {}
                    Checked::Unknown => return Err(failure.error),
                },
                None => return Err(failure.error),
            }
        }
        number += 1;
    }
}

/// One attempt, reported to the hooks as it starts and as it ends.
async fn observed(
    endpoint: &'static str,
    url: &str,
    retry: &Retry<'_>,
    number: u32,
    attempt: impl Future<Output = Attempt>,
) -> Result<JsValue, Failure> {
    retry.hooks.request(endpoint, url, retry.secret, number);
    let started = Date::now();
    let result = attempt.await;
    if retry.hooks.on_response.is_some() {
        let duration = Date::now() - started;
        match &result {
            Ok((status, _)) => {
                retry
                    .hooks
                    .response(endpoint, number, duration, Some(*status), None)
            }
            Err(failure) => {
                let error = to_js(&failure.error);
                let status = failure.error.status();
                retry
                    .hooks
                    .response(endpoint, number, duration, status, Some(&error));
            }
        }
    }
    result.map(|(_, value)| value)
}

/// Waits between attempts; an abort ends the wait, and the call, at once.
async fn pause(
    endpoint: &'static str,
    delay_ms: u64,
    signal: Option<&AbortSignal>,
) -> Result<(), Error> {
    JsFuture::from(wait(delay_ms as f64, signal.cloned()))
        .await
        .map(drop)
        .map_err(|_| Error::Abort { endpoint })
}

/// What the retry settings of a client and of a call add up to for one endpoint.
#[derive(Clone, Copy, Debug, Default)]
pub struct RetrySettings {
    pub max_retries: Option<u32>,
    pub deadline_ms: Option<u32>,
    pub insert_retry: Option<InsertRetry>,
}

impl RetrySettings {
    /// The call's settings where it has them, the client's otherwise.
    pub fn or(self, client: RetrySettings) -> RetrySettings {
        RetrySettings {
            max_retries: self.max_retries.or(client.max_retries),
            deadline_ms: self.deadline_ms.or(client.deadline_ms),
            insert_retry: self.insert_retry.or(client.insert_retry),
        }
    }

    pub fn policy(&self, timeout_ms: Option<u32>) -> Policy {
        let defaults = Policy::default();
        Policy {
            max_retries: self.max_retries.unwrap_or(defaults.max_retries),
            timeout_ms: timeout_ms.map(u64::from),
            deadline_ms: self.deadline_ms.map(u64::from),
            ..defaults
        }
    }

    pub fn safety(&self, idempotent: bool) -> Safety {
        if idempotent {
            Safety::Idempotent
        } else {
            Safety::Insert(self.insert_retry.unwrap_or_default())
        }
    }
}

/// Reads `insertRetry`.
pub fn insert_retry(name: &str) -> Option<InsertRetry> {
    match name {
        "safe" => Some(InsertRetry::Safe),
        "recheck" => Some(InsertRetry::Recheck),
        _ => None,
    }
}

/// An HTTP date as milliseconds since the epoch, read by the JS engine. All three HTTP date
/// forms are GMT; the one that does not say so (asctime) would otherwise read as local time.
fn http_date(value: &str) -> Option<u64> {
    let ms = if find(value, "GMT").is_some() {
        Date::parse(value)
    } else {
        let mut gmt = String::from(value);
        gmt.push_str(" GMT");
        Date::parse(&gmt)
    };
    // NaN (unreadable) fails the check; dates before 1970 are simply past.
    ms.is_finite().then(|| ms.max(0.0) as u64)
}

fn now() -> u64 {
    // Date.now() is a whole, positive number of milliseconds; `as` cannot panic.
    Date::now() as u64
}

fn clamp(ms: u64) -> u32 {
    u32::try_from(ms).unwrap_or(u32::MAX)
}
