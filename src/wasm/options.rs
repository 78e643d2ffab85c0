//! The options of a client and of each call, and the params object of a call, read from JS:
//! unknown names are refused and every value is checked, so a typo fails loudly instead of
//! being ignored.

use js_sys::{Function, Object};
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

use super::guard;
use super::json::Js;
use super::retrying::{self, RetrySettings};
use crate::api::{Endpoint, Params};
use crate::client::{self, malformed_object};
use crate::error::Error;
use crate::retry::InsertRetry;
use crate::wire::json::Json;
use crate::wire::params::{FieldSource, Given, Kind};

/// Settings of a client.
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ClientOptions {
    /// Your Convoso API token. It is sent only in request bodies, never in a URL, and never
    /// appears in an error. Leave it out when `baseUrl` points at your own backend, which adds
    /// it there: a token in a web page is readable by every visitor.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub(super) auth_token: Option<String>,
    /// Base URL of the Leads API (default `https://api.convoso.com/v1`), or of your backend.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub(super) base_url: Option<String>,
    /// Milliseconds to wait for each answer before failing with `ConvosoTimeoutError`
    /// (default: no limit beyond the runtime's own).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub(super) timeout_ms: Option<u32>,
    /// Check requests with the same rules (and codes) as the service before sending, and
    /// reject with `ConvosoValidationError` without sending (default `true`).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub(super) validate: Option<bool>,
    /// Retries after a failed attempt (default 2). Search, get-recordings, update and delete
    /// retry network errors, timeouts and HTTP 408, 429, 500, 502, 503 and 504; insert only
    /// under the `insertRetry` rule.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub(super) max_retries: Option<u32>,
    /// Milliseconds a whole call may take, every attempt and wait included (default: no limit).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub(super) deadline_ms: Option<u32>,
    /// When an insert is sent again. `"safe"` (default): only when the failure proves the
    /// service did not process it (HTTP 408 or 429). `"recheck"`: also after a failure that
    /// leaves its fate unknown (network error, timeout, 5xx), once a search by phone number
    /// and list shows the lead was not created.
    #[cfg_attr(
        feature = "typescript",
        tsify(optional, type = "\"safe\" | \"recheck\"")
    )]
    pub(super) insert_retry: Option<InsertRetry>,
    /// Allow `authToken` in a web page. Without it, constructing a client with a token where
    /// `window` and `document` exist throws: every visitor could read the token. Call through
    /// your own backend (`convoso-leads/proxy`) instead.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub(super) dangerously_allow_browser: Option<bool>,
    /// Called as each attempt starts. Never given the token, a request body or a parameter.
    #[cfg_attr(
        feature = "typescript",
        tsify(optional, type = "(event: RequestEvent) => void")
    )]
    pub(super) on_request: Option<Function>,
    /// Called as each attempt ends, with the status or the error.
    #[cfg_attr(
        feature = "typescript",
        tsify(optional, type = "(event: ResponseEvent) => void")
    )]
    pub(super) on_response: Option<Function>,
    /// Called before each retry, with the wait and the error that caused it.
    #[cfg_attr(
        feature = "typescript",
        tsify(optional, type = "(event: RetryEvent) => void")
    )]
    pub(super) on_retry: Option<Function>,
    /// The function each attempt, iteration page and batch row is sent with, called as
    /// `fetch(request)` with a `Request` (default: the global `fetch`, looked up at each call).
    /// For a proxy agent, a test double or a Workers service binding (bind it first:
    /// `env.API.fetch.bind(env.API)`). A `fetch` that throws, resolves to something that is not
    /// a `Response` or never settles fails the attempt as a network error or timeout.
    #[cfg_attr(
        feature = "typescript",
        tsify(optional, type = "(request: Request) => Promise<Response>")
    )]
    pub(super) fetch: Option<Function>,
}

/// Settings of one call, overriding the client's.
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RequestOptions {
    /// Milliseconds to wait for this call's answer.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub(super) timeout_ms: Option<u32>,
    /// Validate this call before sending (overrides the client's `validate`).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub(super) validate: Option<bool>,
    /// Cancels the call, including a wait before a retry; it then rejects with
    /// `ConvosoAbortError`.
    #[cfg_attr(feature = "typescript", tsify(optional, type = "AbortSignal"))]
    pub(super) signal: Option<AbortSignal>,
    /// Retries after a failed attempt (overrides the client's `maxRetries`).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub(super) max_retries: Option<u32>,
    /// Milliseconds the whole call may take (overrides the client's `deadlineMs`).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub(super) deadline_ms: Option<u32>,
    /// Inserts only: when to send again (overrides the client's `insertRetry`).
    #[cfg_attr(
        feature = "typescript",
        tsify(optional, type = "\"safe\" | \"recheck\"")
    )]
    pub(super) insert_retry: Option<InsertRetry>,
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

    pub(super) fn read(value: Option<JsValue>) -> Result<Self, Error> {
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

    pub(super) fn retry(&self) -> RetrySettings {
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

    pub(super) fn retry(&self) -> RetrySettings {
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
    pub(super) fn for_recheck(&self) -> RequestOptions {
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
            .ok_or_else(|| self.invalid(name, kind.must_be()))
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
        match self.value(name) {
            None => Ok(None),
            Some(v) => v
                .dyn_into::<Function>()
                .map(Some)
                .map_err(|_| self.invalid(name, "must be a function")),
        }
    }

    /// The option as given; `None` when absent or `null`.
    pub(super) fn value(&self, name: &'static str) -> Option<JsValue> {
        self.0
            .get(&Js::key(name))
            .map(|Js(v)| v)
            .filter(|v| !v.is_null())
    }

    fn insert_retry(&self) -> Result<Option<InsertRetry>, Error> {
        match self.text("insertRetry")? {
            None => Ok(None),
            Some(name) => retrying::insert_retry(&name)
                .map(Some)
                .ok_or_else(|| self.invalid("insertRetry", "must be \"safe\" or \"recheck\"")),
        }
    }

    pub(super) fn invalid(&self, name: &str, message: &'static str) -> Error {
        malformed_object(self.1, &option_field(name), message)
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
