//! `ConvosoClient` for JavaScript: reads the JS arguments, runs the core request flow, sends
//! with `fetch`, and hands back plain JS objects or a `ConvosoError`.

use std::rc::Rc;

use js_sys::{Function, Object, Promise};
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use super::browser;
use super::errors::to_js;
use super::guard;
use super::hooks::Hooks;
use super::json::Js;
use super::output::ToJs;
use super::recheck::Recheck;
use super::retrying::{self, Failure, Retry, RetrySettings};
use super::task;
use super::transport::{self, Limits};
use crate::api::{delete, insert, recordings, search, update, Endpoint};
use crate::client::{self, malformed_object, CallOptions, Config, Request, DEFAULT_BASE_URL};
use crate::error::Error;
use crate::retry::InsertRetry;
use crate::wire::json::Json;
use crate::wire::params::{FieldSource, Given, Kind, Params};

/// Settings of a client.
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ClientOptions {
    /// Your Convoso API token. It is sent only in request bodies, never in a URL, and never
    /// appears in an error. Leave it out when `baseUrl` points at your own backend, which adds
    /// it there: a token in a web page is readable by every visitor.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    auth_token: Option<String>,
    /// Base URL of the Leads API (default `https://api.convoso.com/v1`), or of your backend.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    base_url: Option<String>,
    /// Milliseconds to wait for each answer before failing with `ConvosoTimeoutError`
    /// (default: no limit beyond the runtime's own).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    timeout_ms: Option<u32>,
    /// Check requests with the same rules (and codes) as the service before sending, and
    /// reject with `ConvosoValidationError` without sending (default `true`).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    validate: Option<bool>,
    /// Retries after a failed attempt (default 2). Search, get-recordings, update and delete
    /// retry network errors, timeouts and HTTP 408, 429, 500, 502, 503 and 504; insert only
    /// under the `insertRetry` rule.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    max_retries: Option<u32>,
    /// Milliseconds a whole call may take, every attempt and wait included (default: no limit).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    deadline_ms: Option<u32>,
    /// When an insert is sent again. `"safe"` (default): only when the failure proves the
    /// service did not process it (HTTP 408 or 429). `"recheck"`: also after a failure that
    /// leaves its fate unknown (network error, timeout, 5xx), once a search by phone number
    /// and list shows the lead was not created.
    #[cfg_attr(
        feature = "typescript",
        tsify(optional, type = "\"safe\" | \"recheck\"")
    )]
    insert_retry: Option<InsertRetry>,
    /// Allow `authToken` in a web page. Without it, constructing a client with a token where
    /// `window` and `document` exist throws: every visitor could read the token. Call through
    /// your own backend (`convoso-leads/proxy`) instead.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    dangerously_allow_browser: Option<bool>,
    /// Called as each attempt starts. Never given the token, a request body or a parameter.
    #[cfg_attr(
        feature = "typescript",
        tsify(optional, type = "(event: RequestEvent) => void")
    )]
    on_request: Option<Function>,
    /// Called as each attempt ends, with the status or the error.
    #[cfg_attr(
        feature = "typescript",
        tsify(optional, type = "(event: ResponseEvent) => void")
    )]
    on_response: Option<Function>,
    /// Called before each retry, with the wait and the error that caused it.
    #[cfg_attr(
        feature = "typescript",
        tsify(optional, type = "(event: RetryEvent) => void")
    )]
    on_retry: Option<Function>,
    /// The function each attempt, iteration page and batch row is sent with, called as
    /// `fetch(request)` with a `Request` (default: the global `fetch`, looked up at each call).
    /// For a proxy agent, a test double or a Workers service binding (bind it first:
    /// `env.API.fetch.bind(env.API)`). A `fetch` that throws, resolves to something that is not
    /// a `Response` or never settles fails the attempt as a network error or timeout.
    #[cfg_attr(
        feature = "typescript",
        tsify(optional, type = "(request: Request) => Promise<Response>")
    )]
    fetch: Option<Function>,
}

/// Settings of one call, overriding the client's.
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RequestOptions {
    /// Milliseconds to wait for this call's answer.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    timeout_ms: Option<u32>,
    /// Validate this call before sending (overrides the client's `validate`).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    validate: Option<bool>,
    /// Cancels the call, including a wait before a retry; it then rejects with
    /// `ConvosoAbortError`.
    #[cfg_attr(feature = "typescript", tsify(optional, type = "AbortSignal"))]
    signal: Option<AbortSignal>,
    /// Retries after a failed attempt (overrides the client's `maxRetries`).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    max_retries: Option<u32>,
    /// Milliseconds the whole call may take (overrides the client's `deadlineMs`).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    deadline_ms: Option<u32>,
    /// Inserts only: when to send again (overrides the client's `insertRetry`).
    #[cfg_attr(
        feature = "typescript",
        tsify(optional, type = "\"safe\" | \"recheck\"")
    )]
    insert_retry: Option<InsertRetry>,
}

impl ClientOptions {
    const NAMES: &'static [&'static str] = &[
        "authToken",
        "baseUrl",
        "timeoutMs",
        "validate",
        "maxRetries",
        "deadlineMs",
        "insertRetry",
        "dangerouslyAllowBrowser",
        "onRequest",
        "onResponse",
        "onRetry",
        "fetch",
    ];

    fn read(value: Option<JsValue>) -> Result<Self, Error> {
        let options = OptionsObject::new("", value, &[Self::NAMES])?;
        Ok(ClientOptions {
            auth_token: options.text("authToken")?,
            base_url: options.text("baseUrl")?,
            timeout_ms: options.millis("timeoutMs")?,
            validate: options.flag("validate")?,
            max_retries: options.count("maxRetries")?,
            deadline_ms: options.millis("deadlineMs")?,
            insert_retry: options.insert_retry()?,
            dangerously_allow_browser: options.flag("dangerouslyAllowBrowser")?,
            on_request: options.function("onRequest")?,
            on_response: options.function("onResponse")?,
            on_retry: options.function("onRetry")?,
            fetch: options.function("fetch")?,
        })
    }

    fn retry(&self) -> RetrySettings {
        RetrySettings {
            max_retries: self.max_retries,
            deadline_ms: self.deadline_ms,
            insert_retry: self.insert_retry,
        }
    }
}

impl RequestOptions {
    pub(super) const NAMES: &'static [&'static str] = &[
        "timeoutMs",
        "validate",
        "signal",
        "maxRetries",
        "deadlineMs",
        "insertRetry",
    ];

    pub(super) fn read(endpoint: &'static str, value: Option<JsValue>) -> Result<Self, Error> {
        Self::read_from(&OptionsObject::new(endpoint, value, &[Self::NAMES])?)
    }

    /// Reads the call options from an options object that may hold more (a batch's).
    pub(super) fn read_from(options: &OptionsObject) -> Result<Self, Error> {
        let signal = match options.0.get(&Js::key("signal")) {
            None => None,
            Some(Js(v)) if v.is_null() => None,
            Some(Js(v)) if guard::is_signal(&v) => Some(v.unchecked_into()),
            Some(_) => return Err(options.invalid("signal", "must be an AbortSignal")),
        };
        Ok(RequestOptions {
            timeout_ms: options.millis("timeoutMs")?,
            validate: options.flag("validate")?,
            signal,
            max_retries: options.count("maxRetries")?,
            deadline_ms: options.millis("deadlineMs")?,
            insert_retry: options.insert_retry()?,
        })
    }

    fn retry(&self) -> RetrySettings {
        RetrySettings {
            max_retries: self.max_retries,
            deadline_ms: self.deadline_ms,
            insert_retry: self.insert_retry,
        }
    }

    pub(super) fn signal(&self) -> Option<&AbortSignal> {
        self.signal.as_ref()
    }

    /// The options of the searches an insert's recheck makes: the insert's signal and time
    /// limit, and no retries of their own (a failed search leaves the insert's fate unknown).
    fn for_recheck(&self) -> RequestOptions {
        RequestOptions {
            timeout_ms: self.timeout_ms,
            validate: Some(false),
            signal: self.signal.clone(),
            max_retries: Some(0),
            deadline_ms: None,
            insert_retry: None,
        }
    }
}

/// `options.<name>`, the field an option's error names.
fn option_field(name: &str) -> String {
    let mut field = String::from("options.");
    field.push_str(name);
    field
}

/// An options object being read: absent means all defaults, unknown names are refused (a
/// misspelt `authToken` must not silently make a client without a token).
pub(super) struct OptionsObject(Js, &'static str);

impl OptionsObject {
    /// `names` lists the accepted option names, in groups.
    pub(super) fn new(
        endpoint: &'static str,
        value: Option<JsValue>,
        names: &[&[&str]],
    ) -> Result<Self, Error> {
        let value = match value {
            Some(v) if !v.is_undefined() && !v.is_null() => v,
            _ => Object::new().into(),
        };
        let Some(value) = guard::object(&value) else {
            return Err(malformed_object(endpoint, "options", "must be an object"));
        };
        for name in Object::keys(value.unchecked_ref::<Object>()).iter() {
            let name = name.as_string().unwrap_or_default();
            if !names.iter().any(|group| group.contains(&name.as_str())) {
                return Err(malformed_object(
                    endpoint,
                    &option_field(&name),
                    "is not an option",
                ));
            }
        }
        Ok(OptionsObject(Js(value), endpoint))
    }

    /// The option read as `kind`: `None` when absent, `Given::Raw` when it does not read as
    /// one.
    fn get(&self, name: &'static str, kind: Kind) -> Result<Given, Error> {
        let read = self.0.scalar(name).ok().map(|scalar| match scalar {
            None => Some(Given::Absent),
            Some(scalar) => kind.read::<Js>(scalar),
        });
        read.flatten()
            .ok_or_else(|| self.invalid(name, kind.expecting_message()))
    }

    fn text(&self, name: &'static str) -> Result<Option<String>, Error> {
        Ok(match self.get(name, Kind::Text)? {
            Given::Text(text) => Some(text),
            _ => None,
        })
    }

    fn flag(&self, name: &'static str) -> Result<Option<bool>, Error> {
        match self.get(name, Kind::Flag)? {
            Given::Flag(b) => Ok(Some(b)),
            Given::Absent => Ok(None),
            _ => Err(self.invalid(name, "must be a boolean")),
        }
    }

    fn millis(&self, name: &'static str) -> Result<Option<u32>, Error> {
        self.whole(name, "must be a whole number of milliseconds")
    }

    pub(super) fn count(&self, name: &'static str) -> Result<Option<u32>, Error> {
        self.whole(name, "must be a whole number, 0 or more")
    }

    fn whole(&self, name: &'static str, message: &'static str) -> Result<Option<u32>, Error> {
        match self.get(name, Kind::Int)? {
            Given::Absent => Ok(None),
            Given::Int(n) => u32::try_from(n)
                .map(Some)
                .map_err(|_| self.invalid(name, message)),
            _ => Err(self.invalid(name, message)),
        }
    }

    pub(super) fn function(&self, name: &'static str) -> Result<Option<Function>, Error> {
        match self.0.get(&Js::key(name)) {
            None => Ok(None),
            Some(Js(v)) if v.is_null() => Ok(None),
            Some(Js(v)) => v
                .dyn_into::<Function>()
                .map(Some)
                .map_err(|_| self.invalid(name, "must be a function")),
        }
    }

    fn insert_retry(&self) -> Result<Option<InsertRetry>, Error> {
        match self.text("insertRetry")? {
            None => Ok(None),
            Some(name) => retrying::insert_retry(&name)
                .map(Some)
                .ok_or_else(|| self.invalid("insertRetry", "must be \"safe\" or \"recheck\"")),
        }
    }

    fn invalid(&self, name: &str, message: &'static str) -> Error {
        malformed_object(self.1, &option_field(name), message)
    }
}

/// A client for the Convoso Leads API. Every method returns a promise; failures reject with a
/// `ConvosoError` subclass.
#[wasm_bindgen(js_name = ConvosoClient)]
#[derive(Clone)]
pub struct ConvosoClient {
    config: Rc<Config>,
    retry: RetrySettings,
    hooks: Rc<Hooks>,
    fetch: Option<Function>,
}

#[wasm_bindgen(js_class = ConvosoClient)]
impl ConvosoClient {
    /// Creates a client. Throws `ConvosoValidationError` when an option is unknown or has the
    /// wrong type, or when given an `authToken` in a web page without `dangerouslyAllowBrowser`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "ClientOptions")] options: Option<JsValue>,
    ) -> Result<ConvosoClient, JsValue> {
        let options = ClientOptions::read(options).map_err(|e| to_js(&e))?;
        let has_token = options.auth_token.as_deref().is_some_and(|t| !t.is_empty());
        browser::check_token(has_token, options.dangerously_allow_browser)
            .map_err(|e| to_js(&e))?;
        let retry = options.retry();
        let hooks = Rc::new(Hooks {
            on_request: options.on_request,
            on_response: options.on_response,
            on_retry: options.on_retry,
        });
        Ok(ConvosoClient {
            retry,
            hooks,
            fetch: options.fetch,
            config: Rc::new(Config {
                auth_token: options.auth_token.filter(|t| !t.is_empty()),
                base_url: options
                    .base_url
                    .unwrap_or_else(|| DEFAULT_BASE_URL.to_owned()),
                timeout_ms: options.timeout_ms,
                validate: options.validate.unwrap_or(true),
            }),
        })
    }

    /// Searches leads (`POST /leads/search`): one page of results.
    #[wasm_bindgen(js_name = searchLeads, unchecked_return_type = "Promise<SearchPage<Lead>>")]
    pub fn search_leads(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SearchParams")] params: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RequestOptions")] options: Option<JsValue>,
    ) -> Promise {
        self.call(&search::ENDPOINT, params, options)
    }

    /// Lists a lead's call recordings (`POST /leads/get-recordings`).
    #[wasm_bindgen(
        js_name = getRecordings,
        unchecked_return_type = "Promise<RecordingsPage<Recording>>"
    )]
    pub fn get_recordings(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RecordingsParams")] params: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RequestOptions")] options: Option<JsValue>,
    ) -> Promise {
        self.call(&recordings::ENDPOINT, params, options)
    }

    /// Inserts a lead (`POST /leads/insert`). Sent again only under the `insertRetry` rule:
    /// a blindly repeated insert can create the lead twice.
    #[wasm_bindgen(js_name = insertLead, unchecked_return_type = "Promise<InsertResult>")]
    pub fn insert_lead(
        &self,
        #[wasm_bindgen(unchecked_param_type = "InsertParams")] params: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RequestOptions")] options: Option<JsValue>,
    ) -> Promise {
        let pending = RequestOptions::read(insert::ENDPOINT.path, options).and_then(|options| {
            let params = read_params(&insert::ENDPOINT, params)?;
            self.prepare_insert(params, &options, None)
        });
        settle(pending)
    }

    /// Updates a lead (`POST /leads/update`).
    #[wasm_bindgen(js_name = updateLead, unchecked_return_type = "Promise<UpdateResult>")]
    pub fn update_lead(
        &self,
        #[wasm_bindgen(unchecked_param_type = "UpdateParams")] params: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RequestOptions")] options: Option<JsValue>,
    ) -> Promise {
        self.call(&update::ENDPOINT, params, options)
    }

    /// Deletes a lead (`POST /leads/delete`).
    #[wasm_bindgen(js_name = deleteLead, unchecked_return_type = "Promise<DeleteResult>")]
    pub fn delete_lead(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DeleteParams")] params: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "RequestOptions")] options: Option<JsValue>,
    ) -> Promise {
        self.call(&delete::ENDPOINT, params, options)
    }
}

/// A call that passed every check and is ready to send. Only this part is async, and it is the
/// same for every endpoint, so the async machinery exists once in the binary.
pub(super) struct Pending {
    params: Params,
    request: Request,
    timeout_ms: Option<u32>,
    signal: Option<AbortSignal>,
    retry: RetrySettings,
    recheck: Option<Recheck>,
    config: Rc<Config>,
    hooks: Rc<Hooks>,
    fetch: Option<Function>,
}

/// The promise of a call, rejected at once when it could not even be prepared.
fn settle(pending: Result<Pending, Error>) -> Promise {
    match pending {
        Ok(pending) => task::promise(async move { pending.send().await.map_err(|e| to_js(&e)) }),
        Err(error) => Promise::reject(&to_js(&error)),
    }
}

impl ConvosoClient {
    fn call(
        &self,
        endpoint: &'static Endpoint,
        params: JsValue,
        options: Option<JsValue>,
    ) -> Promise {
        settle(self.start(endpoint, params, options))
    }

    /// Everything before the network: options, params, validation, encoding.
    fn start(
        &self,
        endpoint: &'static Endpoint,
        params: JsValue,
        options: Option<JsValue>,
    ) -> Result<Pending, Error> {
        let options = RequestOptions::read(endpoint.path, options)?;
        let params = read_params(endpoint, params)?;
        self.prepare(params, &options)
    }

    /// Whether a call with these options is validated before it is sent.
    pub(super) fn validates(&self, options: &RequestOptions) -> bool {
        options.validate.unwrap_or(self.config.validate)
    }

    /// An insert, with its recheck when the call opts in. `validate` overrides the options'.
    pub(super) fn prepare_insert(
        &self,
        params: Params,
        options: &RequestOptions,
        validate: Option<bool>,
    ) -> Result<Pending, Error> {
        let recheck = match options.retry().or(self.retry).insert_retry {
            Some(InsertRetry::Recheck) => {
                let client = self.clone();
                let options = options.for_recheck();
                let search = move |params: &JsValue| {
                    let params = read_params(&search::ENDPOINT, params.clone()).ok()?;
                    client.prepare(params, &options).ok()
                };
                Recheck::new(&params, Box::new(search))
            }
            _ => None,
        };
        let mut pending = self.prepare_with(params, options, validate)?;
        pending.recheck = recheck;
        Ok(pending)
    }

    /// Validates (unless turned off) and encodes a call.
    pub(super) fn prepare(
        &self,
        params: Params,
        options: &RequestOptions,
    ) -> Result<Pending, Error> {
        self.prepare_with(params, options, None)
    }

    fn prepare_with(
        &self,
        params: Params,
        options: &RequestOptions,
        validate: Option<bool>,
    ) -> Result<Pending, Error> {
        let call = CallOptions {
            timeout_ms: options.timeout_ms,
            validate: validate.or(options.validate),
        };
        let request = client::prepare(&self.config, &call, &params)?;
        Ok(Pending {
            params,
            request,
            timeout_ms: self.config.timeout_ms(&call),
            signal: options.signal.clone(),
            retry: options.retry().or(self.retry),
            recheck: None,
            config: Rc::clone(&self.config),
            hooks: Rc::clone(&self.hooks),
            fetch: self.fetch.clone(),
        })
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

/// Reads a params object: `undefined`/`null` mean no parameters.
pub(super) fn read_params(endpoint: &'static Endpoint, value: JsValue) -> Result<Params, Error> {
    if value.is_undefined() || value.is_null() {
        return client::read_params(endpoint, &Js(Object::new().into()), []);
    }
    let Some(object) = guard::object(&value) else {
        return Err(malformed_object(
            endpoint.path,
            "params",
            "must be an object of parameters",
        ));
    };
    let names = Object::keys(object.unchecked_ref::<Object>());
    let names = names.iter().filter_map(|n| n.as_string());
    client::read_params(endpoint, &Js(object), names)
}
