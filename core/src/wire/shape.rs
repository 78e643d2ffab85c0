//! The shape of the records an answer lists (a lead, a recording): which fields they have and
//! what each holds once normalised, as `record!` declares them. Shared by the normaliser and
//! the JSON views that help it find its work (`Json::spots`).

use alloc::string::String;

/// What a record field holds once normalised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// A string (numbers and booleans are rewritten as text); `null` stays `null`.
    Text,
    /// A number (numeric strings are rewritten as numbers); `""` and `null` become `null`.
    Number,
}

/// One field of a record type, as `record!` declares it.
#[derive(Clone, Copy, Debug)]
pub struct FieldSpec {
    pub name: &'static str,
    pub kind: ValueKind,
    /// A record without this field (or with `null`) is a decode error.
    pub required: bool,
}

/// The Rust types a record field can have, and the kind each normalises to.
pub trait FieldType {
    const KIND: ValueKind;
}

impl FieldType for String {
    const KIND: ValueKind = ValueKind::Text;
}

impl FieldType for f64 {
    const KIND: ValueKind = ValueKind::Number;
}

/// A record type (a lead, a recording) declared with `record!`.
pub trait Record {
    /// For messages: `lead`, `recording`.
    const NAME: &'static str;
    const FIELDS: &'static [FieldSpec];
}

/// The fields of a record the service sent beyond the documented ones, kept as sent.
#[cfg(not(target_arch = "wasm32"))]
pub type Extra = std::collections::BTreeMap<String, serde_json::Value>;
/// The fields of a record the service sent beyond the documented ones, kept as sent. In wasm
/// records are decoded in place as JS objects, so this type only shapes the TypeScript
/// declaration (`Record<string, unknown>`).
#[cfg(target_arch = "wasm32")]
pub type Extra = alloc::collections::BTreeMap<String, ()>;

/// A place in a list of records that normalisation must visit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spot {
    /// The whole record at this index.
    Item(usize),
    /// One field (an index into the record type's fields) of the record at this index, which
    /// is known to be an object.
    Field(usize, usize),
}
