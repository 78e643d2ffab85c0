#![cfg(all(feature = "client", not(target_arch = "wasm32")))]
//! The error type: kinds, fields and messages of every variant, and the code table.

use std::borrow::Cow;

use convoso_leads_core::error::{describe, Error, CODES};
use convoso_leads_core::validate::FieldError;

fn field_error(field: &'static str, code: u32) -> FieldError {
    FieldError {
        field: Cow::Borrowed(field),
        code,
        message: Cow::Borrowed("is wrong"),
        index: None,
        incomplete: false,
    }
}

#[test]
fn every_variant_has_its_kind_fields_and_message() {
    let endpoint = "/leads/search";
    let cases = [
        (
            Error::Api {
                endpoint,
                status: 200,
                code: Some(6008),
                message: "The phone number is invalid".into(),
            },
            "api",
            Some(200),
            Some(6008),
            "The phone number is invalid (code 6008)",
        ),
        (
            Error::Api {
                endpoint,
                status: 200,
                code: None,
                message: "List not found".into(),
            },
            "api",
            Some(200),
            None,
            "List not found",
        ),
        (
            Error::Http {
                endpoint,
                status: 502,
                snippet: "Bad Gateway".into(),
            },
            "http",
            Some(502),
            None,
            "HTTP 502 from /leads/search: Bad Gateway",
        ),
        (
            Error::Http {
                endpoint,
                status: 500,
                snippet: String::new(),
            },
            "http",
            Some(500),
            None,
            "HTTP 500 from /leads/search",
        ),
        (
            Error::Network {
                endpoint,
                message: "Failed to fetch".into(),
            },
            "network",
            None,
            None,
            "network error calling /leads/search: Failed to fetch",
        ),
        (
            Error::Timeout {
                endpoint,
                timeout_ms: 250,
            },
            "timeout",
            None,
            None,
            "/leads/search did not answer within 250 ms",
        ),
        (
            Error::Abort { endpoint },
            "abort",
            None,
            None,
            "call to /leads/search was aborted",
        ),
        (
            Error::Decode {
                endpoint,
                status: 200,
                message: "the body is empty".into(),
            },
            "decode",
            Some(200),
            None,
            "unexpected answer from /leads/search: the body is empty",
        ),
        (
            Error::Validation {
                endpoint,
                errors: vec![field_error("limit", 7258)],
            },
            "validation",
            None,
            None,
            "limit: is wrong",
        ),
        (
            Error::Validation {
                endpoint,
                errors: vec![field_error("limit", 7258), field_error("offset", 7231)],
            },
            "validation",
            None,
            None,
            "2 fields are invalid",
        ),
    ];
    for (error, kind, status, code, message) in cases {
        assert_eq!(error.kind(), kind);
        assert_eq!(error.endpoint(), endpoint);
        assert_eq!(error.status(), status, "{kind}");
        assert_eq!(error.code(), code, "{kind}");
        assert_eq!(error.to_string(), message);
    }
}

#[test]
fn code_table_covers_the_lead_codes() {
    for code in [
        5001, 6001, 6002, 6005, 6006, 6007, 6008, 6009, 6023, 6070, 6071, 6079, 7230, 7231, 7258,
    ] {
        assert!(describe(code).is_some(), "{code} is not described");
    }
    assert_eq!(describe(6009), Some("The phone number already exists"));
    // Ambiguous across endpoints, so deliberately not described.
    assert_eq!(describe(6004), None);
    let mut codes: Vec<i64> = CODES.iter().map(|(c, _)| *c).collect();
    codes.dedup();
    assert_eq!(codes.len(), CODES.len(), "a code is listed twice");
}
