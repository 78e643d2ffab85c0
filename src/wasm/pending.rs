//! The one send path: a prepared call (of any endpoint, a batch row, an iteration page or an
//! insert's recheck search) sent, retried as its policy allows, and decoded.

use std::rc::Rc;

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use super::errors::to_js;
use super::hooks::Hooks;
use super::json::Js;
use super::output::ToJs;
use super::recheck::Recheck;
use super::retrying::{self, Failure, Retry, RetrySettings};
use super::task;
use super::transport::{self, Limits};
use crate::api::Params;
use crate::client::{self, Config, Request};
use crate::error::Error;

/// A call that passed every check and is ready to send. Only this part is async, and it is the
/// same for every endpoint, so the async machinery exists once in the binary.
pub(super) struct Pending {
    pub(super) params: Params,
    pub(super) request: Request,
    pub(super) timeout_ms: Option<u32>,
    pub(super) signal: Option<AbortSignal>,
    pub(super) retry: RetrySettings,
    pub(super) recheck: Option<Recheck>,
    pub(super) config: Rc<Config>,
    pub(super) hooks: Rc<Hooks>,
    pub(super) fetch: Option<Function>,
}

/// The promise of a call, rejected at once when it could not even be prepared.
pub(super) fn settle(pending: Result<Pending, Error>) -> Promise {
    match pending {
        Ok(pending) => task::promise(async move { pending.send().await.map_err(|e| to_js(&e)) }),
        Err(error) => Promise::reject(&to_js(&error)),
    }
}

impl Pending {
    /// Sends, and sends again as the retry policy allows.
    pub(super) async fn send(self) -> Result<JsValue, Error> {
        let Pending {
            params,
            request,
            timeout_ms,
            signal,
            retry,
            recheck,
            config,
            hooks,
            fetch,
        } = self;
        let endpoint = params.endpoint.path;
        let idempotent = params.endpoint.idempotent;
        let secret = config.auth_token.as_deref();
        let plan = Retry {
            policy: retry.policy(timeout_ms),
            safety: retry.safety(idempotent),
            signal: signal.as_ref(),
            hooks: &hooks,
            secret,
        };
        let (request, params, config, signal, fetch) =
            (&request, &params, &config, &signal, &fetch);
        retrying::run(
            endpoint,
            &request.url,
            &plan,
            recheck,
            |timeout_ms| async move {
                let limits = Limits {
                    timeout_ms,
                    signal: signal.clone(),
                    fetch: fetch.as_ref(),
                };
                let answer = transport::post(endpoint, request, limits, secret).await?;
                match client::finish::<Js>(config, params, answer.status, &answer.body) {
                    Ok(result) => Ok((answer.status, result.to_js())),
                    Err(error) => Err(Failure {
                        error,
                        retry_after: answer.retry_after,
                    }),
                }
            },
        )
        .await
    }
}
