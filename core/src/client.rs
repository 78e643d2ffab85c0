//! The request flow without any transport: validate and encode a call, then turn the HTTP
//! answer into a result or an [`Error`]. The wasm bindings drive it with `fetch`; native tests
//! drive it with canned answers.

use core::fmt;

use std::borrow::Cow;

use crate::api::Endpoint;
use crate::error::{Error, MALFORMED_PARAMS};
use crate::validate::FieldError;
use crate::wire::form::Form;
use crate::wire::json::Json;
use crate::wire::params::{FieldSource, FromFields, ParamNames};
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

/// Per-call overrides of [`Config`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CallOptions {
    pub timeout_ms: Option<u32>,
    pub validate: Option<bool>,
}

impl Config {
    pub fn timeout_ms(&self, call: &CallOptions) -> Option<u32> {
        call.timeout_ms.or(self.timeout_ms)
    }
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

/// Reads the params of a call from an untyped object (a JS object). Every property must be a
/// parameter of the endpoint (a typo must not be dropped silently) and hold a value that
/// parameter can take; otherwise nothing is sent. This runs even with validation off: these
/// are programming errors, not form input.
pub fn read_params<E: Endpoint>(
    source: &impl FieldSource,
    names: impl IntoIterator<Item = String>,
) -> Result<E::Params, Error> {
    let mut errors: Vec<FieldError> = names
        .into_iter()
        .filter(|name| !E::Params::FIELDS.contains(&name.as_str()))
        .map(|name| malformed(name, "is not a parameter of this endpoint".to_owned()))
        .collect();
    let params = E::Params::from_fields(source).map_err(|bad| {
        errors.extend(
            bad.into_iter()
                .map(|b| malformed(b.field.to_owned(), format!("must be {}", b.expected))),
        );
    });
    match params {
        Ok(params) if errors.is_empty() => Ok(params),
        _ => Err(Error::Validation {
            endpoint: E::PATH,
            errors,
        }),
    }
}

/// A params or options object that could not be read at all.
pub fn malformed_object(endpoint: &'static str, field: &str, message: &str) -> Error {
    Error::Validation {
        endpoint,
        errors: vec![malformed(field.to_owned(), message.to_owned())],
    }
}

fn malformed(field: String, message: String) -> FieldError {
    FieldError {
        field: Cow::Owned(field),
        code: MALFORMED_PARAMS,
        message: Cow::Owned(message),
        index: None,
    }
}

/// Validates (unless turned off) and encodes one call. Nothing is sent when validation fails.
pub fn prepare<E: Endpoint>(
    config: &Config,
    call: &CallOptions,
    params: &E::Params,
) -> Result<Request, Error> {
    if call.validate.unwrap_or(config.validate) {
        let errors = E::validate(params);
        if !errors.is_empty() {
            return Err(Error::Validation {
                endpoint: E::PATH,
                errors,
            });
        }
    }
    let mut form = Form::new();
    form.field("auth_token", config.auth_token.as_deref());
    crate::wire::form::Encode::encode(params, &mut form);
    Ok(Request {
        url: format!("{}{}", config.base_url.trim_end_matches('/'), E::PATH),
        body: form.finish(),
    })
}

/// Turns the answer to a call into its result.
pub fn finish<E: Endpoint, J: Json>(
    config: &Config,
    params: &E::Params,
    status: u16,
    body: &J::Text,
) -> Result<E::Output<J>, Error> {
    let payload = response::read::<J>(Received {
        endpoint: E::PATH,
        status,
        body,
        secret: config.auth_token.as_deref(),
    })?;
    E::decode(payload, params).map_err(|message| Error::Decode {
        endpoint: E::PATH,
        status,
        message,
    })
}
