//! The one error type of the API endpoints, and the table of Leads API error codes.
//!
//! An error knows its code and both wordings; how it maps onto an HTTP status and a body is
//! the response style's business (see `render`).

use std::borrow::Cow;

use axum::http::StatusCode;

/// The numbered errors of leads-api.md (plus 5001, the live service's auth code).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Code {
    AuthInvalid,
    NoSuchLead,
    NoSuchList,
    MissingUsers,
    NoSuchUser,
    PhoneAndListRequired,
    PhoneInvalid,
    PhoneExists,
    RequiredFieldsMissing,
    InvalidLeadId,
    LeadNotFound,
    InvalidEmail,
    InvalidOffset,
    InvalidLimit,
}

impl Code {
    /// (number, live `text`, documented `error`). The live wording is the code table's; the
    /// documented wording is leads-api.md's "Error Handling" table where it has a row.
    const fn table(self) -> (u32, &'static str, &'static str) {
        match self {
            Code::AuthInvalid => (
                5001,
                "Auth token is invalid",
                "Invalid authentication token",
            ),
            Code::NoSuchLead => (6001, "No such Lead", "No such Lead"),
            Code::NoSuchList => (6002, "No such List", "List not found"),
            Code::MissingUsers => (6005, "Missing users", "Missing users"),
            Code::NoSuchUser => (6006, "No such User", "No such User"),
            Code::PhoneAndListRequired => (
                6007,
                "The Lead requires a phone number and list id",
                "The Lead requires a phone number and list id",
            ),
            Code::PhoneInvalid => (6008, "The phone number is invalid", "Invalid phone number"),
            Code::PhoneExists => (
                6009,
                "The phone number already exists",
                "Lead already exists",
            ),
            Code::RequiredFieldsMissing => (
                6023,
                "Required fields are missed",
                "Required fields are missed",
            ),
            Code::InvalidLeadId => (6070, "Invalid lead ID", "Invalid lead ID"),
            Code::LeadNotFound => (6071, "Lead not found", "Lead not found"),
            Code::InvalidEmail => (6079, "Invalid Email(s)", "Invalid Email(s)"),
            Code::InvalidOffset => (7231, "Invalid offset value", "Invalid offset value"),
            Code::InvalidLimit => (7258, "Invalid limit value", "Invalid limit value"),
        }
    }

    pub const fn number(self) -> u32 {
        self.table().0
    }
}

/// What kind of failure this is; the style decides the HTTP status from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Missing or unknown auth token.
    Auth,
    /// A numbered business error (6xxx/7xxx).
    Business,
    /// The request itself is unusable (bad encoding, too large, wrong method, bad value of a
    /// parameter the spec types but gives no code for). Same status in every style.
    Http(StatusCode),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    pub class: Class,
    pub code: u32,
    pub live_text: Cow<'static, str>,
    pub documented_text: Cow<'static, str>,
}

impl ApiError {
    pub fn coded(code: Code) -> Self {
        let (number, live, documented) = code.table();
        let class = if code == Code::AuthInvalid {
            Class::Auth
        } else {
            Class::Business
        };
        ApiError {
            class,
            code: number,
            live_text: Cow::Borrowed(live),
            documented_text: Cow::Borrowed(documented),
        }
    }

    /// A coded error with a detail appended to both wordings (e.g. which fields are missing).
    pub fn coded_with(code: Code, detail: impl std::fmt::Display) -> Self {
        let mut err = Self::coded(code);
        err.live_text = Cow::Owned(format!("{}: {detail}", err.live_text));
        err.documented_text = Cow::Owned(format!("{}: {detail}", err.documented_text));
        err
    }

    /// An HTTP-level error; its body code is the status number.
    pub fn http(status: StatusCode, message: impl Into<Cow<'static, str>>) -> Self {
        let message = message.into();
        ApiError {
            class: Class::Http(status),
            code: u32::from(status.as_u16()),
            live_text: message.clone(),
            documented_text: message,
        }
    }

    /// A parameter value of the wrong type or outside its documented range.
    pub fn bad_param(name: &str, expected: &str) -> Self {
        Self::http(
            StatusCode::BAD_REQUEST,
            format!("Invalid value for {name}: expected {expected}"),
        )
    }

    pub fn internal() -> Self {
        Self::http(StatusCode::INTERNAL_SERVER_ERROR, "Internal error")
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(err: rusqlite::Error) -> Self {
        // Storage details are of no use to an API caller; the operator gets them on stderr.
        eprintln!("convoso-sandbox: storage error: {err}");
        ApiError::internal()
    }
}
