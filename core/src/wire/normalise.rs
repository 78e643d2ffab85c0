//! Reading ids, counts and record fields leniently, and rewriting them into one shape:
//! ids and text as strings, counts and durations as numbers, `""` for a number as `null`.

use super::json::{Json, Kind};
use super::shape::{FieldSpec, Record, Spot, ValueKind};
use crate::text::text;

use super::lenient::{float_as_int, parse_int, plain_decimal};

/// An id or a text field as a string: strings as given, integral numbers in plain decimal.
pub fn id_text<J: Json>(value: &J) -> Option<String> {
    match value.kind() {
        Kind::String => value.as_string(),
        Kind::Number => value.as_f64().map(J::float_text),
        _ => None,
    }
}

/// A pagination count (`offset`, `limit`, `total`): a whole number ≥ 0 given as a number or a
/// string. `Ok(None)` when absent in practice (`null`, `""`).
pub fn count<J: Json>(value: &J) -> Result<Option<u64>, String> {
    let parsed = match value.kind() {
        Kind::Null => return Ok(None),
        Kind::Number => value.as_f64().and_then(float_as_int),
        Kind::String => match value.as_string() {
            Some(s) if s.trim().is_empty() => return Ok(None),
            Some(s) => parse_int(&s),
            None => None,
        },
        _ => None,
    };
    parsed
        .and_then(|n| u64::try_from(n).ok())
        .map(Some)
        .ok_or_else(|| "a count is not a whole number".to_owned())
}

/// Rewrites the fields of one record in place. The property names are prepared once per
/// decode, not once per record: a page can hold 2,000 leads.
pub struct Normaliser<J: Json> {
    record: &'static str,
    fields: Vec<(J::Key, &'static FieldSpec)>,
}

impl<J: Json> Normaliser<J> {
    pub fn new<R: Record>() -> Self {
        Normaliser {
            record: R::NAME,
            fields: R::FIELDS.iter().map(|f| (J::key(f.name), f)).collect(),
        }
    }

    /// Normalises every record of a list in place and returns them. Only the places
    /// [`Json::spots`] points at are visited: in wasm that is a bulk scan in JS, so a page whose
    /// records are already normal costs one call, not several per field.
    pub fn apply_list(&self, list: J, what: &str) -> Result<Vec<J>, String> {
        let spots = J::spots(&list, &self.fields);
        let mut items = list
            .into_items()
            .ok_or_else(|| text!("the list of ", what, " is not an array"))?;
        for spot in spots {
            match spot {
                Spot::Item(i) => {
                    if let Some(item) = items.get_mut(i) {
                        self.apply(item)?;
                    }
                }
                Spot::Field(i, k) => {
                    if let (Some(item), Some((key, spec))) = (items.get_mut(i), self.fields.get(k))
                    {
                        self.apply_field(item, key, spec)?;
                    }
                }
            }
        }
        Ok(items)
    }

    /// Normalises every field of one record.
    pub fn apply(&self, item: &mut J) -> Result<(), String> {
        if item.kind() != Kind::Object {
            return Err(text!("a ", self.record, " is not an object"));
        }
        for (key, spec) in &self.fields {
            self.apply_field(item, key, spec)?;
        }
        Ok(())
    }

    fn apply_field(&self, item: &mut J, key: &J::Key, spec: &FieldSpec) -> Result<(), String> {
        let value = item.get(key);
        let kind = value.as_ref().map_or(Kind::Null, J::kind);
        if kind == Kind::Null {
            if spec.required {
                return Err(text!("a ", self.record, " has no ", spec.name));
            }
            return Ok(());
        }
        let Some(value) = value else { return Ok(()) };
        if let Some(replacement) = rewrite(spec.kind, kind, &value) {
            let replacement = replacement.ok_or_else(|| {
                text!(spec.name, " of a ", self.record, " has an unexpected type")
            })?;
            item.set(key, replacement);
        }
        Ok(())
    }
}

/// `None` when the value already has its normal form; `Some(None)` when it cannot have it.
fn rewrite<J: Json>(want: ValueKind, kind: Kind, value: &J) -> Option<Option<J>> {
    match (want, kind) {
        (ValueKind::Text, Kind::String) | (ValueKind::Number, Kind::Number) => None,
        (ValueKind::Text, Kind::Number) => Some(id_text(value).map(|s| J::string(&s))),
        (ValueKind::Text, Kind::Bool) => Some(
            value
                .as_bool()
                .map(|b| J::string(if b { "true" } else { "false" })),
        ),
        (ValueKind::Number, Kind::String) => Some(value.as_string().and_then(|s| {
            if s.trim().is_empty() {
                Some(J::null())
            } else {
                plain_decimal(&s).and_then(J::parse_float).map(J::number)
            }
        })),
        _ => Some(None),
    }
}
