//! The two response styles and how a request picks one.

use std::str::FromStr;

use axum::http::HeaderMap;

use crate::error::ApiError;

/// Header a test sends to get one style from a server started with the other.
pub const STYLE_HEADER: &str = "x-sandbox-style";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Style {
    /// The shapes of leads-api.md.
    #[default]
    Documented,
    /// The shapes the live service is observed to send (observed-behaviour.md).
    Live,
}

impl FromStr for Style {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "documented" => Ok(Style::Documented),
            "live" => Ok(Style::Live),
            other => Err(format!(
                "unknown style {other:?} (expected documented or live)"
            )),
        }
    }
}

impl Style {
    /// The style for one request: the override header if present, else the server's.
    pub fn for_request(headers: &HeaderMap, server: Style) -> Result<Style, ApiError> {
        match headers.get(STYLE_HEADER) {
            None => Ok(server),
            Some(value) => value
                .to_str()
                .ok()
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| {
                    ApiError::bad_param("the X-Sandbox-Style header", "live or documented")
                }),
        }
    }
}
