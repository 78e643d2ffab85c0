//! The typed params structs read with serde (native builds): each field's value is read by
//! the same rules as the wasm client's table reader ([`Kind::read`]), then kept as the typed
//! field holds it. The wasm builds read JS objects by the table instead, so this is never in a
//! module.

use alloc::string::String;
use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, Visitor};

use super::lenient::{decimal_value, float_text, FlagLike, IntLike, Lenient, NumberLike};
use super::params::{Floats, Given, Kinded, Scalar};

/// Rust's own float formatting and parsing, for the typed API.
struct Std;

impl Floats for Std {
    fn float_text(f: f64) -> String {
        float_text(f)
    }

    fn parse_float(text: &str) -> Option<f64> {
        decimal_value(text)
    }
}

/// The typed fields' types: what a value read for their kind becomes.
pub trait FromGiven: Kinded + Sized {
    /// `None` for a value this type cannot hold (it then reads as not given).
    fn from_given(given: Given) -> Option<Self>;
}

/// Input that did not read as the kind is kept verbatim, for validation to report.
fn lenient<T>(given: Given, valid: fn(Given) -> Option<T>) -> Option<Lenient<T>> {
    match given {
        Given::Raw(raw) => Some(Lenient::Invalid(raw)),
        given => valid(given).map(Lenient::Valid),
    }
}

impl FromGiven for String {
    fn from_given(given: Given) -> Option<Self> {
        match given {
            Given::Text(text) => Some(text),
            _ => None,
        }
    }
}

impl FromGiven for IntLike {
    fn from_given(given: Given) -> Option<Self> {
        lenient(given, |g| match g {
            Given::Int(i) => Some(i),
            _ => None,
        })
    }
}

impl FromGiven for NumberLike {
    fn from_given(given: Given) -> Option<Self> {
        lenient(given, |g| match g {
            Given::Number(f, _) => Some(f),
            _ => None,
        })
    }
}

impl FromGiven for FlagLike {
    fn from_given(given: Given) -> Option<Self> {
        lenient(given, |g| match g {
            Given::Flag(b) => Some(b),
            _ => None,
        })
    }
}

/// One scalar read as `T`; `None` when it can never be one (`true` for a text field).
pub fn from_scalar<T: FromGiven>(scalar: Scalar) -> Option<T> {
    T::KIND.read::<Std>(scalar).and_then(T::from_given)
}

/// Reads an optional parameter of a typed params struct; `null` and `undefined` are absent.
/// Used as `#[serde(deserialize_with = "...::optional")]` (the `params!` macro does).
pub fn optional<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: FromGiven,
{
    deserializer.deserialize_any(ScalarVisitor(PhantomData))
}

impl<'de, T> Deserialize<'de> for Lenient<T>
where
    Lenient<T>: FromGiven,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        optional(deserializer)?.ok_or_else(|| de::Error::custom("missing value"))
    }
}

struct ScalarVisitor<T>(PhantomData<T>);

/// What the kind takes, as serde's messages say it ("a string").
fn expected<T: Kinded>() -> &'static str {
    let must_be = T::KIND.must_be();
    must_be.strip_prefix("must be ").unwrap_or(must_be)
}

impl<T: FromGiven> ScalarVisitor<T> {
    fn read<E: de::Error>(value: Scalar, unexpected: de::Unexpected<'_>) -> Result<Option<T>, E> {
        from_scalar(value)
            .map(Some)
            .ok_or_else(|| E::invalid_type(unexpected, &expected::<T>()))
    }
}

impl<'de, T: FromGiven> Visitor<'de> for ScalarVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(expected::<T>())
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
        Self::read(Scalar::Str(v.into()), de::Unexpected::Str(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_become_each_parameter_type() {
        assert_eq!(
            from_scalar::<String>(Scalar::Int(333)).as_deref(),
            Some("333")
        );
        assert_eq!(
            from_scalar::<String>(Scalar::Float(2.5)).as_deref(),
            Some("2.5")
        );
        assert_eq!(from_scalar::<String>(Scalar::Bool(true)), None);
        assert_eq!(
            from_scalar::<IntLike>(Scalar::Bool(true)),
            Some(Lenient::Invalid("true".into()))
        );
        assert_eq!(
            from_scalar::<FlagLike>(Scalar::Int(2)),
            Some(Lenient::Invalid("2".into()))
        );
        assert_eq!(
            from_scalar::<FlagLike>(Scalar::Float(1.0)),
            Some(Lenient::Valid(true))
        );
        assert_eq!(
            from_scalar::<NumberLike>(Scalar::Float(f64::INFINITY)),
            Some(Lenient::Invalid("inf".into()))
        );
        assert_eq!(
            from_scalar::<NumberLike>(Scalar::Str("1200.50".into())),
            Some(Lenient::Valid(1200.5))
        );
    }
}
