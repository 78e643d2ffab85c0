//! [`Json`] over the JS engine's own values: answers are parsed with `JSON.parse` and
//! normalised in place, so the wasm carries no JSON parser and builds no objects of its own.

use js_sys::{Array, JsString, Reflect};
use serde::{Serialize, Serializer};
use wasm_bindgen::prelude::*;

use crate::wire::json::{Json, Kind};

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` on a JS string, without copying the text through wasm memory.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_json(text: &JsString) -> Result<JsValue, JsValue>;
}

/// A JS value decoding works on; serialises as itself (serde-wasm-bindgen passes it through).
#[derive(Clone, Debug)]
pub struct Js(pub JsValue);

impl Serialize for Js {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serde_wasm_bindgen::preserve::serialize(&self.0, serializer)
    }
}

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
        if !self.0.is_object() {
            return None;
        }
        Reflect::get(&self.0, key)
            .ok()
            .filter(|v| !v.is_undefined())
            .map(Js)
    }

    fn take(&mut self, key: &JsValue) -> Option<Js> {
        self.get(key)
    }

    fn set(&mut self, key: &JsValue, value: Js) {
        if self.0.is_object() {
            // Only fails on frozen objects, which JSON.parse never makes.
            let _ = Reflect::set(&self.0, key, &value.0);
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

    fn string(s: &str) -> Js {
        Js(JsValue::from_str(s))
    }

    fn number(n: f64) -> Js {
        Js(JsValue::from_f64(n))
    }

    fn null() -> Js {
        Js(JsValue::NULL)
    }
}
