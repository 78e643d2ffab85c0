//! Reading a caller's objects without letting them throw through WebAssembly: see guard.js,
//! which does the reading. Every object, list, signal and callback that comes from a caller
//! goes through here before the wasm side looks inside it. (No js-sys here: the validation-only
//! build uses this too.)

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/wasm/guard.js")]
extern "C" {
    fn snapshot(value: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = listOf)]
    fn list_of(value: &JsValue, max: u32) -> JsValue;
}

#[cfg(feature = "client")]
#[wasm_bindgen(module = "/src/wasm/guard.js")]
extern "C" {
    #[wasm_bindgen(js_name = signalOf)]
    fn signal_of(value: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = callQuietly)]
    fn call_quietly(callback: &js_sys::Function, argument: &JsValue);
    #[wasm_bindgen(js_name = skippedRows)]
    fn skipped_rows(skip: &JsValue, rows: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = sendAllowed)]
    fn send_allowed(on_send: &js_sys::Function, index: u32) -> js_sys::Promise;
    #[wasm_bindgen(js_name = fetchWith)]
    fn fetch_with(
        fetch: Option<&js_sys::Function>,
        request: &web_sys::Request,
        signal: Option<&web_sys::AbortSignal>,
        timeout_ms: Option<u32>,
    ) -> js_sys::Promise;
}

/// A plain copy of a caller's (non-array) object, safe to index; `None` when it is not one.
pub fn object(value: &JsValue) -> Option<JsValue> {
    Some(snapshot(value)).filter(|copy| !copy.is_undefined())
}

/// A caller's list.
pub enum List {
    /// A plain copy of its items, as a JS array.
    Items(JsValue),
    NotAnArray,
    TooLong,
}

/// A copy of a caller's array of at most `max` items.
pub fn list(value: &JsValue, max: u32) -> List {
    let copy = list_of(value, max);
    if copy.is_undefined() {
        List::NotAnArray
    } else if copy.is_null() {
        List::TooLong
    } else {
        List::Items(copy)
    }
}

/// Whether `value` is a real `AbortSignal`: only then may its properties be read.
#[cfg(feature = "client")]
pub fn is_signal(value: &JsValue) -> bool {
    !signal_of(value).is_undefined()
}

/// Calls a caller's callback, ignoring whatever it throws or rejects with.
#[cfg(feature = "client")]
pub fn call(callback: &js_sys::Function, argument: &JsValue) {
    call_quietly(callback, argument);
}

/// Which of `rows` (a JS array) the caller's `skip` names, one flag per row: `None` when `skip`
/// is neither a function nor a Set, `Some(Err(()))` when it threw.
#[cfg(feature = "client")]
pub fn skipped(skip: &JsValue, rows: &JsValue) -> Option<Result<alloc::string::String, ()>> {
    let flags = skipped_rows(skip, rows);
    if flags.is_undefined() {
        None
    } else {
        Some(flags.as_string().ok_or(()))
    }
}

/// Calls the caller's `onSend(index)` and waits for it; resolves `false` when it throws or
/// rejects.
#[cfg(feature = "client")]
pub fn may_send(on_send: &js_sys::Function, index: u32) -> js_sys::Promise {
    send_allowed(on_send, index)
}

/// Sends `request` with the caller's `fetch` (`None`: the global one). The promise settles with
/// a real `Response`, or rejects with an `Error` when the function throws, resolves to
/// anything else, or is still pending when `signal` aborts (`timeout_ms`, the limit `signal`
/// carries, keeps the runtime waiting for it).
#[cfg(feature = "client")]
pub fn fetch(
    fetch: Option<&js_sys::Function>,
    request: &web_sys::Request,
    signal: Option<&web_sys::AbortSignal>,
    timeout_ms: Option<u32>,
) -> js_sys::Promise {
    fetch_with(fetch, request, signal, timeout_ms)
}
