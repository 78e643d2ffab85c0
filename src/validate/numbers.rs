//! Numeric fields, which callers give as JS numbers or as text (`5`, `"5"`).
//!
//! - Whole numbers: an integer, a double holding one exactly, or text of an optional sign and
//!   ASCII digits (surrounding ASCII spaces allowed). Then a range check.
//! - Decimals (revenue): a finite number, or text of an optional `-`, digits and an optional
//!   `.` with digits after it. No thousands separators, currency signs or exponents, which
//!   the service would not read as the number the person meant.
//!
//! Only the syntax is checked: no text is converted to a float, which keeps float parsing
//! (several KB of wasm) out of the validation build.

use super::fields::Value;
use crate::wire::lenient::float_as_int;

/// Why a whole-number check failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntError {
    /// Not a whole number at all.
    NotWhole,
    /// A whole number outside the allowed range.
    OutOfRange,
}

/// A whole number in `min..=max`.
pub fn check_int(value: &Value<'_>, min: i64, max: i64) -> Result<(), IntError> {
    let n = whole(value).ok_or(IntError::NotWhole)?;
    if (min..=max).contains(&n) {
        Ok(())
    } else {
        Err(IntError::OutOfRange)
    }
}

/// A plain decimal number.
pub fn is_decimal(value: &Value<'_>) -> bool {
    match value {
        Value::Int(_) => true,
        Value::Float(f) => f.is_finite(),
        Value::Text(text) => {
            let t = text.as_bytes().trim_ascii();
            let unsigned = t.strip_prefix(b"-").unwrap_or(t);
            let mut parts = unsigned.splitn(2, |&b| b == b'.');
            let whole = parts.next().unwrap_or_default();
            all_digits(whole) && parts.next().is_none_or(all_digits)
        }
        _ => false,
    }
}

/// The whole number a value holds, saturating far outside any range a field allows.
fn whole(value: &Value<'_>) -> Option<i64> {
    match value {
        Value::Int(n) => Some(*n),
        Value::Float(f) if is_whole(*f) => Some(*f as i64),
        Value::Text(text) => {
            let t = text.as_bytes().trim_ascii();
            let (negative, digits) = match t.strip_prefix(b"-") {
                Some(rest) => (true, rest),
                None => (false, t.strip_prefix(b"+").unwrap_or(t)),
            };
            if !all_digits(digits) {
                return None;
            }
            let magnitude = digits.iter().fold(0i64, |acc, &b| {
                acc.saturating_mul(10).saturating_add(i64::from(b - b'0'))
            });
            Some(if negative { -magnitude } else { magnitude })
        }
        _ => None,
    }
}

/// Whether a double holds a whole number (`f64::fract` is std-only; this builds without std).
fn is_whole(f: f64) -> bool {
    // From 2^52 up every finite double is whole; below, the round trip through i64 is exact
    // for whole numbers only.
    const ALL_WHOLE: f64 = 4_503_599_627_370_496.0;
    f.is_finite() && (f.abs() >= ALL_WHOLE || float_as_int(f).is_some())
}

fn all_digits(text: &[u8]) -> bool {
    !text.is_empty() && text.iter().all(u8::is_ascii_digit)
}
