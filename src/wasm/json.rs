//! [`Json`] over the JS engine's own values: answers are parsed with `JSON.parse` and
//! normalised in place, so the wasm carries no JSON parser and builds no objects of its own.

use js_sys::{Array, JsString};
use wasm_bindgen::prelude::*;

use crate::wire::json::{Json, Kind};
use crate::wire::shape::{FieldSpec, Spot, ValueKind};

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` on a JS string, without copying the text through wasm memory.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_json(text: &JsString) -> Result<JsValue, JsValue>;

    /// Any JS object, by property. Plain indexing (no `Reflect` and no try/catch around it):
    /// decoding reads tens of thousands of properties per page.
    type Props;

    #[wasm_bindgen(method, structural, indexing_getter)]
    fn get(this: &Props, key: &JsValue) -> JsValue;

    #[wasm_bindgen(method, structural, indexing_setter)]
    fn set(this: &Props, key: &JsValue, value: &JsValue);
}

#[wasm_bindgen(module = "/src/wasm/decode.js")]
extern "C" {
    fn mismatches(items: &JsValue, keys: &Array, types: &Array, required: &Array) -> Vec<i32>;
}

/// A JS value decoding works on.
#[derive(Clone, Debug)]
pub struct Js(pub JsValue);

impl Json for Js {
    type Text = JsString;
    type Key = JsValue;

    fn key(name: &str) -> JsValue {
        JsValue::from_str(name)
    }

    fn parse(text: &JsString) -> Option<Js> {
        parse_json(text).ok().map(Js)
    }

    fn snippet(text: &JsString, max: usize) -> String {
        let end = u32::try_from(max).unwrap_or(u32::MAX);
        text.slice(0, end).as_string().unwrap_or_default()
    }

    fn kind(&self) -> Kind {
        let v = &self.0;
        if v.is_string() {
            Kind::String
        } else if v.is_null() || v.is_undefined() {
            Kind::Null
        } else if v.as_f64().is_some() {
            Kind::Number
        } else if v.as_bool().is_some() {
            Kind::Bool
        } else if Array::is_array(v) {
            Kind::Array
        } else {
            Kind::Object
        }
    }

    fn get(&self, key: &JsValue) -> Option<Js> {
        // Only objects are indexed: indexing `null` would throw.
        if !self.0.is_object() {
            return None;
        }
        Some(self.0.unchecked_ref::<Props>().get(key))
            .filter(|v| !v.is_undefined())
            .map(Js)
    }

    fn take(&mut self, key: &JsValue) -> Option<Js> {
        self.get(key)
    }

    fn set(&mut self, key: &JsValue, value: Js) {
        // Objects from JSON.parse are plain and unfrozen: setting cannot throw.
        if self.0.is_object() {
            self.0.unchecked_ref::<Props>().set(key, &value.0);
        }
    }

    fn as_f64(&self) -> Option<f64> {
        self.0.as_f64()
    }

    fn as_string(&self) -> Option<String> {
        self.0.as_string()
    }

    fn as_bool(&self) -> Option<bool> {
        self.0.as_bool()
    }

    fn into_items(self) -> Option<Vec<Js>> {
        Array::is_array(&self.0).then(|| Array::from(&self.0).iter().map(Js).collect())
    }

    fn array_len(&self) -> Option<usize> {
        Array::is_array(&self.0).then(|| Array::from(&self.0).length() as usize)
    }

    /// One call into JS (decode.js) finds the few places that are not already normal.
    fn spots(list: &Js, fields: &[(JsValue, &'static FieldSpec)]) -> Vec<Spot> {
        if !Array::is_array(&list.0) {
            return Vec::new();
        }
        let keys: Array = fields.iter().map(|(key, _)| key.clone()).collect();
        let types: Array = fields
            .iter()
            .map(|(_, spec)| {
                JsValue::from_str(match spec.kind {
                    ValueKind::Text => "string",
                    ValueKind::Number => "number",
                })
            })
            .collect();
        let required: Array = fields
            .iter()
            .map(|(_, spec)| JsValue::from_bool(spec.required))
            .collect();
        mismatches(&list.0, &keys, &types, &required)
            .chunks_exact(2)
            .filter_map(|pair| match *pair {
                [item, -1] => Some(Spot::Item(usize::try_from(item).ok()?)),
                [item, field] => Some(Spot::Field(
                    usize::try_from(item).ok()?,
                    usize::try_from(field).ok()?,
                )),
                _ => None,
            })
            .collect()
    }

    fn string(s: &str) -> Js {
        Js(JsValue::from_str(s))
    }

    fn number(n: f64) -> Js {
        Js(JsValue::from_f64(n))
    }

    fn null() -> Js {
        Js(JsValue::NULL)
    }

    /// `String(f)`: the shortest text that reads back as `f`, as JS writes it (Rust's float
    /// formatting would add ~20 KB to the module).
    fn float_text(f: f64) -> String {
        js_sys::Number::from(f)
            .to_string_with_radix(10)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }

    /// `parseFloat(text)` for text already checked to be a plain decimal.
    fn parse_float(text: &str) -> Option<f64> {
        Some(js_sys::parse_float(text)).filter(|f| f.is_finite())
    }
}
