//! The one way the client turns Rust futures into JS promises. `future_to_promise` is generic:
//! every distinct future type it is given brings its own copy of the executor glue into the
//! wasm. Boxed first, all futures share one.

use std::future::Future;
use std::pin::Pin;

use js_sys::Promise;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::future_to_promise;

type Boxed = Pin<Box<dyn Future<Output = Result<JsValue, JsValue>>>>;

pub fn promise(future: impl Future<Output = Result<JsValue, JsValue>> + 'static) -> Promise {
    let boxed: Boxed = Box::pin(future);
    future_to_promise(boxed)
}
