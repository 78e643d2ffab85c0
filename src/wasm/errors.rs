//! [`Error`] → the JS error classes of errors.js, which build every error the package raises.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::error::Error;

#[wasm_bindgen(module = "/src/wasm/errors.js")]
extern "C" {
    #[wasm_bindgen(js_name = makeError)]
    fn make_error(kind: &str, fields: &Object) -> JsValue;

    /// The base class of every error the client raises.
    pub type ConvosoError;
    /// `success: false` from the service.
    pub type ConvosoApiError;
    /// An HTTP error status with a non-API body.
    pub type ConvosoHttpError;
    /// No answer arrived.
    pub type ConvosoNetworkError;
    /// No answer in time.
    pub type ConvosoTimeoutError;
    /// Cancelled by the caller.
    pub type ConvosoAbortError;
    /// An answer that is not the expected JSON.
    pub type ConvosoDecodeError;
    /// Invalid request, not sent.
    pub type ConvosoValidationError;
}

/// The JS error for `error`: a `ConvosoError` subclass chosen by kind, with that kind's fields.
pub fn to_js(error: &Error) -> JsValue {
    let fields = Object::new();
    let set = |name: &str, value: JsValue| {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&fields, &name.into(), &value);
    };
    set("message", error.message().into());
    set("endpoint", error.endpoint().into());
    if let Some(status) = error.status() {
        set("status", status.into());
    }
    match error {
        Error::Api {
            code: Some(code), ..
        } => set("code", JsValue::from_f64(*code as f64)),
        Error::Http { snippet, .. } => set("bodySnippet", snippet.into()),
        Error::Timeout { timeout_ms, .. } => set("timeoutMs", (*timeout_ms).into()),
        Error::Validation { errors, .. } => {
            let list = js_sys::Array::new();
            for e in errors {
                let item = Object::new();
                let put = |k: &str, v: JsValue| {
                    let _ = Reflect::set(&item, &k.into(), &v);
                };
                put("field", e.field.as_ref().into());
                put("code", e.code.into());
                put("message", e.message.as_ref().into());
                if let Some(index) = e.index {
                    put("index", index.into());
                }
                if e.incomplete {
                    put("incomplete", true.into());
                }
                list.push(&item);
            }
            set("errors", list.into());
        }
        _ => {}
    }
    make_error(error.kind(), &fields)
}
