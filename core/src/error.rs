//! The one error type of the client, its kinds, and the table of the service's codes.
//!
//! No variant ever holds the auth token: it is only ever written into a request body, and
//! bodies echoed back by the service are redacted before they are quoted (see
//! [`crate::wire::error_body`]).

use core::fmt;

use crate::text::text;
use crate::validate::FieldError;

/// Why a call failed. Every variant names the endpoint path it happened on (`/leads/search`).
#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    /// The service answered and said no: `success: false` (with any HTTP status), with the
    /// code it gave (`code`, number or string) and its message (`text` or `error`).
    Api {
        endpoint: &'static str,
        status: u16,
        code: Option<i64>,
        message: String,
    },
    /// An HTTP error status with a body that is not an API answer (an HTML error page, a proxy's
    /// text). `snippet` is a short, redacted excerpt of it.
    Http {
        endpoint: &'static str,
        status: u16,
        snippet: String,
    },
    /// The request never got an answer (connection refused or dropped, DNS, CORS).
    Network {
        endpoint: &'static str,
        message: String,
    },
    /// No answer within the time allowed.
    Timeout {
        endpoint: &'static str,
        timeout_ms: u32,
    },
    /// The caller cancelled the call.
    Abort { endpoint: &'static str },
    /// A success status whose body is not the expected JSON (truncated, malformed, or missing
    /// required fields).
    Decode {
        endpoint: &'static str,
        status: u16,
        message: String,
    },
    /// The request failed validation and was not sent.
    Validation {
        endpoint: &'static str,
        errors: Vec<FieldError>,
    },
}

impl Error {
    /// The kind as the JS error classes name it: `api`, `http`, `network`, `timeout`, `abort`,
    /// `decode`, `validation`.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Api { .. } => "api",
            Error::Http { .. } => "http",
            Error::Network { .. } => "network",
            Error::Timeout { .. } => "timeout",
            Error::Abort { .. } => "abort",
            Error::Decode { .. } => "decode",
            Error::Validation { .. } => "validation",
        }
    }

    pub fn endpoint(&self) -> &'static str {
        match self {
            Error::Api { endpoint, .. }
            | Error::Http { endpoint, .. }
            | Error::Network { endpoint, .. }
            | Error::Timeout { endpoint, .. }
            | Error::Abort { endpoint }
            | Error::Decode { endpoint, .. }
            | Error::Validation { endpoint, .. } => endpoint,
        }
    }

    /// The HTTP status, when an answer arrived.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api { status, .. }
            | Error::Http { status, .. }
            | Error::Decode { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The service's error code, when it gave one.
    pub fn code(&self) -> Option<i64> {
        match self {
            Error::Api { code, .. } => *code,
            _ => None,
        }
    }
}

impl Error {
    /// What went wrong, for a person (the JS error's `message`). Built without `core::fmt`.
    pub fn message(&self) -> String {
        match self {
            Error::Api {
                message,
                code: Some(code),
                ..
            } => text!(message, " (code ", code, ")"),
            Error::Api { message, .. } => message.clone(),
            Error::Http {
                endpoint,
                status,
                snippet,
            } if snippet.is_empty() => text!("HTTP ", status, " from ", endpoint),
            Error::Http {
                endpoint,
                status,
                snippet,
            } => text!("HTTP ", status, " from ", endpoint, ": ", snippet),
            Error::Network { endpoint, message } => {
                text!("network error calling ", endpoint, ": ", message)
            }
            Error::Timeout {
                endpoint,
                timeout_ms,
            } => text!(endpoint, " did not answer within ", timeout_ms, " ms"),
            Error::Abort { endpoint } => text!("call to ", endpoint, " was aborted"),
            Error::Decode {
                endpoint, message, ..
            } => text!("unexpected answer from ", endpoint, ": ", message),
            Error::Validation { errors, .. } => match errors.as_slice() {
                [one] => text!(one.field, ": ", one.message),
                many => text!(many.len(), " fields are invalid"),
            },
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for Error {}

/// The code of a [`FieldError`] for a params object that is malformed rather than invalid: an
/// unknown parameter name, an object where text belongs. Just below the validators'
/// client-side range (9001–9099); the service has never been seen to use it.
pub const MALFORMED_PARAMS: u32 = crate::validate::codes::UNKNOWN_FIELD;

/// What the service's codes mean, for answers that give a code but no message. Codes are not
/// unique across the whole API (6004 means different things on different endpoints), so only
/// the codes the lead endpoints use are listed.
pub const CODES: &[(i64, &str)] = &[
    (5001, "Auth token is invalid"),
    (6001, "No such Lead"),
    (6002, "No such List"),
    (6005, "Missing users"),
    (6006, "No such User"),
    (6007, "The Lead requires a phone number and list id"),
    (6008, "The phone number is invalid"),
    (6009, "The phone number already exists"),
    (6023, "Required fields are missed"),
    (6070, "Invalid lead ID"),
    (6071, "Lead not found"),
    (6079, "Invalid Email(s)"),
    (7230, "Invalid limit value"),
    (7231, "Invalid offset value"),
    (7258, "Invalid limit value"),
];

/// The documented meaning of a service code.
pub fn describe(code: i64) -> Option<&'static str> {
    CODES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, text)| *text)
}
