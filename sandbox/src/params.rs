//! Request parameters: the query string and a form-urlencoded (or multipart) body, merged.
//!
//! Decoding is strict where the `form_urlencoded` crate is lenient on purpose: a broken
//! percent escape or bytes that are not UTF-8 are reported to the caller instead of being
//! replaced with U+FFFD and stored.

use std::collections::HashMap;

use axum::http::StatusCode;
use percent_encoding::percent_decode;

use crate::error::ApiError;

#[derive(Debug, Default, Clone)]
pub struct Params {
    values: HashMap<String, String>,
}

impl Params {
    /// Parses the query string, then the body; a body value overrides a query value and a
    /// repeated name keeps its last value (as PHP does).
    pub fn parse(query: Option<&str>, body: &[u8]) -> Result<Params, ApiError> {
        let mut values = HashMap::new();
        if let Some(query) = query {
            decode_into(query.as_bytes(), "query string", &mut values)?;
        }
        decode_into(body, "request body", &mut values)?;
        Ok(Params { values })
    }

    /// The query string, then the text parts of a multipart body (which override it).
    pub fn with_fields(
        query: Option<&str>,
        fields: Vec<(String, String)>,
    ) -> Result<Params, ApiError> {
        let mut params = Params::parse(query, b"")?;
        for (name, value) in fields {
            insert_checked(&mut params.values, name, value, "request body")?;
        }
        Ok(params)
    }

    /// The trimmed value, or `None` when absent or blank: an empty field means "not given".
    pub fn get(&self, name: &str) -> Option<&str> {
        self.values
            .get(name)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// Replaces a value (for options that rewrite other parameters, like `filter_phone_code`).
    pub fn set(&mut self, name: &str, value: String) {
        self.values.insert(name.to_string(), value);
    }

    /// Names present in the request, for picking up custom `field_N` parameters.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.values.keys().map(String::as_str)
    }

    /// A boolean flag: `1`/`0`/`true`/`false` (any case). Absent means false.
    pub fn flag(&self, name: &str) -> Result<bool, ApiError> {
        match self.get(name).map(str::to_ascii_lowercase).as_deref() {
            None | Some("0") | Some("false") => Ok(false),
            Some("1") | Some("true") => Ok(true),
            Some(_) => Err(ApiError::bad_param(name, "true, false, 1 or 0")),
        }
    }

    /// A whole number, with `err` for anything that is not one.
    pub fn int(&self, name: &str, err: impl FnOnce() -> ApiError) -> Result<Option<i64>, ApiError> {
        self.get(name)
            .map(|v| parse_int(v).ok_or_else(err))
            .transpose()
    }

    /// A whole number within `range`, with `err` for anything else.
    pub fn int_in(
        &self,
        name: &str,
        range: std::ops::RangeInclusive<i64>,
        err: impl Fn() -> ApiError,
    ) -> Result<Option<i64>, ApiError> {
        match self.int(name, &err)? {
            Some(n) if !range.contains(&n) => Err(err()),
            other => Ok(other),
        }
    }
}

/// Digits only, with an optional leading minus: "1e3", "+5", " 7" and "0x10" are not numbers here.
pub fn parse_int(value: &str) -> Option<i64> {
    let digits = value.strip_prefix('-').unwrap_or(value);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    value.parse().ok()
}

fn decode_into(
    raw: &[u8],
    source: &str,
    values: &mut HashMap<String, String>,
) -> Result<(), ApiError> {
    for pair in raw.split(|&b| b == b'&').filter(|p| !p.is_empty()) {
        let mut halves = pair.splitn(2, |&b| b == b'=');
        let name = halves.next().unwrap_or_default();
        let value = halves.next().unwrap_or_default();
        let name = decode_component(name, source)?;
        if name.is_empty() {
            continue;
        }
        let value = decode_component(value, source)?;
        insert_checked(values, name, value, source)?;
    }
    Ok(())
}

/// Stores a decoded parameter, refusing NUL characters: PHP and SQL layers behind the live
/// service treat them inconsistently (truncation, or silently stored), so a request carrying
/// one is refused with a clear 400 rather than stored or altered. The value is never echoed.
pub fn insert_checked(
    values: &mut HashMap<String, String>,
    name: String,
    value: String,
    source: &str,
) -> Result<(), ApiError> {
    if name.contains('\0') || value.contains('\0') {
        let which = if name.contains('\0') {
            "a parameter name".to_string()
        } else {
            format!("parameter {name}")
        };
        return Err(ApiError::http(
            StatusCode::BAD_REQUEST,
            format!("Malformed {source}: {which} contains a NUL byte (%00)"),
        ));
    }
    values.insert(name, value);
    Ok(())
}

fn decode_component(raw: &[u8], source: &str) -> Result<String, ApiError> {
    let malformed = |what: &str| {
        ApiError::http(
            StatusCode::BAD_REQUEST,
            format!("Malformed {source}: {what}"),
        )
    };
    if !escapes_are_well_formed(raw) {
        return Err(malformed("broken percent escape"));
    }
    let plus_as_space: Vec<u8> = raw
        .iter()
        .map(|&b| if b == b'+' { b' ' } else { b })
        .collect();
    percent_decode(&plus_as_space)
        .decode_utf8()
        .map(|s| s.into_owned())
        .map_err(|_| malformed("not valid UTF-8"))
}

/// Every `%` must start a two-hex-digit escape.
fn escapes_are_well_formed(raw: &[u8]) -> bool {
    let mut rest = raw;
    while let Some(at) = rest.iter().position(|&b| b == b'%') {
        match rest.get(at + 1..at + 3) {
            Some([a, b]) if a.is_ascii_hexdigit() && b.is_ascii_hexdigit() => {
                rest = rest.get(at + 3..).unwrap_or_default();
            }
            _ => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_overrides_query_and_last_repeat_wins() {
        let p = Params::parse(Some("a=1&b=2"), b"b=3&b=4&c=x+y%21").unwrap();
        assert_eq!(p.get("a"), Some("1"));
        assert_eq!(p.get("b"), Some("4"));
        assert_eq!(p.get("c"), Some("x y!"));
    }

    #[test]
    fn blank_values_count_as_absent() {
        let p = Params::parse(None, b"a=&b=+++&c").unwrap();
        assert_eq!(p.get("a"), None);
        assert_eq!(p.get("b"), None);
        assert_eq!(p.get("c"), None);
    }

    #[test]
    fn broken_escapes_and_invalid_utf8_are_errors() {
        for body in [
            &b"a=%zz"[..],
            b"a=%4",
            b"a=%",
            b"a=%FF",
            b"a=\xff",
            b"%C3%28=1",
        ] {
            let err = Params::parse(None, body).unwrap_err();
            assert_eq!(err.code, 400, "{body:?}");
        }
    }

    #[test]
    fn nul_bytes_are_refused_wherever_they_are() {
        for (query, body) in [
            (None, &b"a=x%00y"[..]),
            (None, b"a%00b=1"),
            (None, b"a=%00"),
            (Some("q=%00"), b""),
        ] {
            let err = Params::parse(query, body).unwrap_err();
            assert_eq!(err.code, 400, "{query:?} {body:?}");
            assert!(err.live_text.contains("NUL"), "{}", err.live_text);
        }
        // A plain `0` and an escaped `%30` are fine.
        assert_eq!(Params::parse(None, b"a=0%30").unwrap().get("a"), Some("00"));
    }

    #[test]
    fn integers_are_plain_digits() {
        assert_eq!(parse_int("42"), Some(42));
        assert_eq!(parse_int("-3"), Some(-3));
        for bad in [
            "",
            "-",
            "+5",
            "1e3",
            "0x10",
            "abc",
            "1.5",
            "99999999999999999999",
        ] {
            assert_eq!(parse_int(bad), None, "{bad}");
        }
    }

    #[test]
    fn flags_accept_the_four_spellings() {
        let p = Params::parse(None, b"a=1&b=TRUE&c=0&d=false&e=yes").unwrap();
        assert!(p.flag("a").unwrap());
        assert!(p.flag("b").unwrap());
        assert!(!p.flag("c").unwrap());
        assert!(!p.flag("d").unwrap());
        assert!(!p.flag("missing").unwrap());
        assert!(p.flag("e").is_err());
    }
}
