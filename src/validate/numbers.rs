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
            match unsigned.iter().position(|&b| b == b'.') {
                Some(dot) => {
                    let (whole, fraction) = unsigned.split_at_checked(dot).unwrap_or_default();
                    digits(whole).is_some() && fraction.get(1..).and_then(digits).is_some()
                }
                None => digits(unsigned).is_some(),
            }
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
            match t.strip_prefix(b"-") {
                Some(rest) => digits(rest).map(|n| -(n as i64)),
                None => digits(t.strip_prefix(b"+").unwrap_or(t)).map(|n| n as i64),
            }
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

/// The value of one or more ASCII digits and nothing else, saturating at `i64::MAX`: the one
/// reading of digits that numbers and dates share.
pub(super) fn digits(text: &[u8]) -> Option<u64> {
    const MAX: u64 = i64::MAX as u64;
    if text.is_empty() {
        return None;
    }
    text.iter().try_fold(0, |n, &b| {
        // Not `saturating_mul`: its overflow check is a 128-bit multiply in wasm.
        b.is_ascii_digit().then(|| {
            if n > MAX / 10 {
                MAX
            } else {
                (n * 10 + u64::from(b - b'0')).min(MAX)
            }
        })
    })
}
