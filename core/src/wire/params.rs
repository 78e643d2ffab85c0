//! The params of a call, read by one reader for every endpoint: it walks the endpoint's
//! declared parameter list (`api/<endpoint>.rs`) over an untyped object (a JS object in wasm,
//! a JSON value natively) and keeps each value as the caller gave it.

use alloc::borrow::Cow;
use alloc::string::String;

use super::lenient::NumberLike;
use super::lenient::{float_as_int, parse_flag, parse_int, plain_decimal, FlagLike, IntLike};
use crate::validate::fields::{int_string, Value};
use crate::validate::lead::Names;

/// What a parameter takes. JS callers pass numbers as `5` or `"5"` and flags as `true`, `1` or
/// `"true"`: each kind reads all of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Text; whole numbers are taken as their digits (`list_id: 333`).
    Text,
    /// An integer (`5`, `"5"`).
    Int,
    /// A decimal (`1200.5`, `"1200.50"`).
    Number,
    /// A boolean (`true`, `1`, `"1"`, `"true"`), sent as `1`/`0`.
    Flag,
}

impl Kind {
    /// What the kind takes, for the message when the input is not a scalar at all (for a
    /// parameter or an option of this kind).
    pub fn must_be(self) -> &'static str {
        match self {
            Kind::Text => "must be a string",
            Kind::Int => "must be an integer or a numeric string",
            Kind::Number => "must be a number or a numeric string",
            Kind::Flag => "must be a boolean, 0/1 or \"true\"/\"false\"",
        }
    }

    /// `scalar` read as this kind; `None` when it can never be one (`true` for text).
    /// `Given::Raw` keeps input that does not read as the kind, for validation to report.
    pub fn read<S: Floats + ?Sized>(self, scalar: Scalar) -> Option<Given> {
        let raw = |scalar: &Scalar| match scalar {
            Scalar::Str(s) => s.clone(),
            Scalar::Int(i) => int_string(*i),
            Scalar::Float(f) => S::float_text(*f),
            Scalar::Bool(b) => String::from(if *b { "true" } else { "false" }),
        };
        let whole = match scalar {
            Scalar::Int(i) => Some(i),
            Scalar::Float(f) => float_as_int(f),
            _ => None,
        };
        Some(match (self, &scalar) {
            (Kind::Text, Scalar::Bool(_)) => return None,
            (Kind::Text, _) => Given::Text(raw(&scalar)),
            (Kind::Int, Scalar::Str(s)) => {
                parse_int(s).map_or(Given::Raw(raw(&scalar)), Given::Int)
            }
            (Kind::Int, _) => whole.map_or_else(|| Given::Raw(raw(&scalar)), Given::Int),
            (Kind::Number, Scalar::Str(s)) => match plain_decimal(s).and_then(S::parse_float) {
                Some(f) => Given::Number(f, S::float_text(f)),
                None => Given::Raw(raw(&scalar)),
            },
            // i64 → f64 is exact for every integer a JS number can hold.
            (Kind::Number, Scalar::Int(i)) => Given::Number(*i as f64, raw(&scalar)),
            (Kind::Number, Scalar::Float(f)) if f.is_finite() => Given::Number(*f, raw(&scalar)),
            (Kind::Number, _) => Given::Raw(raw(&scalar)),
            (Kind::Flag, Scalar::Bool(b)) => Given::Flag(*b),
            (Kind::Flag, Scalar::Str(s)) => {
                parse_flag(s).map_or(Given::Raw(raw(&scalar)), Given::Flag)
            }
            (Kind::Flag, _) => match whole {
                Some(0) => Given::Flag(false),
                Some(1) => Given::Flag(true),
                _ => Given::Raw(raw(&scalar)),
            },
        })
    }
}

/// The Rust types of the typed params structs, by kind (used by `params!`).
pub trait Kinded {
    const KIND: Kind;
}

impl Kinded for String {
    const KIND: Kind = Kind::Text;
}

impl Kinded for IntLike {
    const KIND: Kind = Kind::Int;
}

impl Kinded for NumberLike {
    const KIND: Kind = Kind::Number;
}

impl Kinded for FlagLike {
    const KIND: Kind = Kind::Flag;
}

/// The parameters an endpoint takes. Names are one text, each followed by a space: binary
/// tables of pointers gzip poorly in the wasm.
#[derive(Clone, Copy, Debug)]
pub struct ParamList {
    pub names: &'static str,
    /// One per name, in the same order.
    pub kinds: &'static [Kind],
}

impl ParamList {
    /// The API names, in declaration order.
    pub fn names(&self) -> Names {
        Names::new(self.names)
    }

    /// Where `name` is in the list.
    pub fn index(&self, name: &str) -> Option<usize> {
        self.names().position(|n| n == name)
    }

    /// Every parameter with its kind.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, Kind)> {
        self.names().zip(self.kinds.iter().copied())
    }
}

/// One scalar as JS (or JSON) delivers it.
#[derive(Clone, Debug, PartialEq)]
pub enum Scalar {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
}

/// The value was an object or an array, where a parameter takes a scalar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotScalar;

/// How floats become text and plain decimals become floats, as the values' own language does
/// it (the JS engine in wasm: Rust's float formatting would add ~20 KB to the module).
pub trait Floats {
    /// `f` as text, the shortest that reads back as `f` (`String(f)` in wasm).
    fn float_text(f: f64) -> String;
    /// A plain decimal's value (`parseFloat` in wasm).
    fn parse_float(text: &str) -> Option<f64>;
}

/// An untyped object that params can be read from, by parameter name (a JS object in wasm).
pub trait FieldSource: Floats {
    /// The value of `name`: `Ok(None)` when absent, `null` or `undefined`.
    fn scalar(&self, name: &str) -> Result<Option<Scalar>, NotScalar>;
}

/// One parameter as the caller gave it.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Given {
    /// Not given (`null`/`undefined` from JS).
    #[default]
    Absent,
    Text(String),
    Int(i64),
    /// A decimal, and the text it is sent as.
    Number(f64, String),
    Flag(bool),
    /// Input that does not read as the parameter's kind, kept verbatim for validation to
    /// report (and sent unchanged when the caller turned validation off).
    Raw(String),
}

impl Given {
    /// How the value is spelled in a form body; `None` when absent.
    pub fn form_text(&self) -> Option<Cow<'_, str>> {
        Some(match self {
            Given::Absent => return None,
            Given::Text(text) | Given::Number(_, text) | Given::Raw(text) => Cow::Borrowed(text),
            Given::Int(i) => Cow::Owned(int_string(*i)),
            // `1`/`0`: the service is PHP, where the string `"false"` is truthy.
            Given::Flag(b) => Cow::Borrowed(if *b { "1" } else { "0" }),
        })
    }

    /// The value as validation sees it.
    pub fn as_value(&self) -> Value<'_> {
        match self {
            Given::Absent => Value::Absent,
            Given::Text(text) | Given::Raw(text) => Value::Text(text),
            Given::Int(i) => Value::Int(*i),
            Given::Number(f, _) => Value::Float(*f),
            Given::Flag(b) => Value::Bool(*b),
        }
    }

    /// A value the typed API holds, as the reader would have given it.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_value(kind: Kind, value: Value<'_>, float_text: fn(f64) -> String) -> Given {
        match (kind, value) {
            (_, Value::Absent | Value::Other) => Given::Absent,
            (Kind::Text, Value::Text(text)) => Given::Text(text.into()),
            (_, Value::Text(text)) => Given::Raw(text.into()),
            (_, Value::Int(i)) => Given::Int(i),
            (_, Value::Float(f)) => Given::Number(f, float_text(f)),
            (_, Value::Bool(b)) => Given::Flag(b),
        }
    }
}

/// A property that does not hold a value its parameter can take (an object for a text field).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadField {
    pub field: &'static str,
    /// What the parameter takes, as its message says it: "must be a string".
    pub must_be: &'static str,
}
