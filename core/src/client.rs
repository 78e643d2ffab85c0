//! The request flow without any transport: validate and encode a call, then turn the HTTP
//! answer into a result or an [`Error`]. The wasm bindings drive it with `fetch`; native tests
//! drive it with canned answers.

use core::fmt;

use std::borrow::Cow;

use crate::api::Params;
use crate::api::{self, Endpoint, Output};
use crate::error::{Error, MALFORMED_PARAMS};
use crate::validate::{validate_request, FieldError, LeadOptions};
use crate::wire::form::Form;
use crate::wire::json::Json;
use crate::wire::params::FieldSource;
use crate::wire::response::{self, Received};

/// Where calls go when no `base_url` is given.
pub const DEFAULT_BASE_URL: &str = "https://api.convoso.com/v1";

/// The only content type requests are sent with: the token must travel in a body, never a URL.
pub const CONTENT_TYPE: &str = "application/x-www-form-urlencoded";

/// Client-wide settings.
#[derive(Clone, PartialEq)]
pub struct Config {
    /// Sent as `auth_token` in every request body. `None` for a client that talks to the app's
    /// own backend, which adds the token there.
    pub auth_token: Option<String>,
    /// Base URL without the endpoint path, e.g. `https://api.convoso.com/v1`.
    pub base_url: String,
    /// Per-attempt time limit; `None` waits as long as the transport does.
    pub timeout_ms: Option<u32>,
    /// Run the service's checks before sending (default on).
    pub validate: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            auth_token: None,
            base_url: DEFAULT_BASE_URL.to_owned(),
            timeout_ms: None,
            validate: true,
        }
    }
}

/// Never prints the token.
impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field(
                "auth_token",
                &self.auth_token.as_ref().map(|_| "[redacted]"),
            )
            .field("base_url", &self.base_url)
            .field("timeout_ms", &self.timeout_ms)
            .field("validate", &self.validate)
            .finish()
    }
}

/// Per-call overrides of [`Config`] that [`prepare`] applies (the bindings apply the time
/// limit themselves).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CallOptions {
    pub validate: Option<bool>,
}

/// A call ready to send as `POST url` with a form body of [`CONTENT_TYPE`].
#[derive(Clone, PartialEq)]
pub struct Request {
    pub url: String,
    /// Holds the token: never log it.
    pub body: String,
}

/// Never prints the body (it holds the token).
impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Request")
            .field("url", &self.url)
            .field("body", &format_args!("[{} bytes]", self.body.len()))
            .finish()
    }
}

/// Reads the params of a call from an untyped object (a JS object). Every property (`names`
/// lists the object's own) must be a parameter of the endpoint (a typo must not be dropped
/// silently) and hold a value that parameter can take; otherwise nothing is sent. This runs
/// even with validation off: these are programming errors, not form input.
pub fn read_params<S: FieldSource + ?Sized>(
    endpoint: &'static Endpoint,
    source: &S,
    names: impl IntoIterator<Item = String>,
) -> Result<Params, Error> {
    let mut errors: Vec<FieldError> = names
        .into_iter()
        .filter(|name| endpoint.params.index(name).is_none())
        .map(|name| malformed(name, Cow::Borrowed("is not a parameter of this endpoint")))
        .collect();
    let params = Params::read(endpoint, source).map_err(|bad| {
        errors.extend(
            bad.into_iter()
                .map(|b| malformed(b.field.to_owned(), Cow::Borrowed(b.must_be))),
        );
    });
    match params {
        Ok(params) if errors.is_empty() => Ok(params),
        _ => Err(Error::Validation {
            endpoint: endpoint.path,
            errors,
        }),
    }
}

/// A params or options object that could not be read at all.
pub fn malformed_object(endpoint: &'static str, field: &str, message: &'static str) -> Error {
    Error::Validation {
        endpoint,
        errors: vec![malformed(field.to_owned(), Cow::Borrowed(message))],
    }
}

fn malformed(field: String, message: Cow<'static, str>) -> FieldError {
    FieldError {
        field: Cow::Owned(field),
        code: MALFORMED_PARAMS,
        message,
        index: None,
        incomplete: false,
    }
}

/// Validates (unless turned off) and encodes one call. Nothing is sent when validation fails.
pub fn prepare(config: &Config, call: &CallOptions, params: &Params) -> Result<Request, Error> {
    let endpoint = params.endpoint;
    if call.validate.unwrap_or(config.validate) {
        let errors = validate_request(endpoint.rules, params, &LeadOptions::default());
        if !errors.is_empty() {
            return Err(Error::Validation {
                endpoint: endpoint.path,
                errors,
            });
        }
    }
    Ok(encode(config, params))
}

/// Encodes one call as it is, without validating it (the wasm client checks requests with the
/// validation module before this).
pub fn encode(config: &Config, params: &Params) -> Request {
    let endpoint = params.endpoint;
    let mut form = Form::new();
    form.field("auth_token", config.auth_token.as_deref());
    form.params(params.iter());
    let base = config.base_url.trim_end_matches('/');
    let mut url = String::with_capacity(base.len() + endpoint.path.len());
    url.push_str(base);
    url.push_str(endpoint.path);
    Request {
        url,
        body: form.finish(),
    }
}

/// Turns the answer to a call into its result.
pub fn finish<J: Json>(
    config: &Config,
    params: &Params,
    status: u16,
    body: &J::Text,
) -> Result<Output<J>, Error> {
    let endpoint = params.endpoint.path;
    let payload = response::read::<J>(Received {
        endpoint,
        status,
        body,
        secret: config.auth_token.as_deref(),
    })?;
    api::decode(payload, params).map_err(|message| Error::Decode {
        endpoint,
        status,
        message,
    })
}
