//! Results as plain JS objects, built property by property: a generic serializer would cost
//! more wasm than these five shapes. tests/wasm_fixtures.rs checks them against the same
//! expectations as the serde shapes of the native build.

use js_sys::{Array, Object};
use wasm_bindgen::prelude::*;

use super::json::Js;
use crate::api::delete::DeleteResult;
use crate::api::insert::InsertResult;
use crate::api::recordings::RecordingsPage;
use crate::api::search::SearchPage;
use crate::api::update::UpdateResult;
use crate::api::Output;

#[wasm_bindgen]
extern "C" {
    type Props;

    #[wasm_bindgen(method, structural, indexing_setter)]
    fn set(this: &Props, key: &str, value: &JsValue);
}

/// A result the client hands to JS.
pub trait ToJs {
    fn to_js(&self) -> JsValue;
}

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    let props: &Props = object.unchecked_ref();
    for (key, value) in fields {
        props.set(key, value);
    }
    object.into()
}

/// A page: its list under `list_key` (the records are the objects JSON.parse made), and
/// `total` only when the service reported one.
fn page(list_key: &str, items: &[Js], offset: u64, limit: u64, total: Option<u64>) -> JsValue {
    let list: Array = items.iter().map(|item| item.0.clone()).collect();
    let mut fields = vec![
        (list_key, list.into()),
        ("offset", JsValue::from_f64(offset as f64)),
        ("limit", JsValue::from_f64(limit as f64)),
    ];
    if let Some(total) = total {
        fields.push(("total", JsValue::from_f64(total as f64)));
    }
    object(&fields)
}

impl ToJs for SearchPage<Js> {
    fn to_js(&self) -> JsValue {
        page(
            "results",
            &self.results,
            self.offset,
            self.limit,
            self.total,
        )
    }
}

impl ToJs for RecordingsPage<Js> {
    fn to_js(&self) -> JsValue {
        page(
            "entries",
            &self.entries,
            self.offset,
            self.limit,
            self.total,
        )
    }
}

impl ToJs for InsertResult {
    fn to_js(&self) -> JsValue {
        object(&[("lead_id", self.lead_id.as_str().into())])
    }
}

impl ToJs for UpdateResult {
    fn to_js(&self) -> JsValue {
        object(&[("lead_id", self.lead_id.as_str().into())])
    }
}

impl ToJs for DeleteResult {
    fn to_js(&self) -> JsValue {
        object(&[("success", self.success.into())])
    }
}

impl ToJs for Output<Js> {
    fn to_js(&self) -> JsValue {
        match self {
            Output::Search(page) => page.to_js(),
            Output::Recordings(page) => page.to_js(),
            Output::Insert(result) => result.to_js(),
            Output::Update(result) => result.to_js(),
            Output::Delete(result) => result.to_js(),
        }
    }
}
