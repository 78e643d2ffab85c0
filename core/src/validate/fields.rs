//! The values of a request, however the caller holds them: the `api` params types natively, a
//! plain JS object in the wasm build. Validation reads fields by API name through [`Fields`].

use alloc::string::String;

use crate::wire::lenient::{float_as_int, Lenient};

/// One field's value as the caller gave it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    /// Not given (also `null`/`undefined` from JS).
    Absent,
    /// Text; for the lenient number types, input that did not read as a number.
    Text(&'a str),
    /// A whole number.
    Int(i64),
    /// A JS number that is not known to be whole.
    Float(f64),
    /// A boolean.
    Bool(bool),
    /// Anything else a JS caller can pass (an object, an array, ...).
    Other,
}

impl Value<'_> {
    /// A JS number: [`Value::Int`] when it holds a whole number exactly.
    pub fn from_number(n: f64) -> Self {
        // Up to 2^53: past it a double no longer holds every integer, so digits would be invented.
        match float_as_int(n) {
            Some(i) => Value::Int(i),
            None => Value::Float(n),
        }
    }

    /// The text, if the value is text.
    pub fn text(&self) -> Option<&str> {
        match self {
            Value::Text(text) => Some(text),
            _ => None,
        }
    }

    /// Whether the field counts as not given: absent, or text that is empty or only ASCII
    /// whitespace.
    pub fn is_blank(&self) -> bool {
        match self {
            Value::Absent => true,
            Value::Text(text) => text.as_bytes().trim_ascii().is_empty(),
            _ => false,
        }
    }
}

/// A request whose fields can be read by API name. Unknown names read as [`Value::Absent`].
pub trait Fields {
    /// The value of the field called `name`.
    fn value(&self, name: &str) -> Value<'_>;
}

/// How one params field presents itself to validation.
pub trait AsValue {
    /// The field's value.
    fn as_value(&self) -> Value<'_>;
}

impl AsValue for Option<String> {
    fn as_value(&self) -> Value<'_> {
        match self {
            Some(text) => Value::Text(text),
            None => Value::Absent,
        }
    }
}

impl<T: Copy + Into<Value<'static>>> AsValue for Option<Lenient<T>> {
    fn as_value(&self) -> Value<'_> {
        match self {
            Some(Lenient::Valid(v)) => (*v).into(),
            Some(Lenient::Invalid(raw)) => Value::Text(raw),
            None => Value::Absent,
        }
    }
}

impl From<i64> for Value<'_> {
    fn from(n: i64) -> Self {
        Value::Int(n)
    }
}

impl From<f64> for Value<'_> {
    fn from(n: f64) -> Self {
        Value::Float(n)
    }
}

impl From<bool> for Value<'_> {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

/// Room for any `i64` in decimal.
pub const INT_TEXT: usize = 20;

/// The text of a given value; whole numbers as their decimal digits (`list_id: 333`,
/// `phone_number: 2015550123` from JS). `None` for booleans, fractions and objects.
pub fn given_text<'a>(value: &'a Value<'a>, buffer: &'a mut [u8; INT_TEXT]) -> Option<&'a str> {
    match value {
        Value::Text(text) => Some(text),
        Value::Int(n) => Some(int_text(*n, buffer)),
        _ => None,
    }
}

/// Decimal digits of `n` without `core::fmt` (which would add kilobytes to the wasm).
fn int_text(n: i64, buffer: &mut [u8; INT_TEXT]) -> &str {
    let mut rest = n.unsigned_abs();
    let mut start = INT_TEXT;
    loop {
        start -= 1;
        if let Some(slot) = buffer.get_mut(start) {
            *slot = b'0' + (rest % 10) as u8;
        }
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if n < 0 {
        start -= 1;
        if let Some(slot) = buffer.get_mut(start) {
            *slot = b'-';
        }
    }
    let digits = buffer.get(start..).unwrap_or(&[]);
    // SAFETY: the loops above write only ASCII digits and `-` (see `Phone::slice`).
    unsafe { core::str::from_utf8_unchecked(digits) }
}

/// Decimal digits of `n` as a `String`, without `core::fmt`.
pub fn int_string(n: i64) -> String {
    String::from(int_text(n, &mut [0; INT_TEXT]))
}
