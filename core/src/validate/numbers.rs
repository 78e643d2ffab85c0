//! Numeric fields, which callers give as JS numbers or as text (`5`, `"5"`).
//!
//! - Whole numbers: an integer, a double holding one exactly, or text of an optional sign and
//!   ASCII digits (surrounding ASCII spaces allowed). Then a range check.
//! - Decimals (revenue): a finite number, or text of an optional sign, digits and an optional
//!   `.` with digits after it (as the client's own decoder reads them; surrounding ASCII
//!   spaces allowed). No thousands separators, currency signs or exponents, which
//!   the service would not read as the number the person meant.
//!
//! Only the syntax is checked: no text is converted to a float, which keeps float parsing
//! (several KB of wasm) out of the validation build.

use super::fields::Value;

/// Why a whole-number check failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntError {
    /// Not a whole number at all.
    NotWhole,
    /// A whole number outside the allowed range.
    OutOfRange,
}

/// A whole number in `min..=max`.
// Inlined (here and in `is_decimal`): the request loop is the one caller, and its match on
// the result is smaller than a call and a function of their own in the wasm.
#[inline(always)]
pub fn check_int(value: &Value<'_>, min: i64, max: i64) -> Result<(), IntError> {
    match read(value) {
        Number::Whole(n) if (min..=max).contains(&n) => Ok(()),
        Number::Whole(_) => Err(IntError::OutOfRange),
        Number::Fraction | Number::Not => Err(IntError::NotWhole),
    }
}

/// A plain decimal number.
#[inline(always)]
pub fn is_decimal(value: &Value<'_>) -> bool {
    !matches!(read(value), Number::Not)
}

/// What a value reads as. One reading for both checks, so that the wasm holds it once.
enum Number {
    /// A whole number, saturating far outside any range a field allows.
    Whole(i64),
    /// A finite number written with a fraction (`1.5`, also `1.0` as text).
    Fraction,
    /// Not a plain number.
    Not,
}

fn read(value: &Value<'_>) -> Number {
    match value {
        Value::Int(n) => Number::Whole(*n),
        Value::Float(f) if is_whole(*f) => Number::Whole(*f as i64),
        Value::Float(f) if f.is_finite() => Number::Fraction,
        Value::Text(text) => {
            let t = text.as_bytes().trim_ascii();
            let (negative, unsigned) = match t.split_first() {
                Some((b'-', rest)) => (true, rest),
                Some((b'+', rest)) => (false, rest),
                _ => (false, t),
            };
            let dot = unsigned.iter().position(|&b| b == b'.');
            let (whole, fraction) = unsigned
                .split_at_checked(dot.unwrap_or(unsigned.len()))
                .unwrap_or_default();
            match (digits(whole), fraction.split_first()) {
                (Some(n), None) if negative => Number::Whole(-(n as i64)),
                (Some(n), None) => Number::Whole(n as i64),
                (Some(_), Some((_, fraction))) if digits(fraction).is_some() => Number::Fraction,
                _ => Number::Not,
            }
        }
        _ => Number::Not,
    }
}

/// Whether a double holds a whole number (`f64::fract` is std-only; this builds without std).
fn is_whole(f: f64) -> bool {
    // From 2^52 up every finite double is whole; below, the round trip through i64 is exact
    // for whole numbers only (`float_as_int` would add its own 2^53 bound, which is moot here).
    const ALL_WHOLE: f64 = 4_503_599_627_370_496.0;
    f.is_finite() && (f.abs() >= ALL_WHOLE || (f as i64) as f64 == f)
}

/// The value of one or more ASCII digits and nothing else, saturating at `i64::MAX`: how
/// numbers and lead IDs read digits.
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
