//! A read-and-patch view of a parsed JSON document, so decoding is written once and runs on
//! `serde_json::Value` natively and on the JS engine's own `JSON.parse` output in wasm.
//!
//! Decoding in wasm works on the parsed JS objects in place: leads are handed to the caller as
//! the very objects `JSON.parse` built, with only the fields that need normalising rewritten.
//! That keeps decode close to the cost of `JSON.parse` itself and keeps a JSON parser and
//! object builder out of the wasm binary.

use super::lenient::float_as_int;
use super::params::{FieldSource, Floats, NotScalar, Scalar};
use super::shape::{FieldSpec, Spot};

/// The JSON type of a value (JS `undefined` never reaches here: lookups report it as absent).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

pub trait Json: Sized {
    /// The raw response body as the transport holds it.
    type Text: ?Sized;
    /// A property name prepared once for many lookups (a JS string in wasm).
    type Key;

    fn key(name: &str) -> Self::Key;
    /// The parsed body, or `None` when it is not (complete) JSON.
    fn parse(text: &Self::Text) -> Option<Self>;
    /// Up to `max` characters from the start of the body, for error reports.
    fn snippet(text: &Self::Text, max: usize) -> String;

    fn kind(&self) -> Kind;
    /// A property of an object; `None` when missing (or for non-objects). Meant for scalars:
    /// natively it copies.
    fn get(&self, key: &Self::Key) -> Option<Self>;
    /// A property of an object, which `self` may give up (natively it is moved out).
    fn take(&mut self, key: &Self::Key) -> Option<Self>;
    fn set(&mut self, key: &Self::Key, value: Self);
    fn as_f64(&self) -> Option<f64>;
    fn as_string(&self) -> Option<String>;
    fn as_bool(&self) -> Option<bool>;
    /// The elements of an array, or `None` for non-arrays.
    fn into_items(self) -> Option<Vec<Self>>;
    /// The length of an array, or `None` for non-arrays.
    fn array_len(&self) -> Option<usize>;

    /// Where in `list` (an array of records) normalisation has work to do. The default says
    /// "every record"; an implementation may narrow that down in bulk, as long as it never
    /// leaves out a place that needs work.
    fn spots(list: &Self, fields: &[(Self::Key, &'static FieldSpec)]) -> Vec<Spot> {
        let _ = fields;
        (0..list.array_len().unwrap_or(0)).map(Spot::Item).collect()
    }

    fn string(s: &str) -> Self;
    fn number(n: f64) -> Self;
    fn null() -> Self;

    /// `f` as text, the shortest that reads back as `f` (the JS engine's `String(f)` in wasm,
    /// so that Rust's float formatting stays out of the module).
    fn float_text(f: f64) -> String;
    /// A plain decimal's value, `None` unless finite (the JS engine's `parseFloat` in wasm).
    fn parse_float(text: &str) -> Option<f64>;
}

/// Any parsed JSON (or JS) object is a source of params.
impl<J: Json> FieldSource for J {
    fn scalar(&self, name: &str) -> Result<Option<Scalar>, NotScalar> {
        let Some(value) = self.get(&J::key(name)) else {
            return Ok(None);
        };
        let scalar = match value.kind() {
            Kind::Null => return Ok(None),
            Kind::String => value.as_string().map(Scalar::Str),
            Kind::Number => value.as_f64().map(|n| match float_as_int(n) {
                Some(i) => Scalar::Int(i),
                None => Scalar::Float(n),
            }),
            Kind::Bool => value.as_bool().map(Scalar::Bool),
            Kind::Array | Kind::Object => None,
        };
        scalar.map(Some).ok_or(NotScalar)
    }
}

impl<J: Json> Floats for J {
    fn float_text(f: f64) -> String {
        <J as Json>::float_text(f)
    }

    fn parse_float(text: &str) -> Option<f64> {
        <J as Json>::parse_float(text)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use serde_json::{Number, Value};

    use super::{Json, Kind};

    impl Json for Value {
        type Text = str;
        type Key = String;

        fn key(name: &str) -> String {
            name.to_owned()
        }

        fn parse(text: &str) -> Option<Value> {
            serde_json::from_str(text).ok()
        }

        fn snippet(text: &str, max: usize) -> String {
            text.chars().take(max).collect()
        }

        fn kind(&self) -> Kind {
            match self {
                Value::Null => Kind::Null,
                Value::Bool(_) => Kind::Bool,
                Value::Number(_) => Kind::Number,
                Value::String(_) => Kind::String,
                Value::Array(_) => Kind::Array,
                Value::Object(_) => Kind::Object,
            }
        }

        fn get(&self, key: &String) -> Option<Value> {
            self.as_object()?.get(key).cloned()
        }

        fn take(&mut self, key: &String) -> Option<Value> {
            self.as_object_mut()?.remove(key)
        }

        fn set(&mut self, key: &String, value: Value) {
            if let Some(map) = self.as_object_mut() {
                map.insert(key.clone(), value);
            }
        }

        fn as_f64(&self) -> Option<f64> {
            Value::as_f64(self)
        }

        fn as_string(&self) -> Option<String> {
            self.as_str().map(str::to_owned)
        }

        fn as_bool(&self) -> Option<bool> {
            Value::as_bool(self)
        }

        fn into_items(self) -> Option<Vec<Value>> {
            match self {
                Value::Array(items) => Some(items),
                _ => None,
            }
        }

        fn array_len(&self) -> Option<usize> {
            self.as_array().map(Vec::len)
        }

        fn string(s: &str) -> Value {
            Value::String(s.to_owned())
        }

        fn number(n: f64) -> Value {
            // Integral values become JSON integers, as JS would print them.
            match crate::wire::lenient::float_as_int(n) {
                Some(i) => Value::Number(i.into()),
                None => Number::from_f64(n).map_or(Value::Null, Value::Number),
            }
        }

        fn null() -> Value {
            Value::Null
        }

        fn float_text(f: f64) -> String {
            crate::wire::lenient::float_text(f)
        }

        fn parse_float(text: &str) -> Option<f64> {
            text.parse().ok().filter(|f: &f64| f.is_finite())
        }
    }
}
