//! Lenient readers for values that cross the JS boundary.
//!
//! JS callers pass numbers as `5` or `"5"` and flags as `true`, `1` or `"true"`; the live
//! service answers the same way. Request parameters keep what the caller gave when it cannot be
//! understood (`Lenient::Invalid`) so that validation can report it with a code instead of the
//! whole call failing to decode.

use alloc::borrow::ToOwned;
use alloc::string::{String, ToString};
use core::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};

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

/// One scalar as JS (or JSON) delivers it.
#[derive(Clone, Copy, Debug)]
pub enum Scalar<'a> {
    Str(&'a str),
    Int(i64),
    Float(f64),
    Bool(bool),
}

/// Types a request parameter can be read into from any scalar.
pub trait FromScalar: Sized {
    /// What the type accepts, for the message when the input is not a scalar at all.
    const EXPECTING: &'static str;
    /// `None` when the scalar can never be this type (e.g. `true` for a text field).
    fn from_scalar(value: Scalar<'_>) -> Option<Self>;
}

/// Text: strings as given; integral numbers in plain decimal (`list_id: 333` → `"333"`).
impl FromScalar for String {
    const EXPECTING: &'static str = "a string";
    fn from_scalar(value: Scalar<'_>) -> Option<Self> {
        match value {
            Scalar::Str(s) => Some(s.to_owned()),
            Scalar::Int(i) => Some(i.to_string()),
            Scalar::Float(f) => Some(float_text(f)),
            Scalar::Bool(_) => None,
        }
    }
}

impl FromScalar for IntLike {
    const EXPECTING: &'static str = "an integer or a numeric string";
    fn from_scalar(value: Scalar<'_>) -> Option<Self> {
        Some(match value {
            Scalar::Int(i) => Lenient::Valid(i),
            Scalar::Float(f) => match float_as_int(f) {
                Some(i) => Lenient::Valid(i),
                None => Lenient::Invalid(float_text(f)),
            },
            Scalar::Str(s) => match parse_int(s) {
                Some(i) => Lenient::Valid(i),
                None => Lenient::Invalid(s.to_owned()),
            },
            Scalar::Bool(b) => Lenient::Invalid(b.to_string()),
        })
    }
}

impl FromScalar for NumberLike {
    const EXPECTING: &'static str = "a number or a numeric string";
    fn from_scalar(value: Scalar<'_>) -> Option<Self> {
        Some(match value {
            // i64 → f64 is exact for every integer a JS number can hold.
            Scalar::Int(i) => Lenient::Valid(i as f64),
            Scalar::Float(f) if f.is_finite() => Lenient::Valid(f),
            Scalar::Float(f) => Lenient::Invalid(float_text(f)),
            Scalar::Str(s) => match parse_decimal(s) {
                Some(f) => Lenient::Valid(f),
                None => Lenient::Invalid(s.to_owned()),
            },
            Scalar::Bool(b) => Lenient::Invalid(b.to_string()),
        })
    }
}

impl FromScalar for FlagLike {
    const EXPECTING: &'static str = "a boolean, 0/1 or \"true\"/\"false\"";
    fn from_scalar(value: Scalar<'_>) -> Option<Self> {
        Some(match value {
            Scalar::Bool(b) => Lenient::Valid(b),
            Scalar::Int(0) => Lenient::Valid(false),
            Scalar::Int(1) => Lenient::Valid(true),
            Scalar::Int(i) => Lenient::Invalid(i.to_string()),
            Scalar::Float(f) => match float_as_int(f) {
                Some(0) => Lenient::Valid(false),
                Some(1) => Lenient::Valid(true),
                _ => Lenient::Invalid(float_text(f)),
            },
            Scalar::Str(s) => match parse_flag(s) {
                Some(b) => Lenient::Valid(b),
                None => Lenient::Invalid(s.to_owned()),
            },
        })
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

// The typed API's readers (native). The wasm client formats and parses floats with the JS
// engine instead (`FieldSource` and `Json` name how), so these never reach a module.
fn shortest_text(f: f64) -> String {
    f.to_string()
}

fn decimal_value(text: &str) -> Option<f64> {
    text.parse().ok()
}

/// Reads an optional parameter of any [`FromScalar`] type; `null` and `undefined` are absent.
/// Use as `#[serde(deserialize_with = "...::optional")]` (the `params!` macro does).
pub fn optional<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: FromScalar,
{
    deserializer.deserialize_any(ScalarVisitor(core::marker::PhantomData))
}

impl<'de, T> Deserialize<'de> for Lenient<T>
where
    Lenient<T>: FromScalar,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        optional(deserializer)?.ok_or_else(|| de::Error::custom("missing value"))
    }
}

struct ScalarVisitor<T>(core::marker::PhantomData<T>);

impl<T: FromScalar> ScalarVisitor<T> {
    fn read<E: de::Error>(
        value: Scalar<'_>,
        unexpected: de::Unexpected<'_>,
    ) -> Result<Option<T>, E> {
        T::from_scalar(value)
            .map(Some)
            .ok_or_else(|| E::invalid_type(unexpected, &T::EXPECTING))
    }
}

impl<'de, T: FromScalar> Visitor<'de> for ScalarVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Self::read(Scalar::Bool(v), de::Unexpected::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Self::read(Scalar::Int(v), de::Unexpected::Signed(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        match i64::try_from(v) {
            Ok(i) => self.visit_i64(i),
            Err(_) => self.visit_f64(v as f64),
        }
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Self::read(Scalar::Float(v), de::Unexpected::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Self::read(Scalar::Str(v), de::Unexpected::Str(v))
    }
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

    #[test]
    fn scalars_become_each_parameter_type() {
        assert_eq!(
            String::from_scalar(Scalar::Int(333)).as_deref(),
            Some("333")
        );
        assert_eq!(
            String::from_scalar(Scalar::Float(2.5)).as_deref(),
            Some("2.5")
        );
        assert_eq!(String::from_scalar(Scalar::Bool(true)), None);
        assert_eq!(
            IntLike::from_scalar(Scalar::Bool(true)),
            Some(Lenient::Invalid("true".into()))
        );
        assert_eq!(
            FlagLike::from_scalar(Scalar::Int(2)),
            Some(Lenient::Invalid("2".into()))
        );
        assert_eq!(
            FlagLike::from_scalar(Scalar::Float(1.0)),
            Some(Lenient::Valid(true))
        );
        assert_eq!(
            NumberLike::from_scalar(Scalar::Float(f64::INFINITY)),
            Some(Lenient::Invalid("inf".into()))
        );
        assert_eq!(
            NumberLike::from_scalar(Scalar::Str("1200.50")),
            Some(Lenient::Valid(1200.5))
        );
    }
}
