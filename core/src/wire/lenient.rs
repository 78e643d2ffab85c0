//! Lenient readers for values that cross the JS boundary.
//!
//! JS callers pass numbers as `5` or `"5"` and flags as `true`, `1` or `"true"`; the live
//! service answers the same way. Request parameters keep what the caller gave when it cannot be
//! understood (`Lenient::Invalid`) so that validation can report it with a code instead of the
//! whole call failing to decode. Which input reads as what is decided once, by
//! [`super::params::Kind::read`]; this module has the typed API's value types and the parsers.

use alloc::string::{String, ToString};

/// A parameter value as the caller gave it: understood as `T`, or kept verbatim.
#[derive(Clone, Debug, PartialEq)]
pub enum Lenient<T> {
    /// The value, read from a JS number/boolean or an equivalent string.
    Valid(T),
    /// Input that does not read as `T`, kept as text for validation to report (and sent
    /// unchanged when the caller turned validation off).
    Invalid(String),
}

/// An integer parameter: a JS number or a numeric string (`5`, `"5"`).
pub type IntLike = Lenient<i64>;
/// A decimal parameter: a JS number or a numeric string (`1200.5`, `"1200.50"`).
pub type NumberLike = Lenient<f64>;
/// A boolean parameter: `true`/`false`, `1`/`0`, `"1"`/`"0"`, `"true"`/`"false"`.
pub type FlagLike = Lenient<bool>;

impl<T> Lenient<T> {
    /// The understood value, if the input read as one.
    pub fn valid(&self) -> Option<&T> {
        match self {
            Lenient::Valid(v) => Some(v),
            Lenient::Invalid(_) => None,
        }
    }

    /// The verbatim input, if it did not read as a `T`.
    pub fn invalid(&self) -> Option<&str> {
        match self {
            Lenient::Valid(_) => None,
            Lenient::Invalid(raw) => Some(raw),
        }
    }
}

/// An integer written in plain decimal, surrounding whitespace allowed (`" 42"`, `"-1"`).
pub fn parse_int(s: &str) -> Option<i64> {
    let t = s.trim();
    let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// A plain decimal (`"12"`, `"-0.5"`, `"1200.50"`): no exponents, `inf` or `NaN`, which
/// `f64::from_str` would otherwise accept.
pub fn parse_decimal(s: &str) -> Option<f64> {
    plain_decimal(s).and_then(decimal_value)
}

/// `s` without its surrounding whitespace, if it is a plain decimal (see [`parse_decimal`]).
pub fn plain_decimal(s: &str) -> Option<&str> {
    let t = s.trim();
    let unsigned = t.strip_prefix(['-', '+']).unwrap_or(t);
    let (whole, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let plain = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !plain(whole) || !plain(frac) || unsigned.ends_with('.') {
        return None;
    }
    Some(t)
}

/// `true`/`false` (any case) and `1`/`0`, as forms and query strings spell booleans.
pub fn parse_flag(s: &str) -> Option<bool> {
    let t = s.trim();
    if t == "1" || t.eq_ignore_ascii_case("true") {
        Some(true)
    } else if t == "0" || t.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// The integer a float holds exactly, if any (JS has only doubles: `5` may arrive as `5.0`).
pub fn float_as_int(f: f64) -> Option<i64> {
    // 2^53: beyond it a double no longer holds every integer, so the value is not trustworthy.
    const SAFE: f64 = 9_007_199_254_740_992.0;
    // Whole when the round trip through i64 is exact (`f64::fract` is std-only; this module
    // also builds without std). In range the cast cannot saturate; NaN fails the comparison.
    (f.abs() <= SAFE && (f as i64) as f64 == f).then_some(f as i64)
}

/// A float as text: integral values without a trailing `.0`, others in the shortest form that
/// reads back to the same value.
pub fn float_text(f: f64) -> String {
    match float_as_int(f) {
        Some(i) => i.to_string(),
        None => shortest_text(f),
    }
}

// The typed API's float formatting and parsing (native, `super::typed`). The wasm client
// formats and parses floats with the JS engine instead (`Floats`), so these never reach a
// module.
fn shortest_text(f: f64) -> String {
    f.to_string()
}

pub(crate) fn decimal_value(text: &str) -> Option<f64> {
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_in_plain_decimal_only() {
        assert_eq!(parse_int(" 42 "), Some(42));
        assert_eq!(parse_int("-7"), Some(-7));
        assert_eq!(parse_int("+7"), Some(7));
        for bad in [
            "",
            "-",
            "4 2",
            "1e3",
            "0x10",
            "1.0",
            "٣",
            "99999999999999999999",
        ] {
            assert_eq!(parse_int(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn decimals_without_exponents_or_specials() {
        assert_eq!(parse_decimal("1200.50"), Some(1200.5));
        assert_eq!(parse_decimal("-0.5"), Some(-0.5));
        assert_eq!(parse_decimal("12"), Some(12.0));
        for bad in ["", ".5", "5.", "1e3", "inf", "NaN", "1,200", "1.2.3"] {
            assert_eq!(parse_decimal(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn flags_as_forms_spell_them() {
        for (text, want) in [
            ("1", true),
            ("TRUE", true),
            (" false ", false),
            ("0", false),
        ] {
            assert_eq!(parse_flag(text), Some(want), "{text:?}");
        }
        assert_eq!(parse_flag("yes"), None);
    }

    #[test]
    fn floats_hold_integers_only_when_exact_and_safe() {
        assert_eq!(float_as_int(5.0), Some(5));
        assert_eq!(float_as_int(-3.0), Some(-3));
        assert_eq!(float_as_int(5.5), None);
        assert_eq!(float_as_int(f64::NAN), None);
        assert_eq!(float_as_int(1e300), None);
        assert_eq!(float_text(5.0), "5");
        assert_eq!(float_text(0.1), "0.1");
    }
}
